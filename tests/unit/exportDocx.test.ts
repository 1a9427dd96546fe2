import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { wordsOf } from '@model/manuscript/countWords';
import { bookToDocx } from '../../server/export/bookToDocx';
import { docxAuthorList } from '../../server/export/docxAuthorList';
import { docxTextRuns } from '../../server/export/docxTextRuns';
import { everythingBook, sampleNovelBook } from '../support/exportFixtures';
import { exportBookText } from '../support/exportBookText';
import { docxParagraphs, docxStyleXml } from '../support/docxXml';

/** Every paragraph style the book DOCX defines: id and the name Word shows. */
const STYLES: Record<string, string> = {
  Title: 'Title',
  Author: 'Author',
  Dedication: 'Dedication',
  FirstDedication: 'First Dedication',
  Epigraph: 'Epigraph',
  FirstEpigraph: 'First Epigraph',
  EpigraphAttribution: 'Epigraph Attribution',
  PartHeading: 'Part Heading',
  PartText: 'Part Text',
  ChapterHeading: 'Chapter Heading',
  ChapterSubtitle: 'Chapter Subtitle',
  SceneHeading: 'Scene Heading',
  SceneBreak: 'Scene Break',
  BodyText: 'Body Text',
  FirstParagraph: 'First Paragraph',
};

interface Docx {
  zip: JSZip;
  document: string;
  styles: string;
  core: string;
}

async function open(bytes: Uint8Array): Promise<Docx> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => {
    const file = zip.file(path);
    assert.ok(file, `${path} is in the package`);
    return file.async('string');
  };
  return {
    zip,
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    core: await read('docProps/core.xml'),
  };
}

test('styles.xml defines every book style, by id and readable name, as paragraph styles', async () => {
  const { styles } = await open(await bookToDocx(everythingBook()));
  for (const [id, name] of Object.entries(STYLES)) {
    assert.match(docxStyleXml(styles, id), new RegExp(`<w:name w:val="${name}"/>`), `${id} is named "${name}"`);
  }
  const chapter = docxStyleXml(styles, 'ChapterHeading');
  assert.match(chapter, /<w:pageBreakBefore\/>/, 'chapters start a page through their style');
  assert.match(chapter, /<w:outlineLvl w:val="0"\/>/, 'chapters are at the top outline level');
  assert.match(chapter, /<w:basedOn w:val="Heading1"\/>/);
  assert.match(docxStyleXml(styles, 'Heading1'), /<w:outlineLvl w:val="0"\/>/);
  assert.match(docxStyleXml(styles, 'PartHeading'), /<w:pageBreakBefore\/>/);
  assert.match(docxStyleXml(styles, 'PartHeading'), /<w:jc w:val="center"\/>/);
  assert.match(docxStyleXml(styles, 'SceneHeading'), /<w:outlineLvl w:val="1"\/>/);
  assert.match(docxStyleXml(styles, 'SceneBreak'), /<w:jc w:val="center"\/>/);
  const dedication = docxStyleXml(styles, 'Dedication');
  assert.match(dedication, /<w:jc w:val="center"\/>/);
  assert.match(dedication, /<w:i\/>/);
  assert.match(docxStyleXml(styles, 'Epigraph'), /<w:ind w:left="\d+"/);
  assert.match(docxStyleXml(styles, 'EpigraphAttribution'), /<w:jc w:val="right"\/>/);
  const firstLine = (id: string) => Number(/<w:ind [^>]*w:firstLine="(\d+)"/.exec(docxStyleXml(styles, id))?.[1]);
  assert.ok(firstLine('BodyText') > 0, 'body text has a first-line indent');
  assert.equal(firstLine('FirstParagraph'), 0, 'the first paragraph has none');
  assert.match(docxStyleXml(styles, 'FirstParagraph'), /<w:basedOn w:val="BodyText"\/>/);
  const ids = Array.from(styles.matchAll(/w:styleId="([^"]+)"/g), (m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, 'each style is defined once');
  // A serif body face in the document defaults.
  assert.match(styles, /<w:rPrDefault><w:rPr><w:rFonts w:ascii="Georgia"/);
});

