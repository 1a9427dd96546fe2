import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { bookToMarkdown } from '../../server/export/bookToMarkdown';
import { bookToHtml } from '../../server/export/bookToHtml';
import { epubSectionXhtml } from '../../server/export/epubSectionXhtml';
import { bookToDocx } from '../../server/export/bookToDocx';
import { bookToStandardManuscript } from '../../server/export/bookToStandardManuscript';
import type { ExportInline } from '../../server/export/exportBook';
import { pdfBreakLines, type PdfMeasure } from '../../server/export/pdfBreakLines';
import { everythingBook } from '../support/exportFixtures';

// The everything book's last chapter has: "The log said `tide --low 0.4m`, then **`ALARM`** in *`red`*."
const chapterWithCode = () => everythingBook().sections.find((s) => s.id === 'ch3')!;

test('Markdown writes code in backticks, inside any bold or italic around it', () => {
  const markdown = bookToMarkdown(everythingBook());
  assert.match(markdown, /^The log said `tide --low 0\.4m`, then \*\*`ALARM`\*\* in \*`red`\*\.$/m);
});

test('the web page and the EPUB set code in <code>, inside <strong> or <em>', () => {
  const expected = /The log said <code>tide --low 0\.4m<\/code>, then <strong><code>ALARM<\/code><\/strong> in <em><code>red<\/code><\/em>\./;
  assert.match(bookToHtml(everythingBook()), expected);
  assert.match(epubSectionXhtml(chapterWithCode()), expected);
  assert.match(bookToHtml(everythingBook()), /code \{ font-family: [^}]*monospace/);
});

/** The run properties of the run holding `text` in a DOCX's document.xml. */
async function docxParts(bytes: Uint8Array): Promise<{ document: string; styles: string }> {
  const zip = await JSZip.loadAsync(bytes);
  return { document: await zip.file('word/document.xml')!.async('string'), styles: await zip.file('word/styles.xml')!.async('string') };
}
const runOf = (document: string, text: string) => new RegExp(`<w:r><w:rPr>((?:(?!</w:rPr>).)*)</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`).exec(document)?.[1] ?? '';
const codeStyle = (styles: string) => /<w:style w:type="character" w:styleId="Code"[^>]*>[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';

test('Word: code runs use the "Code" character style, set in Courier New in the book', async () => {
  const { document, styles } = await docxParts(await bookToDocx(everythingBook()));
  assert.match(runOf(document, 'tide --low 0.4m'), /^<w:rStyle w:val="Code"\/>$/);
  assert.match(runOf(document, 'ALARM'), /<w:rStyle w:val="Code"\/>.*<w:b\/>/);
  assert.match(runOf(document, 'red'), /<w:rStyle w:val="Code"\/>.*<w:i\/>/);
  assert.match(codeStyle(styles), /<w:name w:val="Code"\/>/);
  assert.match(codeStyle(styles), /<w:rFonts w:ascii="Courier New" w:cs="Courier New" w:eastAsia="Courier New" w:hAnsi="Courier New"\/>/);
  assert.doesNotMatch(runOf(document, 'The log said '), /Code/);
});

test('Standard Manuscript Format: code runs use the "Code" style, which keeps the manuscript’s one typeface', async () => {
  const { document, styles } = await docxParts(await bookToStandardManuscript(everythingBook()));
  assert.match(runOf(document, 'tide --low 0.4m'), /^<w:rStyle w:val="Code"\/>$/);
  assert.match(codeStyle(styles), /<w:name w:val="Code"\/>/);
  assert.doesNotMatch(codeStyle(styles), /rFonts/);
});

test('PDF: code is set in Courier’s faces; characters Courier cannot show stay in the book’s face', () => {
  const measure: PdfMeasure = { width: (text) => 5 * text.length, space: () => 3 };
  const run = (text: string, marks: Partial<Record<'bold' | 'italic' | 'code', boolean>> = {}): ExportInline => ({
    text,
    bold: Boolean(marks.bold),
    italic: Boolean(marks.italic),
    code: Boolean(marks.code),
  });
  const [line] = pdfBreakLines(
    [run('Type '), run('ls', { code: true }), run(' '), run('NOW', { code: true, bold: true }), run(' '), run('slowly', { code: true, italic: true }), run(' '), run('λx=café', { code: true })],
    { width: 1000, justify: false },
    measure,
  );
  assert.deepEqual(
    line.runs.map(({ text, face }) => [text, face]),
    [
      ['Type', 'regular'],
      ['ls', 'code'],
      ['NOW', 'codeBold'],
      ['slowly', 'codeItalic'],
      ['λ', 'regular'],
      ['x=café', 'code'],
    ],
  );
});
