/**
 * C0 controls XML 1.0 forbids (all but tab, line feed and carriage return). Text pasted from word
 * processors does carry them (Word's vertical tab for a manual line break, form feeds for page
 * breaks), and a single one makes a whole XHTML file unreadable to a reading system. XML has no
 * escape for them, so each becomes a space: it still separates words, as the editor's word count
 * (which treats them as separators) assumes.
 */
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** Halves of a surrogate pair without their partner, and the noncharacters U+FFFE and U+FFFF. */
const FORBIDDEN_OTHER = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe to place anywhere in an EPUB's XML, in element content or in a double- or
 * single-quoted attribute value: markup characters escaped, characters XML cannot carry replaced
 * (controls by a space, broken surrogates by U+FFFD, the replacement character).
 */
export function epubEscape(text: string): string {
  return text
    .replace(FORBIDDEN_CONTROL, ' ')
    .replace(FORBIDDEN_OTHER, '\uFFFD')
    .replace(/[&<>"']/g, (char) => ENTITIES[char]);
}
