/** What a writer searches for, and how (the find panel's switches). */
export interface SearchQuery {
  /** The text, or with `regex` the regular expression, to find. */
  text: string;
  matchCase: boolean;
  /** Only matches that are whole words: no letter, digit or underscore right before or after. */
  wholeWords: boolean;
  /** `text` is a JavaScript regular expression; the replacement may use `$1`, `$&` and `$$`. */
  regex: boolean;
  /**
   * Search the text as it would read with every pending suggestion accepted (proposed text in,
   * text proposed for removal out). Off: the text as accepted so far (proposed text left out).
   */
  includeSuggestions: boolean;
}

/** Longest query accepted (characters): a name, a phrase or an expression, not a chapter. */
export const MAX_QUERY_LENGTH = 500;

/** A query that cannot be searched for, with the message the writer sees. */
export class SearchQueryError extends Error {}

/** A compiled query: a regular expression's source and flags (`g`, `m` and `u` always). */
export interface SearchPattern {
  source: string;
  flags: string;
}

// The characters with a meaning in a regular expression that may be escaped in unicode mode.
const SPECIAL = /[\^$\\.*+?()[\]{}|/]/g;

/**
 * Compiles a query to a regular expression, or throws {@link SearchQueryError} saying what is
 * wrong with it (empty, too long, an invalid expression). Compiling runs nothing: a writer's
 * expression only ever runs inside a runner (on the server, under a time limit). `m`: `^` and `$`
 * stand at the start and end of every block.
 */
export function searchPattern(query: SearchQuery): SearchPattern {
  if (query.text.length === 0) throw new SearchQueryError('Type something to find.');
  if (query.text.length > MAX_QUERY_LENGTH) throw new SearchQueryError(`Search for at most ${MAX_QUERY_LENGTH} characters.`);
  let source = query.regex ? query.text : query.text.replace(SPECIAL, '\\$&');
  // Words as countWords sees them: letters and digits of any script (and _ for expressions).
  if (query.wholeWords) source = `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`;
  const flags = query.matchCase ? 'gmu' : 'gimu';
  try {
    new RegExp(source, flags);
  } catch (error) {
    throw new SearchQueryError(`That is not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
  return { source, flags };
}

/**
 * The text a match is replaced with: `replacement` as typed, or for a regular expression with
 * `$&` (the whole match), `$1`…`$99` (its groups) and `$$` (a dollar sign) filled in.
 */
export function replacementFor(replacement: string, captures: readonly string[], regex: boolean): string {
  if (!regex) return replacement;
  return replacement.replace(/\$(\$|&|\d{1,2})/g, (whole, token: string) => {
    if (token === '$') return '$';
    if (token === '&') return captures[0] ?? '';
    const group = Number(token);
    return group < captures.length ? (captures[group] ?? '') : whole;
  });
}
