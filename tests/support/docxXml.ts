import assert from 'node:assert/strict';

/** One `<w:p>` of a DOCX part. */
export interface DocxParagraph {
  style: string | null;
  /** Text of the `<w:t>`s, `<w:br/>` as a newline and `<w:tab/>` as a tab. */
  text: string;
  xml: string;
}

/** XML text with its entities (named and numeric) decoded. */
export function decodeXml(xml: string): string {
  return xml.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity[0] !== '#') return named[entity.toLowerCase()];
    return String.fromCodePoint(entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
  });
}

/** The paragraphs of a DOCX part (document, header), in order. */
export function docxParagraphs(xml: string): DocxParagraph[] {
  return Array.from(xml.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g), ([whole, inner]) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(inner)?.[1] ?? null,
    text: Array.from(inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g), (m) =>
      m[0] === '<w:br/>' ? '\n' : m[0] === '<w:tab/>' ? '\t' : decodeXml(m[1]),
    ).join(''),
    xml: whole,
  }));
}

/** A paragraph style's definition in styles.xml; fails the test if it is not defined. */
export function docxStyleXml(styles: string, id: string): string {
  const match = new RegExp(`<w:style w:type="paragraph" w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  assert.ok(match, `style ${id} is defined`);
  return match[0];
}
