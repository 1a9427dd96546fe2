/**
 * Control characters no text file of prose contains: C0 controls other than tab, line feed,
 * vertical tab, form feed and carriage return (which read as white space), DEL, and the C1
 * controls. A NUL is the usual sign of a binary file or UTF-16 saved without its byte-order mark.
 */
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/;

/** Where the first control character in `text` is: the character's code point and its line (1-based), or null. */
export function firstControlCharacter(text: string): { codePoint: string; line: number } | null {
  const match = CONTROL.exec(text);
  if (!match) return null;
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < match.index; at = text.indexOf('\n', at + 1)) line++;
  return { codePoint: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, line };
}
