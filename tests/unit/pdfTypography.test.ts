import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { renderExport } from '../../server/export/renderExport';
import { hyphenator } from '../../server/export/hyphenation';
import type { PdfFace } from '../../server/export/pdfFonts';
import { pdfFonts } from '../../server/export/pdfFonts';
import type { PdfMeasure } from '../../server/export/pdfBreakLines';
import { DISCRETIONARY_HYPHEN, pdfBreakLines } from '../../server/export/pdfBreakLines';
import { withTypographicQuotes } from '../../server/export/typographicQuotes';
import { docxParagraphs } from '../support/docxXml';
import { exportBookText } from '../support/exportBookText';
import { sampleNovelBook } from '../support/exportFixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'quire-typography-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** EB Garamond's real widths at 11 pt, as the PDF measures them. */
function garamond(): PdfMeasure {
  const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  const fonts = pdfFonts();
  for (const face of ['regular', 'italic', 'bold', 'boldItalic'] as const) doc.registerFont(face, fonts[face]);
  const width = (text: string, face: PdfFace) => doc.font(face, 11).widthOfString(text);
  return { width, space: (face) => width(' ', face) };
}

test('words are hyphenated by their language’s patterns; punctuation stays outside, apostrophes keep a word whole', () => {
  const english = hyphenator('en-GB') ?? assert.fail('English has patterns');
  assert.deepEqual(hyphenator('en')!('beautiful'), ['beau', 'ti', 'ful']);
  assert.deepEqual(hyphenator('en')!('“Hyphenation,”'), ['“Hy', 'phen', 'ation,”']);
  assert.deepEqual(english('“Hyphenation,”'), ['“Hy', 'phen', 'a', 'tion,”'], 'British English has its own patterns');
  assert.deepEqual(english('don’t'), ['don’t']);
  assert.deepEqual(english('cat'), ['cat']);
  assert.ok(hyphenator('de')!('Donaudampfschifffahrt').length > 3, 'German has its own patterns');
  assert.equal(hyphenator('tlh'), undefined, 'a language without patterns is not hyphenated');
});

test('justified text breaks at hyphenation points, drawing U+2010 there, and loses no letter', () => {
  const measure = garamond();
  const text = 'Notwithstanding extraordinary circumstances, the administration’s representatives communicated unambiguously, systematically and comprehensively with the international correspondents.';
  const lines = pdfBreakLines([{ text, bold: false, italic: false }], { width: 150, justify: true, hyphenate: hyphenator('en') }, measure);
  const drawn = lines.map((line) => line.runs.map((run) => run.text).join(' ').replace(/\s+/g, ' '));
  assert.ok(drawn.some((line) => line.endsWith(DISCRETIONARY_HYPHEN)), `some line ends hyphenated: ${drawn.join(' / ')}`);
  assert.equal(drawn.map((line) => (line.endsWith(DISCRETIONARY_HYPHEN) ? line.slice(0, -1) : `${line} `)).join('').trim(), text);
  // Ragged text is never hyphenated.
  const ragged = pdfBreakLines([{ text, bold: false, italic: false }], { width: 150, justify: false, hyphenate: hyphenator('en') }, measure);
  assert.ok(ragged.every((line) => !line.runs.at(-1)!.text.endsWith(DISCRETIONARY_HYPHEN)));
});

test('hyphenation keeps the sample novel’s word spaces within a third of an em on far more lines', () => {
  const measure = garamond();
  const loose = (hyphenate?: (word: string) => string[]) => {
    let lines = 0;
    let over = 0;
    for (const section of sampleNovelBook().sections) {
      if (section.kind !== 'chapter') continue;
      for (const block of section.blocks) {
        if (block.type !== 'paragraph') continue;
        const broken = pdfBreakLines(block.inlines, { width: 324, indent: 13.75, justify: true, hyphenate }, measure);
        for (const line of broken.slice(0, -1)) {
          lines++;
          if ((measure.space('regular') + line.wordSpacing) / 11 > 1 / 3 + 1e-9) over++;
        }
      }
    }
    return over / lines;
  };
  const without = loose();
  const withHyphenation = loose(hyphenator('en'));
  assert.ok(withHyphenation < without / 2, `loose lines: ${(withHyphenation * 100).toFixed(1)} % hyphenated, ${(without * 100).toFixed(1)} % without`);
  assert.ok(withHyphenation < 0.05, `${(withHyphenation * 100).toFixed(1)} % of lines have spaces over a third of an em`);
});

