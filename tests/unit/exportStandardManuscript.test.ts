import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { wordsOf } from '@model/manuscript/countWords';
import { bookToStandardManuscript } from '../../server/export/bookToStandardManuscript';
import { docxAuthorList } from '../../server/export/docxAuthorList';
import { docxRoundedWordCount } from '../../server/export/docxRoundedWordCount';
import { docxShortTitle } from '../../server/export/docxShortTitle';
import { docxSurname } from '../../server/export/docxSurname';
import { everythingBook, sampleNovelBook } from '../support/exportFixtures';
import { exportBookText } from '../support/exportBookText';
import { docxParagraphs, docxStyleXml } from '../support/docxXml';

interface Docx {
  zip: JSZip;
  document: string;
  styles: string;
  /** Header parts by reference type ("default", "first"). */
  headers: Record<string, string>;
}

async function open(bytes: Uint8Array): Promise<Docx> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => {
    const file = zip.file(path);
    assert.ok(file, `${path} is in the package`);
    return file.async('string');
  };
  const document = await read('word/document.xml');
  const rels = await read('word/_rels/document.xml.rels');
  const headers: Record<string, string> = {};
  for (const [, type, id] of document.matchAll(/<w:headerReference w:type="(\w+)" r:id="([^"]+)"\/>/g)) {
    const rel = Array.from(rels.matchAll(/<Relationship [^>]*\/>/g), (m) => m[0]).find((r) => r.includes(`Id="${id}"`));
    const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
    assert.ok(target, `header ${id} is a part of the package`);
    headers[type] = await read(`word/${target}`);
  }
  return { zip, document, styles: await read('word/styles.xml'), headers };
}

const attr = (xml: string, element: string, attribute: string) =>
  new RegExp(`<w:${element} [^>]*w:${attribute}="([^"]+)"`).exec(xml)?.[1];

test('12-pt Times New Roman, double-spaced, black, ragged right, half-inch indents, one-inch margins', async () => {
  const { styles, document } = await open(await bookToStandardManuscript(sampleNovelBook()));
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
  assert.equal(attr(defaults, 'sz', 'val'), '24');
  assert.equal(attr(defaults, 'rFonts', 'ascii'), 'Times New Roman');
  assert.equal(attr(defaults, 'spacing', 'line'), '480');
  const normal = docxStyleXml(styles, 'Normal');
  assert.match(normal, /w:default="1"/);
  assert.equal(attr(normal, 'sz', 'val'), '24');
  assert.equal(attr(normal, 'rFonts', 'ascii'), 'Times New Roman');
  assert.equal(attr(normal, 'rFonts', 'hAnsi'), 'Times New Roman');
  assert.equal(attr(normal, 'color', 'val'), '000000');
  assert.equal(attr(normal, 'spacing', 'line'), '480');
  assert.equal(attr(normal, 'spacing', 'before'), '0');
  assert.equal(attr(normal, 'spacing', 'after'), '0');
  assert.equal(attr(normal, 'ind', 'firstLine'), '720');
  assert.equal(attr(normal, 'jc', 'val'), 'left');
  assert.doesNotMatch(styles, /Courier/);
  // No style the manuscript uses, nor Word's own title and headings, changes the size or face, or justifies.
  const used = new Set(docxParagraphs(document).map((p) => p.style!));
  for (const id of [...used, 'Title', 'Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6']) {
    const style = docxStyleXml(styles, id);
    assert.ok([undefined, '24'].includes(attr(style, 'sz', 'val')), `${id} is 12 pt`);
    assert.ok([undefined, 'Times New Roman'].includes(attr(style, 'rFonts', 'ascii')), `${id} is in Times New Roman`);
    assert.ok([undefined, '000000'].includes(attr(style, 'color', 'val')), `${id} is black`);
    assert.notEqual(attr(style, 'jc', 'val'), 'both', `${id} is not justified`);
  }
  const section = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(document)![0];
  assert.match(section, /<w:pgSz w:w="12240" w:h="15840"/);
  for (const side of ['top', 'right', 'bottom', 'left']) assert.equal(attr(section, 'pgMar', side), '1440');
});

