import { countWords } from '@model/manuscript/countWords';

/** Punctuation that ends prose (or dialogue) rather than a heading. */
const ENDS_LIKE_PROSE = /[.!?,;:…"'”’)\]]$/;
/** Dialogue or quoted text opens with a quotation mark. */
const OPENS_LIKE_DIALOGUE = /^["'“‘(\[]/;

/**
 * Whether a line inside a chapter reads as a scene heading: short, set on its own, no sentence
 * punctuation at its end, starting with a capital. Plain text carries no markup, so this is a
 * judgement; the writer confirms or corrects it in the editor (toggle scene heading).
 */
export function looksLikeSceneHeading(line: string): boolean {
  if (line.length > 70 || countWords(line) > 10 || countWords(line) === 0) return false;
  if (ENDS_LIKE_PROSE.test(line) || OPENS_LIKE_DIALOGUE.test(line)) return false;
  return /^\p{Lu}/u.test(line);
}
