/** Matches one word: a run of letters or digits, with inner apostrophes and hyphens (don't, well-known). */
const WORD = /[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*/gu;

/**
 * Counts the words in a text the way a reader would: dashes and other punctuation separate words,
 * apostrophes and hyphens inside a word do not.
 */
export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD)) count++;
  return count;
}

/** The words of a text in order, as {@link countWords} counts them. */
export function wordsOf(text: string): string[] {
  return Array.from(text.matchAll(WORD), (match) => match[0]);
}

/** Where each word of a text starts and ends (end exclusive), as {@link countWords} counts them. */
export function wordSpans(text: string): Array<[number, number]> {
  return Array.from(text.matchAll(WORD), (match) => [match.index, match.index + match[0].length] as [number, number]);
}
