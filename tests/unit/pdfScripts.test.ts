import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { bookToPdf } from '../../server/export/bookToPdf';
import type { ExportBook, ExportInline } from '../../server/export/exportBook';
import { visualOrder, isRightToLeftParagraph } from '../../server/export/pdfBidi';
import { pdfFontRuns } from '../../server/export/pdfFontRuns';
import { woffToSfnt } from '../../server/export/woffToSfnt';
import { everythingBook } from '../support/exportFixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'quire-pdf-scripts-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const plain = (text: string): ExportInline[] => [{ text, bold: false, italic: false }];

/** One line of each script the PDF must print, with the characters to find in it afterwards. */
const SCRIPTS = {
  hebrew: 'שלום עולם, אמר הזקן',
  arabic: 'مرحبا بالعالم، قال الرجل',
  greek: 'Καλημέρα κόσμε',
  cyrillic: 'Здравствуй, мир',
  chinese: '你好，世界',
  japanese: '日本語のテキスト',
  korean: '한국어 문장입니다',
  devanagari: 'नमस्ते दुनिया',
  thai: 'สวัสดีชาวโลก',
  emoji: '😀 👨‍👩‍👧 ❤️',
};

function scriptsBook(): ExportBook {
  const book = everythingBook();
  const chapter = book.sections.find((section) => section.kind === 'chapter');
  assert.ok(chapter && chapter.kind === 'chapter');
  chapter.title = plain(`${SCRIPTS.hebrew} ${SCRIPTS.chinese}`);
  chapter.blocks = Object.entries(SCRIPTS).map(([name, text]) => ({ type: 'paragraph' as const, inlines: plain(`${name}: ${text}.`) }));
  return { ...book, title: `${SCRIPTS.greek} ${SCRIPTS.arabic}`, sections: [chapter] };
}

function poppler(tool: 'pdftotext' | 'pdffonts', bytes: Uint8Array, args: string[] = []): string {
  const file = path.join(dir, `${tool}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync(tool, tool === 'pdftotext' ? [...args, file, '-'] : [file], { encoding: 'utf8' });
}

/** The letters of text, without marks, joiners or spaces: what must come back out of the PDF. */
const letters = (text: string) => [...text.normalize('NFC')].filter((char) => /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(char));

test('a PDF with every script prints each with real glyphs, the title page and headings included, embedding only the fonts used', async () => {
  const bytes = await bookToPdf(scriptsBook());
  const text = poppler('pdftotext', bytes, ['-raw', '-enc', 'UTF-8']);
  for (const [name, line] of Object.entries(SCRIPTS)) {
    for (const char of letters(line)) assert.ok(text.includes(char), `${name}: ${char} (U+${char.codePointAt(0)!.toString(16)}) is in the PDF's text`);
  }
  const fonts = poppler('pdffonts', bytes);
  for (const family of ['NotoSerifHebrew', 'Amiri', 'NotoSerifSC', 'NotoSerifKR', 'NotoSerifDevanagari', 'NotoSerifThai', 'NotoEmoji', 'EBGaramond']) {
    assert.match(fonts, new RegExp(`[A-Z]{6}\\+${family}-Regular\\s.*yes\\s+yes\\s+yes`), `${family} is embedded as a subset with its text mapping`);
  }
  // No glyph is missing: a character no font had would be drawn as glyph 0, which pdftotext maps to nothing.
  assert.doesNotMatch(text, /\uFFFD/);
});

test('a book in Latin script alone embeds no fallback font', async () => {
  const fonts = poppler('pdffonts', await bookToPdf(everythingBook()));
  assert.doesNotMatch(fonts, /Noto/);
});

