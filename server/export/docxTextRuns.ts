import { TextRun } from 'docx';
import type { ExportInline } from './exportBook';

/**
 * Turns inlines into docx runs: bold and italic as run properties, line breaks as `<w:br/>`.
 * Only emphasis is written on a run; everything else (font, size, spacing) comes from the
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
    runs.push(new TextRun({ text: inline.text, bold: inline.bold || undefined, italics }));
  }
  return runs;
}
