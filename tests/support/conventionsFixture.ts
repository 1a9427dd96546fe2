import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

/**
 * A short book written the way writers format them (tests/fixtures/conventions): an unlabelled
 * italic dedication under the title, two block-quoted epigraphs closed by "— source" lines, parts
 * headed `PART ONE: THE LOT`, chapters headed `CHAPTER ONE` (one with a title), a chapter that
 * opens with its own epigraph, and three kinds of scene break (`* * *`, `#`, `~`).
 */
const DIR = path.join(import.meta.dirname, '../fixtures/conventions');

/** The fixture as Markdown, the way a writer in a Markdown editor has it. */
export const conventionsMarkdown = (): Uint8Array => readFileSync(path.join(DIR, 'conventions.md'));

/** The fixture as a text file: a paragraph per line, the same marks, the title as the first line. */
export const conventionsText = (): Uint8Array => readFileSync(path.join(DIR, 'conventions.txt'));

/** Italic spans written `*so*` as Word runs. */
function runs(line: string, italic = false): TextRun[] {
  return line
    .split(/(\*[^*]+\*)/)
    .filter(Boolean)
    .map((part) => (/^\*[^*]+\*$/.test(part) ? new TextRun({ text: part.slice(1, -1), italics: !italic }) : new TextRun({ text: part, italics: italic })));
}

/**
 * The fixture as a writer would set it in Word, built from the Markdown line by line: the title in
 * Word's Title style, the dedication a centred italic line (no label), each epigraph a Quote
 * paragraph and its "— source" line, parts as Heading 1 and chapters as Heading 2, scene breaks
 * as centred lines.
 */
export async function conventionsDocx(): Promise<Uint8Array> {
  const lines = Buffer.from(conventionsMarkdown()).toString('utf8').split('\n').filter((line) => line.trim() && line.trim() !== '>');
  const children = lines.map((line, index) => {
    if (index === 0) return new Paragraph({ text: line.replace(/^# /, ''), heading: HeadingLevel.TITLE });
    if (/^# /.test(line)) return new Paragraph({ text: line.slice(2), heading: HeadingLevel.HEADING_1 });
    if (/^## /.test(line)) return new Paragraph({ text: line.slice(3), heading: HeadingLevel.HEADING_2 });
    if (/^(\* \* \*|#|~)$/.test(line)) return new Paragraph({ text: line, alignment: AlignmentType.CENTER });
    if (/^\*[^*]+\*$/.test(line)) return new Paragraph({ children: runs(line), alignment: AlignmentType.CENTER });
    if (line.startsWith('> ')) return new Paragraph({ children: runs(line.slice(2)), style: 'Quote' });
    return new Paragraph({ children: runs(line) });
  });
  const document = new Document({
    // Word's own Quote style, as a document written in Word has it.
    styles: { paragraphStyles: [{ id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true }, paragraph: { indent: { left: 720, right: 720 } } }] },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
