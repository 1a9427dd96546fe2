import { TextRun } from 'docx';
import { DOCX_CODE_STYLE } from './docxCodeStyle';
import type { ExportInline } from './exportBook';

/**
 * Turns inlines into docx runs: bold and italic as run properties, code as the "Code" character
 * style, line breaks as `<w:br/>`. Only emphasis and that style are written on a run; everything else (font, size, spacing) comes from the
 * paragraph's style, so restyling the document in Word restyles every run.
 *
 * With `italicParagraph` (the paragraph's style is already italic, as a dedication's is),
 * emphasis is set roman, as typesetters do, rather than vanishing into the surrounding italic.
 */
export function docxTextRuns(inlines: readonly ExportInline[], options: { italicParagraph?: boolean } = {}): TextRun[] {
  const runs: TextRun[] = [];
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
    runs.push(new TextRun({ text, bold: inline.bold || undefined, italics, ...(inline.code ? { style: DOCX_CODE_STYLE } : {}) }));
  }
  return runs;
}