test('text extracted from the PDF with pdftotext -raw keeps every word and every word space, quotes curled', async () => {
  const book = sampleNovelBook();
  const file = path.join(dir, 'sample.pdf');
  writeFileSync(file, await renderExport(book, 'pdf'));
  const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  // A word hyphenated at a line's end is one word again once the added hyphen and the break go; a
  // compound broken after its own hyphen or dash once the break goes.
  const words = raw
    .replace(/(?<=\p{L})\u2010\n(?=\p{L})/gu, '')
    .replace(/(?<=[\p{L}\p{N}][-–—])\n(?=[\p{L}\p{N}“‘])/gu, '')
    .split(/\s+/)
    .filter(Boolean);
  const expected = [book.title, 'Quill', exportBookText(withTypographicQuotes(book))].join(' ').split(/\s+/).filter(Boolean);
  const found = new Set(words);
  const missing = expected.filter((word) => !found.has(word));
  assert.deepEqual(missing.slice(0, 10), [], 'every word comes out whole: none run together or split');
  assert.ok(!raw.includes('"'), 'no straight double quote is left');
  assert.ok(raw.includes('“') && raw.includes('”'));
});

test('the book’s Word file curls quotes too, and both keep them as typed on request', async () => {
  const book = sampleNovelBook();
  const text = async (bytes: Uint8Array) => docxParagraphs(await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')).map((p) => p.text).join('\n');
  const curled = await text(await renderExport(book, 'docx'));
  assert.ok(!curled.includes('"') && curled.includes('“'));
  const typed = await text(await renderExport(book, 'docx', { quotes: 'straight' }));
  assert.ok(typed.includes('"'));
  const file = path.join(dir, 'straight.pdf');
  writeFileSync(file, await renderExport(book, 'pdf', { quotes: 'straight' }));
  assert.ok(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).includes('"'));
});

test('a pasted blob with no space in it (100,000 characters, Latin or Hebrew, or a letter under thousands of marks) is set, cut where it must be, every character kept', { timeout: 120_000 }, async () => {
  const book = sampleNovelBook();
  const chapter = book.sections.find((section) => section.kind === 'chapter');
  assert.ok(chapter && chapter.kind === 'chapter');
  const blobs = { latin: 'abcdefghij'.repeat(10_000), hebrew: 'שלוםעולם'.repeat(12_500), marks: `e${'\u0301\u0323'.repeat(5_000)}` };
  chapter.blocks = Object.values(blobs).map((text) => ({ type: 'paragraph' as const, inlines: [{ text, bold: false, italic: false }] }));
  const file = path.join(dir, 'blob.pdf');
  writeFileSync(file, await renderExport({ ...book, sections: [chapter] }, 'pdf'));
  const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  // Without the page numbers, which -raw puts between the pages' text.
  const letters = raw
    .split(/[\n\f]/)
    .filter((line) => !/^\s*\d+\s*$/.test(line))
    .join('')
    .replace(/\s/g, '');
  assert.ok(letters.includes(blobs.latin), 'the Latin blob comes out whole, in order');
  assert.equal([...letters].filter((char) => char === 'ש').length, 12_500, 'every Hebrew letter is there');
  assert.ok(!letters.includes('\u2010'), 'no hyphen is added inside a blob');
});

test('the hyphen added at a break is drawn in the book’s face, even after a word set in a fallback face; Thai and CJK are never hyphenated', () => {
  const fallback = 'script:noto-serif-devanagari' as PdfFace;
  const devanagari = /[\u0900-\u097f]/;
  const measure: PdfMeasure = {
    width: (text) => text.length * 6,
    space: () => 3,
    split: (text, face) => [{ text, face: devanagari.test(text) ? fallback : face }],
  };
  const text = Array.from({ length: 12 }, () => 'प्रतिनिधित्व अन्तर्राष्ट्रीय').join(' ');
  const lines = pdfBreakLines([{ text, bold: false, italic: false }], { width: 60, justify: true, hyphenate: hyphenator('hi') }, measure);
  const hyphens = lines.flatMap((line) => line.runs).filter((run) => run.text.includes(DISCRETIONARY_HYPHEN));
  assert.ok(hyphens.length > 0, 'Hindi words are hyphenated by their patterns');
  for (const run of hyphens) assert.deepEqual([run.text, run.face], [DISCRETIONARY_HYPHEN, 'regular']);
  // Thai has its own patterns but breaks lines with no hyphen; Chinese has no hyphens either.
  assert.deepEqual(hyphenator('th')?.('ประเทศไทยมีประชากร') ?? ['ประเทศไทยมีประชากร'], ['ประเทศไทยมีประชากร']);
  assert.deepEqual(hyphenator('en')!('汉字汉字汉字汉字'), ['汉字汉字汉字汉字']);
});
