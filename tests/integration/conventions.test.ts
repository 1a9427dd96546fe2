import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { wordsOf } from '@model/manuscript/countWords';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { EXPORT_FORMATS, type ExportFormat } from '@model/export/exportFormats';
import { manuscriptCreator } from '../../server/manuscripts/manuscriptCreator';
import { manuscriptExporter } from '../../server/export/manuscriptExporter';
import { importFile } from '../../server/import/importFile';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { createAccount } from '../support/members';
import { fileScope } from '../support/testScope';
import { sectionOutline } from '../support/sectionOutline';
import { checkSchema, manuscriptText } from '../support/manuscriptWords';
import { conventionsDocx, conventionsMarkdown, conventionsText } from '../support/conventionsFixture';
import { EPUBCHECK_TIMEOUT, assertPassesEpubcheck } from '../support/epubcheck';

let database: TempDatabase;
const dir = mkdtempSync(path.join(tmpdir(), 'quire-conventions-'));
after(() => rmSync(dir, { recursive: true, force: true }));
before(async (t) => {
  database = await createTempDatabase(fileScope(t));
});

/** The fixture's structure, section by section, as every import must find it. */
const EXPECTED = [
  'dedication: paragraph(For Ines, who read every draft by torchlight.)',
  'epigraphs: epigraph(We are all of us walking home, and none of us knows the way. / Ruth Alder, Letters from the Coast) epigraph(The road remembers what the traveller forgets. / an old saying of the salt carriers)',
  'part: partTitle(THE LOT)',
  'chapter: chapterTitle() epigraph(Every map is a promise someone else has to keep. / Oskar Venn) ' +
    'paragraph(The carts left before dawn, twelve of them in a crooked line, and the dust they raised hung in the cold air long after they had passed the last house.) ' +
    'paragraph(Mara walked beside the third cart. “Keep your eyes on the wheel,” her uncle said, “not on the hills.” She did not answer him.) sceneBreak() ' +
    'paragraph(By noon the hills had become a wall of grey stone. The drivers sang to keep the mules moving.) sceneBreak() ' +
    'paragraph(Night came quickly on the salt road. They made camp in a hollow where the wind could not find them.)',
  'chapter: chapterTitle(The Well at Harrow) paragraph(Nobody had drawn water from the well at Harrow for nine years, and the rope was rotten.) sceneBreak() paragraph(Mara climbed down anyway. At the bottom, the water was sweet.)',
  'part: partTitle(THE COAST)',
  'chapter: chapterTitle() paragraph(The sea was the colour of pewter when they reached it, and the salt pans shone like broken mirrors along the shore.) paragraph(Her uncle counted the sacks twice. “Forty,” he said. “Enough for the winter.”)',
];

/** The words of the fixture's text, title first: what every import and export must carry. */
let expectedWords: string[];

function assertStructure(m: ManuscriptJson, from: string): void {
  checkSchema(m);
  assert.equal(m.title, 'The Salt Road', `${from}: the title`);
  assert.deepEqual(sectionOutline(m), EXPECTED, `${from}: section by section`);
  assert.deepEqual(wordsOf(manuscriptText(m)), expectedWords, `${from}: word by word`);
}

/** Fails unless `expected` appears in `actual` in order (an export adds labels such as "Chapter 1" between). */
function assertWordsInOrder(actual: string[], expected: string[], what: string): void {
  let at = 0;
  for (const [index, word] of expected.entries()) {
    const found = actual.indexOf(word, at);
    assert.ok(found >= 0, `${what}: word ${index + 1} “${word}” is missing or out of order (after …${expected.slice(Math.max(0, index - 4), index).join(' ')})`);
    at = found + 1;
  }
}

test('the conventions book is read the same, section by section and word by word, from Markdown, text and Word', async () => {
  const markdown = await importFile({ name: 'The Salt Road.md', bytes: conventionsMarkdown() });
  expectedWords = wordsOf(manuscriptText(markdown));
  assert.equal(expectedWords.length, 221);
  assertStructure(markdown, 'Markdown');
  assertStructure(await importFile({ name: 'the-salt-road.txt', bytes: conventionsText() }), 'text');
  assertStructure(await importFile({ name: 'salt.docx', bytes: await conventionsDocx() }), 'Word');
});