test('the everything book uses the styles in reading order, with no direct paragraph formatting', async () => {
  const { document, styles } = await open(await bookToDocx(everythingBook()));
  const paras = docxParagraphs(document);
  assert.deepEqual(
    paras.map((p) => p.style),
    [
      'Title',
      'Author',
      'FirstDedication',
      'FirstEpigraph',
      'EpigraphAttribution',
      'Epigraph',
      'EpigraphAttribution',
      'PartHeading',
      'ChapterHeading',
      'ChapterSubtitle',
      'SceneHeading',
      'FirstParagraph',
      'BodyText',
      'SceneBreak',
      'FirstParagraph',
      'ChapterHeading',
      'FirstParagraph',
      'PartHeading',
      'ChapterEpigraph',
      'ChapterEpigraphAttribution',
      'PartText',
      'ChapterHeading',
      'ChapterEpigraph',
      'ChapterEpigraphAttribution',
      'FirstParagraph',
      'SceneHeading',
      'FirstParagraph',
      'BodyText',
    ],
  );
  for (const p of paras) docxStyleXml(styles, p.style!);
  assert.deepEqual(
    paras.map((p) => p.text).slice(0, 3),
    ['The Lantern & the Tide', 'Ada Quill and Ben Marsh', 'For Maren, who kept the light.'],
  );
  const headings = paras.filter((p) => p.style === 'ChapterHeading').map((p) => p.text);
  assert.deepEqual(headings, ['Chapter 1\nLow Water', 'Chapter 2', 'Chapter 3\nSpring Tide']);
  assert.deepEqual(
    paras.filter((p) => p.style === 'PartHeading').map((p) => p.text),
    ['Part One\nThe Harbour', 'Part Two\nThe Open Sea'],
  );
  assert.equal(paras.find((p) => p.style === 'ChapterSubtitle')?.text, 'Saint-Malo, 1911');
  assert.match(paras.find((p) => p.style === 'SceneBreak')!.text, /^\*\s+\*\s+\*$/);
  // Layout comes from the styles alone: no page breaks, alignment, indents, spacing or fonts on paragraphs.
  assert.doesNotMatch(document, /<w:pageBreakBefore|<w:jc |<w:ind |<w:spacing |<w:rFonts |<w:sz /);
  assert.doesNotMatch(document, /<w:br w:type="page"\/>/);
});

test('epigraph attributions start with an em dash; bold, italic and line breaks are run properties and breaks', async () => {
  const { document } = await open(await bookToDocx(everythingBook()));
  const paras = docxParagraphs(document);
  const attributions = paras.filter((p) => p.style === 'EpigraphAttribution').map((p) => p.text);
  assert.deepEqual(attributions, ['\u2014Anton Chekhov', '\u2014John Masefield, Sea-Fever']);
  /** The run properties of the run whose text is `text`. */
  const run = (text: string) => {
    const found = Array.from(document.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g), (m) => m[1]).find((r) =>
      r.endsWith(`>${text}</w:t>`),
    );
    assert.ok(found, `a run holds "${text}"`);
    return /^<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(found)?.[1] ?? '';
  };
  assert.match(run('Nobody'), /^<w:b\/><w:bCs\/>$/);
  assert.match(run('all at once'), /^<w:i\/><w:iCs\/>$/);
  assert.match(run('bold and italic'), /<w:b\/>.*<w:i\/>/);
  assert.match(run('Sea-Fever'), /<w:i\/>/);
  assert.equal(run('“Again?” said Élodie. '), '', 'plain text carries no run properties');
  const verse = paras.find((p) => p.text.startsWith('I must go down'))!;
  assert.equal(verse.text, 'I must go down to the seas again,\nto the lonely sea and the sky');
  assert.match(verse.xml, /<w:r><w:br\/><\/w:r>/);
});