test('right-to-left words are ordered by the bidirectional algorithm; numbers inside them read left to right', () => {
  type Face = 'latin' | 'hebrew';
  const atom = (text: string, face: Face | null = text === ' ' ? null : /[\u0590-\u05ff\u0600-\u06ff]/.test(text) ? 'hebrew' : 'latin') => ({ text, face, width: text.length });
  const measure = (text: string) => text.length;
  const draw = (atoms: ReturnType<typeof atom>[], rtl: boolean) =>
    visualOrder(atoms, rtl, measure)
      .map((a) => a.text)
      .join('');
  // In an English sentence, a Hebrew phrase runs right to left as a whole: its first word ends up rightmost.
  assert.equal(draw([atom('Say'), atom(' '), atom('שלום'), atom(' '), atom('עולם'), atom(' '), atom('now')], false), 'Say עולם שלום now');
  // A Hebrew paragraph: the whole line runs right to left; an English word and the number after it keep their own order.
  assert.equal(draw([atom('אמר'), atom(' '), atom('hello'), atom(' '), atom('42'), atom('.')], true), '.hello 42 אמר');
  // Brackets at a right-to-left level are mirrored, so they still open towards what they enclose.
  assert.equal(draw([atom('אמר'), atom(' '), atom('('), atom('שלום'), atom(')')], true), '(שלום) אמר');
  // Arabic-Indic digits are handed to the shaper reversed, which lays Arabic-script text out right to left.
  assert.equal(draw([atom('قال'), atom(' '), atom('١٢٣')], true), '٣٢١ قال');
  // An emoji (past U+FFFF, two UTF-16 units) between Hebrew words is a neutral, not an English
  // letter: the Hebrew phrase around it still runs right to left as a whole, in either paragraph.
  assert.equal(draw([atom('אמר'), atom(' '), atom('😀'), atom(' '), atom('שלום')], true), 'שלום 😀 אמר');
  assert.equal(draw([atom('Say'), atom(' '), atom('שלום'), atom(' '), atom('😀'), atom(' '), atom('עולם')], false), 'Say עולם 😀 שלום');
  assert.equal(isRightToLeftParagraph('  «שלום» said he'), true);
  assert.equal(isRightToLeftParagraph('He said «שלום»'), false);
});

test('text goes to a fallback face by grapheme cluster: marks stay with their letter, emoji sequences stay whole', () => {
  const covers = (codePoint: number) => codePoint < 0x370 || (codePoint >= 0x2000 && codePoint < 0x2070);
  assert.deepEqual(pdfFontRuns('plain words, “quoted”', 'regular', covers), [{ text: 'plain words, “quoted”', face: 'regular' }]);
  const hebrew = pdfFontRuns('a שלום b', 'regular', covers);
  assert.deepEqual(
    hebrew.map((run) => run.text),
    ['a ', 'שלום', ' b'],
  );
  assert.match(hebrew[1].face, /^script:noto-serif-hebrew-hebrew-400-normal$/);
  assert.match(pdfFontRuns('x שלום', 'bold', covers)[1].face, /-700-normal$/, 'bold text falls back to the bold weight');
  const family = pdfFontRuns('👨‍👩‍👧', 'regular', covers);
  assert.equal(family.length, 1, 'a zero-width-joiner sequence is one run');
  assert.match(family[0].face, /noto-emoji/);
  // A decomposed letter is set in its precomposed form, in the book's face.
  assert.deepEqual(pdfFontRuns('e\u0301', 'regular', covers), [{ text: 'é', face: 'regular' }]);
});

test('a WOFF font unpacks to the TrueType font it wraps', () => {
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve('@fontsource/noto-serif-hebrew/package.json')), 'files/noto-serif-hebrew-hebrew-400-normal.woff');
  const woff = readFileSync(file);
  const fromWoff = fontkit.create(woff) as fontkit.Font;
  const fromSfnt = fontkit.create(woffToSfnt(woff)) as fontkit.Font;
  assert.equal(fromSfnt.numGlyphs, fromWoff.numGlyphs);
  assert.equal(fromSfnt.postscriptName, fromWoff.postscriptName);
  const shin = fromWoff.glyphForCodePoint(0x5e9);
  assert.equal(fromSfnt.glyphForCodePoint(0x5e9).path.toSVG(), shin.path.toSVG());
  assert.throws(() => woffToSfnt(Buffer.from('not a font at all, not even close to one, nope')), /not a WOFF/);
});