test('exported in every format, the conventions book reads back whole: EPUBCheck clean, every word in order, the structure again where Quire reads the format', { timeout: EPUBCHECK_TIMEOUT + 60_000 }, async (t) => {
  const owner = await createAccount(database.prisma, 'Ines Alder');
  const imported = await importFile({ name: 'The Salt Road.md', bytes: conventionsMarkdown() });
  const id = await manuscriptCreator(database.prisma, imported, { ownerId: owner.userId, layout: 'sections' });
  const exported = new Map<ExportFormat, Uint8Array>();
  for (const format of Object.keys(EXPORT_FORMATS) as ExportFormat[]) exported.set(format, (await manuscriptExporter(database.prisma, id, format)).bytes);

  // Quire reads its own Markdown, Word and manuscript-format files back into the same book.
  for (const [format, name] of [['markdown', 'back.md'], ['docx', 'back.docx'], ['smf', 'back-manuscript.docx']] as const) {
    assertStructure(await importFile({ name, bytes: exported.get(format)! }), `${format} read back`);
  }

  await assertPassesEpubcheck(t, exported.get('epub')!);
  const epub = await JSZip.loadAsync(exported.get('epub')!);
  // The spine's order is the reading order.
  const opfName = Object.keys(epub.files).find((name) => name.endsWith('.opf'))!;
  const opf = await epub.file(opfName)!.async('string');
  const hrefs = new Map(Array.from(opf.matchAll(/<item\s[^>]*id="([^"]+)"[^>]*href="([^"]+)"/g), (m) => [m[1], m[2]] as const));
  const spine = Array.from(opf.matchAll(/<itemref\s[^>]*idref="([^"]+)"/g), (m) => path.posix.join(path.posix.dirname(opfName), hrefs.get(m[1])!));
  const chapters = await Promise.all(spine.map((name) => epub.file(name)!.async('string')));
  const xhtmlWords = (xml: string) => wordsOf(xml.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))));
  assertWordsInOrder(chapters.flatMap(xhtmlWords), expectedWords, 'EPUB');
  assert.ok(chapters.some((xml) => /<div class="epigraph" epub:type="epigraph">/.test(xml) && xml.includes('Every map is a promise')), 'the chapter’s epigraph is an epigraph in the EPUB');
  assertWordsInOrder(xhtmlWords(Buffer.from(exported.get('html')!).toString('utf8')), expectedWords, 'HTML');

  const pdf = path.join(dir, 'salt.pdf');
  writeFileSync(pdf, exported.get('pdf')!);
  const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  const pdfWords = wordsOf(raw.replace(/(?<=\p{L})\u2010\n(?=\p{L})/gu, ''));
  assertWordsInOrder(pdfWords, expectedWords, 'PDF');
});

/** Each word pdftotext finds on a page, with its box, in points from the page's top left. */
function wordBoxes(pdf: string, page: number): Array<{ word: string; xMin: number; yMin: number; xMax: number; yMax: number }> {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return Array.from(html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g), (m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    word: m[5],
  }));
}

function pageSize(pdf: string): { width: number; height: number; pages: number } {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info) ?? [];
  return { width: Number(width), height: Number(height), pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) };
}

test('LibreOffice lays out both Word files as Word would: title pages centred, manuscript lines 24 pt apart, one page per opening', async () => {
  const owner = await createAccount(database.prisma, 'Ines Alder');
  const imported = await importFile({ name: 'The Salt Road.md', bytes: conventionsMarkdown() });
  const id = await manuscriptCreator(database.prisma, imported, { ownerId: owner.userId, layout: 'sections' });
  writeFileSync(path.join(dir, 'book.docx'), (await manuscriptExporter(database.prisma, id, 'docx')).bytes);
  writeFileSync(path.join(dir, 'manuscript.docx'), (await manuscriptExporter(database.prisma, id, 'smf')).bytes);
  // A profile of its own, so a LibreOffice the writer has open (or another test) cannot lock it.
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'book.docx'), path.join(dir, 'manuscript.docx')], { stdio: 'pipe', timeout: 180_000 });

  // The book: title page, dedication, epigraphs, then two parts and three chapters, each on a page of its own.
  const book = path.join(dir, 'book.pdf');
  const bookPage = pageSize(book);
  assert.equal(Math.round(bookPage.width), 432, 'a 6 × 9 in page');
  assert.equal(bookPage.pages, 8);
  const title = wordBoxes(book, 1).filter((box) => ['The', 'Salt', 'Road'].includes(box.word));
  assert.equal(title.length, 3);
  const centre = (Math.min(...title.map((b) => b.xMin)) + Math.max(...title.map((b) => b.xMax))) / 2;
  assert.ok(Math.abs(centre - bookPage.width / 2) < 6, `the title is centred across the page (its centre at ${centre.toFixed(1)} pt)`);
  const top = title[0].yMin / bookPage.height;
  assert.ok(top > 0.25 && top < 0.45, `the title stands about a third of the way down (${(top * 100).toFixed(0)} %)`);
  const dedication = wordBoxes(book, 2).find((box) => box.word === 'For');
  assert.ok(dedication && dedication.yMin / bookPage.height > 0.25, 'the dedication is sunk too, not at the top of its page');

  // Standard Manuscript Format: contact block top left, word count top right, title halfway down.
  const manuscript = path.join(dir, 'manuscript.pdf');
  const smfPage = pageSize(manuscript);
  assert.equal(Math.round(smfPage.width), 612, 'US Letter');
  const first = wordBoxes(manuscript, 1);
  const name = first.find((box) => box.word === 'Ines')!;
  assert.ok(name.xMin < 80 && name.yMin < 100, 'the contact block starts at the top left margin');
  const count = first.find((box) => box.word === 'words')!;
  assert.ok(count.xMax > smfPage.width - 80 && count.yMin < 100, 'the word count sits at the top right');
  const smfTitle = first.filter((box) => ['The', 'Salt', 'Road'].includes(box.word));
  const smfTop = smfTitle[0].yMin / smfPage.height;
  assert.ok(smfTop > 0.4 && smfTop < 0.6, `the title is about halfway down (${(smfTop * 100).toFixed(0)} %)`);
  // Double spacing is 24 pt in LibreOffice too: the body lines of the first chapter's page are 24 pt apart.
  const chapterPage = Array.from({ length: smfPage.pages }, (_, index) => index + 1).find((page) => wordBoxes(manuscript, page).some((box) => box.word === 'carts'))!;
  const lines = [...new Set(wordBoxes(manuscript, chapterPage).map((box) => Math.round(box.yMax)))].sort((a, b) => a - b);
  const gaps = lines.slice(1).map((y, index) => y - lines[index]).filter((gap) => gap < 30);
  assert.ok(gaps.length >= 5, `several body lines on page ${chapterPage}`);
  for (const gap of gaps) assert.ok(Math.abs(gap - 24) <= 1, `lines ${gaps.join(', ')} pt apart: 24 each`);
});
