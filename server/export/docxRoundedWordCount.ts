/**
 * A word count rounded as a manuscript's first page states it ("about 7,100 words"): to the
 * nearest 100 below 10,000 words, to the nearest 1,000 from 10,000 up, and to the nearest 10
 * below 100 (never "0" for a text that has words). Halves round up. Formatted with a comma as
 * the thousands separator, whatever the server's locale, since the line around it is English.
 */
export function docxRoundedWordCount(words: number): string {
  const count = Math.max(0, Math.round(words));
  let rounded: number;
  if (count === 0) rounded = 0;
  else if (count < 100) rounded = Math.max(10, Math.round(count / 10) * 10);
  else if (count < 10_000) rounded = Math.round(count / 100) * 100;
  else rounded = Math.round(count / 1000) * 1000;
  return rounded.toLocaleString('en-US');
}
