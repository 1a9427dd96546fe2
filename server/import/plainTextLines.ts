/**
 * Splits exported plain text into trimmed, non-empty lines. Tools that export drafts leave stray
 * indentation, tabs, non-breaking spaces and runs of blank lines; none of that carries meaning
 * here, so it is dropped.
 */
export function plainTextLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00A0]+/g, ' ').trim())
    .filter((line) => line.length > 0);
}
