import JSZip from 'jszip';
import { decodeXmlText } from './decodeXmlText';

/** A tracked change or a comment range as Word wrote it, found while marking the document. */
export interface WordRevision {
  kind: 'insertion' | 'deletion';
  author: string;
  date: Date | null;
}

/** A Word comment: who wrote it, when, and its text (paragraphs as lines). */
export interface WordComment {
  author: string;
  date: Date | null;
  body: string;
}

/** What {@link markRevisions} found, by the number its markers carry. */
export interface WordAnnotations {
  revisions: Map<string, WordRevision>;
  comments: Map<string, WordComment>;
}

/** Markers are private-use characters no manuscript contains: `\uE000` kind number `\uE001`. */
export const MARKER = /\uE000(\/?)([idc])(\d+)\uE001/g;
const marker = (text: string) => `<w:r><w:t xml:space="preserve">\uE000${text}\uE001</w:t></w:r>`;

function attribute(tag: string, name: string): string | null {
  const found = new RegExp(`\\bw:${name}="([^"]*)"`).exec(tag);
  return found ? decodeXmlText(found[1]) : null;
}

function dateOf(tag: string): Date | null {
  const value = attribute(tag, 'date');
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/**
 * Word's tracked changes and comment ranges are invisible to the reader of the document model
 * (it keeps inserted text as plain text and drops deleted text and comment ranges), so before
 * reading, the document's XML is rewritten: each `<w:ins>` and `<w:del>` around runs and each
 * `<w:commentRangeStart/End>` gets marker runs at its start and end (deleted text turned back
 * into ordinary text between its markers; a deletion nested in an insertion keeps both), and what each marker stands for (author, date; a
 * comment's text from `comments.xml`) is returned beside the rewritten file. The reader then
 * turns marked text into suggestion and comment marks (`applyWordAnnotations`). Returns the bytes
 * unchanged when the document has none of these.
 */
export async function markRevisions(bytes: Uint8Array): Promise<{ bytes: Uint8Array; annotations: WordAnnotations }> {
  const annotations: WordAnnotations = { revisions: new Map(), comments: new Map() };
  const zip = await JSZip.loadAsync(bytes);
  const documentPart = zip.file('word/document.xml');
  if (!documentPart) return { bytes, annotations };
  const xml = await documentPart.async('string');
  if (!/<w:(?:ins|del|commentRangeStart)\b/.test(xml)) return { bytes, annotations };
  let count = 0;
  // One pass over the tags that matter, with a stack: linear however they nest (a deletion inside
  // an insertion) or however damaged the file. Attribute values may hold '>' inside quotes.
  const open: Array<{ letter: 'i' | 'd'; n: string }> = [];
  let insideDeletions = 0;
  let rewritten = xml.replace(/<(\/?)w:(ins|del|delText)\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g, (whole, closing: string, kind: string, attrs: string, selfClosing: string) => {
    // Deleted text is kept as ordinary text between its markers.
    if (kind === 'delText') return insideDeletions > 0 ? (closing ? '</w:t>' : `<w:t${attrs}${selfClosing}>`) : whole;
    // A paragraph mark's or a table row's change (self-closing) has no text to carry a suggestion.
    if (selfClosing) return whole;
    if (!closing) {
      const n = String(++count);
      annotations.revisions.set(n, { kind: kind === 'ins' ? 'insertion' : 'deletion', author: attribute(attrs, 'author') ?? 'Word', date: dateOf(attrs) });
      const letter = kind === 'ins' ? 'i' : 'd';
      if (letter === 'd') insideDeletions++;
      open.push({ letter, n });
      return marker(`${letter}${n}`);
    }
    const top = open.pop();
    if (!top) return '';
    if (top.letter === 'd') insideDeletions--;
    return marker(`/${top.letter}${top.n}`);
  });
  rewritten = rewritten.replace(/<w:commentRange(Start|End)\b((?:[^>"'/]|"[^"]*"|'[^']*')*)\/?>(?:<\/w:commentRange\1>)?/g, (_whole, which: string, attrs: string) => {
    const id = attribute(attrs, 'id') ?? '';
    return /^\d+$/.test(id) ? marker(`${which === 'End' ? '/' : ''}c${id}`) : '';
  });
  const commentsPart = zip.file('word/comments.xml');
  if (commentsPart) {
    const comments = await commentsPart.async('string');
    for (const [, attrs, inner] of comments.matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g)) {
      const id = attribute(attrs, 'id');
      if (id === null) continue;
      const paragraphs = Array.from(inner.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g), ([, p]) =>
        Array.from(p.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g), ([, text]) => decodeXmlText(text)).join(''),
      );
      annotations.comments.set(id, { author: attribute(attrs, 'author') ?? 'Word', date: dateOf(attrs), body: paragraphs.join('\n').trim() });
    }
  }
  zip.file('word/document.xml', rewritten);
  return { bytes: await zip.generateAsync({ type: 'uint8array' }), annotations };
}