test('escapes & and keeps characters outside ASCII; title and creator in the document properties', async () => {
  const docx = await open(await bookToDocx(everythingBook()));
  assert.match(docx.document, />The Lantern &amp; the Tide</);
  assert.match(docx.document, /Élodie/);
  assert.match(docx.document, /naïve café/);
  assert.match(docx.core, /<dc:title>The Lantern &amp; the Tide<\/dc:title>/);
  assert.match(docx.core, /<dc:creator>Ada Quill and Ben Marsh<\/dc:creator>/);
  for (const path of Object.keys(docx.zip.files).filter((p) => p.endsWith('.xml'))) {
    const xml = await docx.zip.file(path)!.async('string');
    assert.doesNotMatch(xml, /&(?!amp;|lt;|gt;|quot;|apos;|#\d+;|#x[0-9a-f]+;)/i, `${path} has no bare &`);
  }
});

test('page numbers in the footer of the chapters, counted from 1 on a right-hand page; front pages sunk by their styles, not by section alignment', async () => {
  const { zip, document } = await open(await bookToDocx(everythingBook()));
  const sections = Array.from(document.matchAll(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/g), (m) => m[1]);
  // Title page, dedication, epigraphs, then the parts and chapters.
  assert.equal(sections.length, 4);
  // Vertical centring of a section is Word's alone (LibreOffice sets such a page at the top): the
  // title, the dedication and the first epigraph start a third of the way down by their styles.
  assert.doesNotMatch(document, /<w:vAlign/);
  const styles = await zip.file('word/styles.xml')!.async('string');
  for (const id of ['Title', 'FirstDedication', 'FirstEpigraph']) {
    const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>([\\s\\S]*?)</w:style>`).exec(styles)?.[1] ?? '';
    assert.match(style, /<w:spacing [^>]*w:before="3168"/, `${id} starts a third of the way down`);
  }
  assert.doesNotMatch(sections[0], /footerReference/);
  const last = sections[3];
  assert.match(last, /<w:pgNumType w:start="1"\/>/);
  assert.match(last, /<w:type w:val="oddPage"\/>/, 'page 1 is a right-hand page');
  const id = /<w:footerReference w:type="default" r:id="([^"]+)"\/>/.exec(last)?.[1];
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  const rel = Array.from(rels.matchAll(/<Relationship [^>]*\/>/g), (m) => m[0]).find((r) => r.includes(`Id="${id}"`));
  const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
  assert.ok(target, 'the footer is a part of the package');
  const footer = await zip.file(`word/${target}`)!.async('string');
  assert.match(footer, /<w:instrText[^>]*>PAGE<\/w:instrText>/);
  assert.match(footer, /<w:pStyle w:val="Footer"\/>/);
});

test('every word of the sample novel is in document.xml, in order, headings included', async () => {
  const book = sampleNovelBook();
  const { document } = await open(await bookToDocx(book));
  const text = docxParagraphs(document)
    .map((p) => p.text)
    .join('\n');
  const expected = [...wordsOf(book.title), ...wordsOf(docxAuthorList(book.authors)), ...wordsOf(exportBookText(book))];
  assert.ok(expected.length > 7000);
  assert.deepEqual(wordsOf(text), expected);
});

test('a selection export holds only the chosen chapters', async () => {
  const { document } = await open(await bookToDocx(everythingBook(['ch3'])));
  const paras = docxParagraphs(document);
  assert.deepEqual(
    paras.map((p) => p.style),
    ['Title', 'Author', 'ChapterHeading', 'ChapterEpigraph', 'ChapterEpigraphAttribution', 'FirstParagraph', 'SceneHeading', 'FirstParagraph', 'BodyText'],
  );
  assert.equal(paras[2].text, 'Chapter 3\nSpring Tide');
  for (const absent of ['Low Water', 'Maren', 'Chekhov', 'Part One', 'untitled chapter', 'Three weeks']) {
    assert.ok(!paras.some((p) => p.text.includes(absent)), `"${absent}" is not exported`);
  }
});

test('another DOCX reader (mammoth) opens the book and finds chapters by their style name', async () => {
  const bytes = await bookToDocx(everythingBook());
  const { value: html } = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    { styleMap: ["p[style-name='Chapter Heading'] => h1:fresh", "p[style-name='Scene Heading'] => h2:fresh"] },
  );
  assert.deepEqual(
    Array.from(html.matchAll(/<h1>(.*?)<\/h1>/g), (m) => m[1]),
    ['Chapter 1<br />Low Water', 'Chapter 2', 'Chapter 3<br />Spring Tide'],
  );
  assert.deepEqual(Array.from(html.matchAll(/<h2>(.*?)<\/h2>/g), (m) => m[1]), ['The Quay at Dawn', 'Night']);
  assert.match(html, /<strong>Nobody<\/strong>/);
  assert.match(html, /<em>all at once<\/em>/);
  assert.match(html, /The Lantern &amp; the Tide/);
});

test('docxTextRuns: emphasis only when set, set roman inside an italic paragraph', async () => {
  const inlines = [
    { text: 'plain ', bold: false, italic: false },
    { text: 'stressed', bold: false, italic: true },
    { lineBreak: true as const },
    { text: '', bold: true, italic: false },
  ];
  const xmlOf = async (options?: { italicParagraph?: boolean }) => {
    const { Document, Packer, Paragraph } = await import('docx');
    const doc = new Document({ sections: [{ children: [new Paragraph({ children: docxTextRuns(inlines, options) })] }] });
    const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
    return docxParagraphs(await zip.file('word/document.xml')!.async('string'))[0].xml;
  };
  const normal = await xmlOf();
  assert.match(normal, /<w:r><w:t xml:space="preserve">plain <\/w:t><\/w:r>/);
  assert.match(normal, /<w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">stressed/);
  assert.match(normal, /<w:r><w:br\/><\/w:r><\/w:p>$/, 'the empty run is dropped');
  const inItalic = await xmlOf({ italicParagraph: true });
  assert.match(inItalic, /<w:r><w:t xml:space="preserve">plain <\/w:t><\/w:r>/);
  assert.match(inItalic, /<w:i w:val="false"\/><w:iCs w:val="false"\/><\/w:rPr><w:t xml:space="preserve">stressed/);
});

test('docxAuthorList joins names as a title page reads them', () => {
  assert.equal(docxAuthorList([]), '');
  assert.equal(docxAuthorList(['Ada Quill']), 'Ada Quill');
  assert.equal(docxAuthorList(['Ada Quill', ' Ben Marsh ']), 'Ada Quill and Ben Marsh');
  assert.equal(docxAuthorList(['A', '', 'B', 'C']), 'A, B and C');
});
