import { GAP, type SectionText } from './sectionText';
import { SearchQueryError, type SearchPattern } from './searchQuery';

/** Where a pattern matched in a string: the match's index and text, and with `captures` its groups (`[0]` the match). */
export interface RawMatch {
  index: number;
  text: string;
  captures?: string[];
}

/** Most matches one search keeps: a name in a long book has hundreds, not tens of thousands. */
export const MAX_MATCHES = 20_000;

/** A search that matched more than {@link MAX_MATCHES} times. */
export class TooManyMatches extends SearchQueryError {
  constructor() {
    super(`More than ${MAX_MATCHES.toLocaleString('en')} matches: make the search narrower.`);
  }
}

/**
 * Runs a compiled pattern over a string and returns every non-empty match in order, with the
 * groups only when `captures` (a replacement needs them, a search does not); throws
 * {@link TooManyMatches} past {@link MAX_MATCHES}. The server passes one that gives up after a
 * time limit (a writer's expression must not hold the app up); in the browser, {@link runPattern}
 * runs it as is.
 */
export type PatternRunner = (text: string, pattern: SearchPattern, captures: boolean) => RawMatch[];

/** Runs `pattern` over `text` in this thread. */
export const runPattern: PatternRunner = (text, pattern, captures) => {
  const expression = new RegExp(pattern.source, pattern.flags);
  const found: RawMatch[] = [];
  for (let match = expression.exec(text); match; match = expression.exec(text)) {
    if (match[0].length === 0) {
      expression.lastIndex++;
      continue;
    }
    if (found.length === MAX_MATCHES) throw new TooManyMatches();
    found.push({ index: match.index, text: match[0], ...(captures ? { captures: Array.from(match, (capture) => capture ?? '') } : {}) });
  }
  return found;
};

/** One match in a section: the range it covers in the section's document, and what surrounds it. */
export interface TextMatch {
  /** ProseMirror positions: the first character, and just after the last. */
  from: number;
  to: number;
  text: string;
  /** The whole match and the expression's groups, for `$1` in a replacement (only the match unless asked for). */
  captures: string[];
  /** Up to 40 characters of the same block before and after, for the result list ('' past `contextLimit`). */
  before: string;
  after: string;
}

/** What {@link findMatches} returns besides the matches, and how. */
export interface FindOptions {
  /** Keep the expression's groups (for a replacement). */
  captures?: boolean;
  /** Context is read for each section's first this many matches only (the ones a list shows). */
  contextLimit?: number;
}

/** How much of the block around a match the result list shows (characters, each side). */
const CONTEXT = 40;

/**
 * Every match of `pattern` in each section, in reading order: one run of the pattern over all
 * of them (joined with gaps, so the server's time limit covers the whole search). Matches that
 * would hold a gap (span two blocks, a line break or left-out text) are dropped.
 */
export function findMatches(sections: readonly SectionText[], pattern: SearchPattern, run: PatternRunner = runPattern, options: FindOptions = {}): TextMatch[][] {
  const contextLimit = options.contextLimit ?? Infinity;
  const starts: number[] = [];
  let joined = '';
  for (const section of sections) {
    starts.push(joined.length);
    joined += section.text + GAP;
  }
  const results: TextMatch[][] = sections.map(() => []);
  let which = 0;
  for (const raw of run(joined, pattern, options.captures ?? false)) {
    const { text } = raw;
    if (text.includes(GAP)) continue;
    while (which + 1 < sections.length && starts[which + 1] <= raw.index) which++;
    const section = sections[which];
    const at = raw.index - starts[which];
    const end = at + text.length;
    const withContext = results[which].length < contextLimit;
    results[which].push({
      from: section.positions[at],
      to: section.positions[end - 1] + 1,
      text,
      captures: raw.captures ?? [text],
      before: withContext ? contextBefore(section.text, at) : '',
      after: withContext ? contextAfter(section.text, end) : '',
    });
  }
  return results;
}

function contextBefore(text: string, at: number): string {
  const start = Math.max(0, at - CONTEXT);
  const slice = text.slice(start, at);
  const gap = slice.lastIndexOf(GAP);
  if (gap >= 0) return slice.slice(gap + 1);
  // Cut in the middle of the block: start at a word, not inside one.
  return start > 0 ? slice.replace(/^\S*\s/, '') : slice;
}

function contextAfter(text: string, end: number): string {
  const slice = text.slice(end, end + CONTEXT);
  const gap = slice.indexOf(GAP);
  return gap >= 0 ? slice.slice(0, gap) : slice;
}
