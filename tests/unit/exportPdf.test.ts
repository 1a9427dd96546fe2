import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { wordsOf } from '@model/manuscript/countWords';
import { bookToPdf } from '../../server/export/bookToPdf';
import type { ExportBook, ExportInline } from '../../server/export/exportBook';
import { inlineText } from '../../server/export/exportBook';
import type { PdfMeasure } from '../../server/export/pdfBreakLines';
import { pdfBreakLines } from '../../server/export/pdfBreakLines';
import { exportBookText } from '../support/exportBookText';
import { everythingBook, sampleNovelBook } from '../support/exportFixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'quire-pdf-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the PDF and runs a poppler tool on it. */
function poppler(tool: 'pdftotext' | 'pdffonts', bytes: Uint8Array, name: string, args: string[] = []): string {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const output = tool === 'pdftotext' ? [...args, file, '-'] : [...args, file];
  return execFileSync(tool, output, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The PDF's pages as pdftotext lays them out (columns kept), each as its non-blank lines. */
function pdfPages(bytes: Uint8Array, name: string): string[][] {
  const pages = poppler('pdftotext', bytes, name, ['-layout', '-enc', 'UTF-8']).split('\f');
  pages.pop(); // whatever follows the last page's form feed
  return pages.map((page) => page.split('\n').map((line) => line.trimEnd()).filter(Boolean));
}

/**
 * The pages' lines without their folios, checking the numbering: no number in the front matter;
 * 1 on the first page of the first part or chapter, a right-hand (odd) page, then one more on
 * each page to the end. A blank page may come before page 1 to put it on the right.
 */
function withoutFolios(pages: string[][]): string[][] {
  const first = pages.findIndex((lines, index) => index > 0 && lines.at(-1)?.trim() === '1');
  assert.ok(first > 0, 'some page is page 1');
  assert.equal(first % 2, 0, `page 1 is a right-hand page (it is the PDF's page ${first + 1})`);
  return pages.map((lines, index) => {
    if (index < first) {
      assert.ok(!lines.some((line) => /^\s*\d+\s*$/.test(line)), `front-matter page ${index + 1} has no page number`);
      return lines;
    }
    assert.equal(lines.at(-1)?.trim(), String(index - first + 1), `the PDF's page ${index + 1} is numbered ${index - first + 1}`);
    return lines.slice(0, -1);
  });
}

const trimmed = (lines: string[]) => lines.map((line) => line.trim());
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** How the title page names the authors. */
function authorLine(authors: string[]): string {
  return authors.length > 1 ? `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}` : (authors[0] ?? '');
}

/** Every word the printed book should show, in reading order: title page, then each section. */
function bookWords(book: ExportBook): string[] {
  return [book.title, authorLine(book.authors), exportBookText(book)].flatMap(wordsOf);
}

/** Asserts two word lists are equal, reporting the first difference with its context. */
function assertSameWords(actual: string[], expected: string[]): void {
  const length = Math.min(actual.length, expected.length);
  let i = 0;
  while (i < length && actual[i] === expected[i]) i++;
  if (i === length && actual.length === expected.length) return;
  assert.fail(
    `words differ at ${i} of ${expected.length}:\n  pdf:  …${actual.slice(Math.max(0, i - 5), i + 6).join(' ')}\n` +
      `  book: …${expected.slice(Math.max(0, i - 5), i + 6).join(' ')}`,
  );
}

test('the sample novel prints its title page, then every word of the book in order', async () => {
  const book = sampleNovelBook();
  const pages = pdfPages(await bookToPdf(book), 'sample');
  assert.ok(pages.length > 10, `a 7,000-word novel takes more than ${pages.length} pages`);

  const bodies = withoutFolios(pages);
  assert.deepEqual(trimmed(bodies[0]), [book.title, authorLine(book.authors)]);

  // Lines may end at a hyphenation point ("beau‐" / "tiful"), where the PDF adds U+2010, which
  // goes, or after the hyphen of a compound ("half-" / "dream"), which stays.
  const text = bodies
    .map((lines) => lines.join('\n'))
    .join('\n')
    .replace(/(?<=\p{L})\u2010[ \t]*\n[ \t]*(?=\p{L})/gu, '')
    .replace(/([\p{L}\p{N}]-)[ \t]*\n[ \t]*(?=[\p{L}\p{N}])/gu, '$1');
  assertSameWords(wordsOf(text), bookWords(book));
});

test('every section of the book is set where a printed book sets it', async () => {
  const book = everythingBook();
  const bytes = await bookToPdf(book);
  assert.equal(Buffer.from(bytes.subarray(0, 5)).toString('latin1'), '%PDF-');

  const pages = pdfPages(bytes, 'everything');
  const bodies = withoutFolios(pages);
  const pageText = bodies.map((lines) => flat(lines.join('\n')));
  const startsWith = (line: string) => bodies.findIndex((lines) => lines[0]?.trim() === line);

  assert.deepEqual(trimmed(bodies[0]), ['The Lantern & the Tide', 'Ada Quill and Ben Marsh']);

  for (const section of book.sections) {
    if (section.kind === 'dedication') {
      const index = bodies.findIndex((lines) => lines.some((line) => line.includes('For Maren')));
      const expected = section.paragraphs.map(inlineText);
      assert.deepEqual(trimmed(bodies[index]), expected, 'the dedication has a page to itself');
    } else if (section.kind === 'epigraphs') {
      const index = bodies.findIndex((lines) => lines.some((line) => line.includes('The sea has neither')));
      const lines = bodies[index];
      assert.deepEqual(trimmed(lines), [
        'The sea has neither meaning nor pity.',
        '— Anton Chekhov',
        // The verse keeps its line break.
        'I must go down to the seas again,',
        'to the lonely sea and the sky',
        '— John Masefield, Sea-Fever',
      ]);
      const indent = (line: string) => line.length - line.trimStart().length;
      assert.ok(indent(lines[1]) > indent(lines[0]), 'the attribution is set to the right of its quotation');
      assert.ok(indent(lines[4]) > indent(lines[3]), 'the attribution is set to the right of its quotation');
    } else if (section.kind === 'part') {
      const index = startsWith(section.label);
      assert.ok(index > 0, `${section.label} starts a page`);
      // Its own epigraphs under the title, each quotation then "— source", then its text.
      const epigraphs = section.epigraphs.flatMap((epigraph) => [inlineText(epigraph.quote), `— ${inlineText(epigraph.attribution)}`]);
      const expected = [section.label, inlineText(section.title), ...epigraphs, ...section.paragraphs.map(inlineText)];
      assert.deepEqual(trimmed(bodies[index]), expected, `${section.label} has a page to itself`);
    } else {
      const index = startsWith(section.label);
      assert.ok(index > 0, `${section.label} starts a page`);
      assert.ok(!pageText[index - 1].includes(section.label), `${section.label} appears on one page only`);
      const epigraphs = section.epigraphs.flatMap((epigraph) => [epigraph.quote, epigraph.attribution]);
      const texts = [section.title, ...epigraphs, ...section.blocks.map((block) => ('inlines' in block ? block.inlines : []))]
        .map((inlines) => flat(inlineText(inlines)))
        .filter(Boolean);
      for (const text of texts) {
        assert.ok(pageText[index].includes(text), `${section.label} has "${text}" on its page`);
        assert.ok(!pageText[index - 1].includes(text.slice(0, 20)), `nothing of ${section.label} comes before it`);
      }
      if (section.subtitle.length) assert.equal(bodies[index][2].trim(), inlineText(section.subtitle));
    }
  }

  const all = pageText.join(' ');
  for (const word of ['Élodie', 'naïve', 'café', '“Again?”', '— not even the gulls', '* * *']) {
    assert.ok(all.includes(word), `"${word}" survives`);
  }

  // The book's own faces are embedded (bold-italic included); code is in PDF's standard Courier
  // (every reader has it, so it is not embedded), in the faces the book's code uses; nothing else.
  const fonts = poppler('pdffonts', bytes, 'everything').split('\n').slice(2).filter(Boolean);
  const name = (line: string) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, '');
  assert.deepEqual(
    fonts.map(name).sort(),
    ['Courier', 'Courier-Bold', 'Courier-Oblique', 'EBGaramond-Bold', 'EBGaramond-BoldItalic', 'EBGaramond-Italic', 'EBGaramond-Regular'],
  );
  for (const line of fonts.filter((l) => name(l).startsWith('EBGaramond'))) assert.match(line, /\byes\s+yes\s+yes\b/, 'embedded, subset, with a Unicode map');
  for (const line of fonts.filter((l) => name(l).startsWith('Courier'))) assert.match(line, /\bType 1\s+WinAnsi\b/, 'a standard font');
});

test('a selection prints the title page and only the selected chapter, under its own number', async () => {
  const book = everythingBook(['ch3']);
  const pages = pdfPages(await bookToPdf(book), 'selection');
  // The title page, a blank left-hand page, and the chapter on the right as page 1.
  assert.equal(pages.length, 3);
  const bodies = withoutFolios(pages);
  assert.deepEqual(trimmed(bodies[0]), ['The Lantern & the Tide', 'Ada Quill and Ben Marsh']);
  assert.deepEqual(bodies[1], []);
  assert.deepEqual(trimmed(bodies[2]).slice(0, 2), ['Chapter 3', 'Spring Tide']);
  const text = flat(bodies[2].join('\n'));
  assert.ok(text.includes('She counted the lights: one, two, three.'));
  for (const absent of ['Chapter 1', 'Low Water', 'Part', 'The Open Sea', 'For Maren', 'Chekhov']) {
    assert.ok(!text.includes(absent), `"${absent}" is not in the selection`);
  }
});

/** Every character 5 pt wide, a space 3 pt: easy to reason about. */
const fixedWidths: PdfMeasure = { width: (text) => 5 * text.length, space: () => 3 };
const run = (text: string, marks: { bold?: boolean; italic?: boolean } = {}): ExportInline => ({
  text,
  bold: Boolean(marks.bold),
  italic: Boolean(marks.italic),
});

test('lines take the faces of their runs; emphasis inside italic text turns roman', () => {
  const inlines = [
    run('plain '),
    run('slanted', { italic: true }),
    run(' '),
    run('both', { bold: true, italic: true }),
  ];
  const [roman] = pdfBreakLines(inlines, { width: 500, justify: false }, fixedWidths);
  assert.deepEqual(
    roman.runs.map(({ text, face }) => [text, face]),
    [
      ['plain', 'regular'],
      ['slanted', 'italic'],
      ['both', 'boldItalic'],
    ],
  );
  const [italic] = pdfBreakLines(inlines, { width: 500, justify: false, italic: true }, fixedWidths);
  assert.deepEqual(
    italic.runs.map(({ face }) => face),
    ['italic', 'regular', 'bold'],
  );
});

test('justified lines fill the measure, indent the first line, and keep every word whole', () => {
  const words = 'the tide went out all at once as if someone had pulled a plug and the boats lay down'.split(' ');
  const lines = pdfBreakLines([run(words.join(' '))], { width: 120, indent: 10, justify: true }, fixedWidths);
  assert.ok(lines.length > 3);
  assert.equal(lines[0].runs[0].x, 10);
  for (const line of lines.slice(0, -1)) assert.ok(Math.abs(line.width - 120) < 1e-9, `a full line, not ${line.width}`);
  assert.equal(lines.at(-1)!.wordSpacing, 0, 'the last line is set at its natural spacing');
  assert.deepEqual(
    lines.flatMap((line) => line.runs.flatMap((r) => r.text.split(' '))),
    words,
  );
});

test('line breaks are kept, and a line may end after the hyphen of a compound', () => {
  const inlines: ExportInline[] = [run('one'), { lineBreak: true }, run('two')];
  const broken = pdfBreakLines(inlines, { width: 500, justify: true }, fixedWidths);
  assert.deepEqual(
    broken.map((line) => [line.runs.map((r) => r.text).join(''), line.wordSpacing]),
    [
      ['one', 0],
      ['two', 0],
    ],
  );
  const compound = pdfBreakLines([run('a well-known fact')], { width: 40, justify: false }, fixedWidths);
  assert.deepEqual(
    compound.map((line) => line.runs.map((r) => r.text).join('')),
    ['a well-', 'known', 'fact'],
  );
});

test('a word wider than the measure is cut to fit rather than run into the margin', () => {
  const long = 'x'.repeat(50);
  const lines = pdfBreakLines([run(`see ${long} now`)], { width: 100, indent: 10, justify: true }, fixedWidths);
  for (const line of lines) assert.ok(line.width <= 100 + 1e-9, `a line ${line.width} pt wide`);
  const text = lines.map((line) => line.runs.map((r) => r.text).join(' ')).join(' ');
  assert.equal(text.replace(/ /g, ''), `see${long}now`);
});
