import type { ICharacterStyleOptions } from 'docx';

/** The id of the character style code runs use; Word shows it by the same name, "Code". */
export const DOCX_CODE_STYLE = 'Code';

/**
 * The "Code" character style that the runs of the editor's code mark use. A character style
 * rather than a font on each run, so an editor can restyle all code at once and an importer can
 * tell code from text. With `font` (the book: Courier New, on every Word installation and in
 * LibreOffice as a metric twin) code is set in it; without, it keeps the document's one typeface
 * (Standard Manuscript Format allows no other) and only the style says it is code.
 */
export function docxCodeCharacterStyle(font?: string): ICharacterStyleOptions {
  return { id: DOCX_CODE_STYLE, name: 'Code', basedOn: 'DefaultParagraphFont', quickFormat: true, run: font ? { font } : {} };
}