test('Courier New with the courier option', async () => {
  const { styles } = await open(await bookToStandardManuscript(sampleNovelBook(), { font: 'courier' }));
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
  assert.equal(attr(defaults, 'rFonts', 'ascii'), 'Courier New');
  assert.equal(attr(docxStyleXml(styles, 'Normal'), 'rFonts', 'ascii'), 'Courier New');
  assert.equal(attr(defaults, 'sz', 'val'), '24');
  assert.doesNotMatch(styles, /Times New Roman/);
});

test('running header on every page but the first: surname, short title, page field', async () => {
  const { document, headers } = await open(await bookToStandardManuscript(sampleNovelBook()));
  assert.match(document, /<w:titlePg\/>/, 'the first page has its own (empty) header');
  assert.match(document, /<w:pgNumType w:start="0"\/>/, 'the page after the title page is page 1');
  assert.ok(headers.default, 'a running header part exists');
  const [header] = docxParagraphs(headers.default);
  assert.equal(header.style, 'Header');
  assert.equal(header.text, 'Quill / CALL TIME / ');
  assert.match(header.xml, /<w:fldChar w:fldCharType="begin"\/><\/w:r><w:r><w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
  assert.ok(headers.first, 'the first page has a header part of its own');
  assert.equal(docxParagraphs(headers.first).map((p) => p.text).join(''), '', 'and it is empty');
});

test('the first page: contact block single-spaced top left, rounded word count top right, title and by-line', async () => {
  const book = sampleNovelBook();
  assert.equal(book.wordCount, 7054);
  const { document, styles } = await open(await bookToStandardManuscript(book));
  const [name, email, title, byline] = docxParagraphs(document);
  assert.equal(name.text, 'Ada Quill\tabout 7,100 words');
  assert.equal(email.text, 'ada@example.com');
  assert.equal(name.style, 'SMFContact');
  assert.equal(email.style, 'SMFContact');
  const contact = docxStyleXml(styles, 'SMFContact');
  assert.equal(attr(contact, 'spacing', 'line'), '240', 'single-spaced');
  assert.match(contact, /<w:tab w:val="right" w:pos="9360"\/>/, 'the word count sits at the right margin');
  assert.equal(attr(contact, 'ind', 'firstLine'), '0');
  assert.deepEqual([title.style, title.text], ['SMFTitle', 'Call Time']);
  assert.deepEqual([byline.style, byline.text], ['SMFByline', 'by Ada Quill']);
  const titleStyle = docxStyleXml(styles, 'SMFTitle');
  assert.equal(attr(titleStyle, 'jc', 'val'), 'center');
  assert.ok(Number(attr(titleStyle, 'spacing', 'before')) >= 3 * 1440, 'the title sits about halfway down');
  assert.equal(attr(docxStyleXml(styles, 'SMFByline'), 'jc', 'val'), 'center');
});

test('chapters start a new page a third of the way down, with a centred heading', async () => {
  const book = everythingBook();
  const { document, styles } = await open(await bookToStandardManuscript(book));
  const heading = docxStyleXml(styles, 'SMFChapterHeading');
  assert.match(heading, /<w:name w:val="SMF Chapter Heading"\/>/);
  assert.match(heading, /<w:pageBreakBefore\/>/);
  assert.ok(Number(attr(heading, 'spacing', 'before')) >= 2.5 * 1440, 'at least 2.5 in of space before');
  assert.equal(attr(heading, 'jc', 'val'), 'center');
  assert.match(heading, /<w:outlineLvl w:val="0"\/>/);
  const paras = docxParagraphs(document);
  assert.deepEqual(
    paras.filter((p) => p.style === 'SMFChapterHeading').map((p) => p.text),
    ['Chapter 1\nLow Water', 'Chapter 2', 'Chapter 3\nSpring Tide'],
  );
  // Each heading is followed by its text, never preceded on its page by the chapter before.
  const headingAt = paras.findIndex((p) => p.style === 'SMFChapterHeading');
  assert.deepEqual(
    paras.slice(headingAt, headingAt + 4).map((p) => p.style),
    ['SMFChapterHeading', 'SMFChapterSubtitle', 'SMFSceneHeading', 'Normal'],
  );
  const part = docxStyleXml(styles, 'SMFPartHeading');
  assert.match(part, /<w:pageBreakBefore\/>/);
  assert.equal(attr(part, 'jc', 'val'), 'center');
});

test('scene breaks are a centred "#", one for each break in the book', async () => {
  const book = everythingBook();
  const last = book.sections[book.sections.length - 1];
  if (last.kind === 'chapter') last.blocks.splice(1, 0, { type: 'sceneBreak' });
  const breaks = book.sections.flatMap((s) => (s.kind === 'chapter' ? s.blocks.filter((b) => b.type === 'sceneBreak') : []));
  assert.equal(breaks.length, 2);
  const { document, styles } = await open(await bookToStandardManuscript(book));
  const hashes = docxParagraphs(document).filter((p) => p.text === '#');
  assert.equal(hashes.length, breaks.length);
  for (const hash of hashes) assert.equal(hash.style, 'SMFSceneBreak');
  assert.equal(attr(docxStyleXml(styles, 'SMFSceneBreak'), 'jc', 'val'), 'center');
  assert.equal(attr(docxStyleXml(styles, 'SMFSceneBreak'), 'ind', 'firstLine'), '0');
});

test('every paragraph uses a named style; front matter on pages of its own; emphasis kept', async () => {
  const { document, styles } = await open(await bookToStandardManuscript(everythingBook()));
  const paras = docxParagraphs(document);
  assert.deepEqual(
    paras.map((p) => p.style),
    [
      'SMFContact',
      'SMFContact',
      'SMFTitle',
      'SMFByline',
      'SMFDedication',
      'SMFFirstEpigraph',
      'SMFEpigraphAttribution',
      'SMFEpigraph',
      'SMFEpigraphAttribution',
      'SMFPartHeading',
      'SMFChapterHeading',
      'SMFChapterSubtitle',
      'SMFSceneHeading',
      'Normal',
      'Normal',
      'SMFSceneBreak',
      'Normal',
      'SMFChapterHeading',
      'Normal',
      'SMFPartHeading',
      'SMFChapterEpigraph',
      'SMFChapterEpigraphAttribution',
      'Normal',
      'SMFChapterHeading',
      'SMFChapterEpigraph',
      'SMFChapterEpigraphAttribution',
      'Normal',
      'SMFSceneHeading',
      'Normal',
      'Normal',
    ],
  );
  for (const p of paras) docxStyleXml(styles, p.style!);
  assert.doesNotMatch(document, /<w:pageBreakBefore|<w:jc |<w:ind |<w:spacing |<w:rFonts |<w:sz /, 'no direct formatting');
  for (const id of ['SMFDedication', 'SMFFirstEpigraph']) assert.match(docxStyleXml(styles, id), /<w:pageBreakBefore\/>/);
  assert.doesNotMatch(docxStyleXml(styles, 'SMFEpigraph'), /<w:pageBreakBefore\/>/);
  assert.deepEqual(
    paras.filter((p) => p.style === 'SMFEpigraphAttribution').map((p) => p.text),
    ['\u2014Anton Chekhov', '\u2014John Masefield, Sea-Fever'],
  );
  assert.match(document, /<w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">all at once</);
  assert.match(document, /<w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Nobody</);
  assert.match(document, /<w:rPr><w:b\/><w:bCs\/><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">bold and italic</);
  assert.match(document, />The Lantern &amp; the Tide</);
});

test('a dedication of several paragraphs stays on one page, its paragraphs as lines', async () => {
  const book = everythingBook(['ded']);
  const dedication = book.sections[0];
  assert.equal(dedication.kind, 'dedication');
  if (dedication.kind !== 'dedication') return;
  dedication.paragraphs.push([{ text: 'And for Jonah.', bold: false, italic: false }]);
  const { document } = await open(await bookToStandardManuscript(book));
  const dedications = docxParagraphs(document).filter((p) => p.style === 'SMFDedication');
  assert.deepEqual(dedications.map((p) => p.text), ['For Maren, who kept the light.\nAnd for Jonah.']);
});

test('every word of the sample novel, in order, after the title page', async () => {
  const book = sampleNovelBook();
  const { document } = await open(await bookToStandardManuscript(book));
  const words = wordsOf(docxParagraphs(document).map((p) => p.text).join('\n'));
  const titlePage = wordsOf(
    [
      book.contact.name,
      `about ${docxRoundedWordCount(book.wordCount)} words`,
      book.contact.email,
      book.title,
      `by ${docxAuthorList(book.authors)}`,
    ].join('\n'),
  );
  const story = wordsOf(exportBookText(book));
  assert.ok(story.length > 7000);
  assert.deepEqual(words, [...titlePage, ...story]);
});

test('a selection holds only the chosen chapters, and its own word count', async () => {
  const book = everythingBook(['ch2']);
  const { document } = await open(await bookToStandardManuscript(book));
  const paras = docxParagraphs(document);
  assert.deepEqual(paras.map((p) => p.style), ['SMFContact', 'SMFContact', 'SMFTitle', 'SMFByline', 'SMFChapterHeading', 'Normal']);
  assert.equal(paras[0].text, `Ada Quill\tabout ${docxRoundedWordCount(book.wordCount)} words`);
  assert.equal(paras[5].text, 'An untitled chapter keeps its number: naïve café owners said so.');
});

test('docxRoundedWordCount: nearest 10 under 100, nearest 100 under 10,000, nearest 1,000 from there', () => {
  const cases: [number, string][] = [
    [0, '0'],
    [3, '10'],
    [44, '40'],
    [45, '50'],
    [49, '50'],
    [99, '100'],
    [100, '100'],
    [149, '100'],
    [150, '200'],
    [7049, '7,000'],
    [7050, '7,100'],
    [7054, '7,100'],
    [9949, '9,900'],
    [9950, '10,000'],
    [10_000, '10,000'],
    [10_499, '10,000'],
    [10_500, '11,000'],
    [123_456, '123,000'],
    [1_234_567, '1,235,000'],
  ];
  for (const [words, rounded] of cases) assert.equal(docxRoundedWordCount(words), rounded, `${words} words`);
});

test('docxShortTitle: short titles whole, long ones cut to their first significant words, in capitals', () => {
  assert.equal(docxShortTitle('Call Time'), 'CALL TIME');
  assert.equal(docxShortTitle('The Lantern & the Tide'), 'THE LANTERN & THE TIDE');
  assert.equal(docxShortTitle("The Girl Who Kicked the Hornet's Nest"), 'GIRL WHO KICKED');
  assert.equal(docxShortTitle('The Curious Incident of the Dog in the Night-Time'), 'CURIOUS INCIDENT');
  assert.equal(docxShortTitle('Salt: A Novel of the Breton Coast'), 'SALT');
  assert.equal(docxShortTitle('A Long Book'), 'A LONG BOOK');
});

test('docxSurname: the last word of the name, without a generational suffix', () => {
  assert.equal(docxSurname('Ada Quill'), 'Quill');
  assert.equal(docxSurname('  Mary Ann  Evans '), 'Evans');
  assert.equal(docxSurname('Martin Luther King, Jr.'), 'King');
  assert.equal(docxSurname('Cher'), 'Cher');
  assert.equal(docxSurname(''), '');
});
