import { CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, InsertedTextRun, TextRun, type ParagraphChild } from 'docx';
import { DOCX_CODE_STYLE } from './docxCodeStyle';
import type { ExportInline } from './exportBook';

/** Word needs each tracked change to carry a number unique in the document. */
let nextRevisionId = 1;

/**
 * Turns inlines into docx runs (a shown suggestion as Word's tracked insertion or deletion, a
 * comment's passage between Word's comment range marks, its reference after the passage): bold and italic as run properties, code as the "Code" character
 * style, line breaks as `<w:br/>`. Only emphasis and that style are written on a run; everything else (font, size, spacing) comes from the
 * paragraph's style, so restyling the document in Word restyles every run.
 *
 * With `italicParagraph` (the paragraph's style is already italic, as a dedication's is),
 * emphasis is set roman, as typesetters do, rather than vanishing into the surrounding italic.
 */
export function docxTextRuns(inlines: readonly ExportInline[], options: { italicParagraph?: boolean } = {}): ParagraphChild[] {
  const runs: ParagraphChild[] = [];
  for (const inline of inlines) {
    if ('lineBreak' in inline) {
      runs.push(new TextRun({ break: 1 }));
      continue;
    }
    if (!inline.text) continue;
    // Plain flags are left out rather than written as "off", so the style decides.
    const italics = options.italicParagraph ? (inline.italic ? false : undefined) : inline.italic || undefined;
    // Word drops characters XML forbids; a space keeps the words on either side apart.
    const text = inline.text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');
    for (const number of inline.commentStarts ?? []) runs.push(new CommentRangeStart(number));
    const properties = { text, bold: inline.bold || undefined, italics, ...(inline.code ? { style: DOCX_CODE_STYLE } : {}) };
    const { suggestion } = inline;
    if (suggestion) {
      // Word's own tracked changes, so an editor can go on accepting and rejecting in Word.
      const change = { id: nextRevisionId++, author: suggestion.author, date: (suggestion.date ?? new Date(0)).toISOString().replace(/\.\d+Z$/, 'Z') };
      runs.push(suggestion.kind === 'insertion' ? new InsertedTextRun({ ...properties, ...change }) : new DeletedTextRun({ ...properties, ...change }));
    } else runs.push(new TextRun(properties));
    for (const number of inline.commentEnds ?? []) runs.push(new CommentRangeEnd(number), new TextRun({ children: [new CommentReference(number)] }));
  }
  return runs;
}
