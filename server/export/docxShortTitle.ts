/** A title longer than this (in characters) is shortened for the running header. */
const MAX_LENGTH = 24;
/** Most words kept from a long title. */
const MAX_WORDS = 3;
/** Words that do not carry a title: dropped from its start and its shortened end. */
const MINOR = new Set(['a', 'an', 'the', 'and', '&', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from']);

/**
 * The short title in a manuscript's running header ("Quill / LANTERN / 7"): the title in capitals,
 * whole when short; a long title is cut at its subtitle (a colon or dash), loses a leading
 * article, keeps its first few words and drops minor words left dangling at the end, so the
 * header stays on one line and still names the book.
 */
export function docxShortTitle(title: string): string {
  const whole = title.trim().replace(/\s+/g, ' ');
  if (whole.length <= MAX_LENGTH) return whole.toUpperCase();
  const main = whole.split(/\s*(?::|—|–|\s-\s)\s*/)[0] || whole;
  let words = main.split(' ').map((word) => word.replace(/[.,;!?]+$/, '')).filter(Boolean);
  if (words.length > 1 && MINOR.has(words[0].toLowerCase())) words = words.slice(1);
  words = words.slice(0, MAX_WORDS);
  while (words.length > 1 && MINOR.has(words[words.length - 1].toLowerCase())) words.pop();
  return words.join(' ').toUpperCase();
}
