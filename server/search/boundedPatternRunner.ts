import vm from 'node:vm';
import { MAX_MATCHES, TooManyMatches, type PatternRunner, type RawMatch } from '@model/search/findMatches';
import { SearchQueryError } from '@model/search/searchQuery';

/**
 * Longest one run of a writer's expression may hold the app's process (ms). A plain word in a
 * 120,000-word book takes a few milliseconds; a replace-all shares one such budget between its
 * sections (see replaceInBook).
 */
export const SEARCH_TIME_LIMIT_MS = 300;

// One context for every search: creating one costs more than most searches. The script reads
// its input from the context's globals, and leaves nothing behind: not the input, nor (through
// RegExp's legacy statics, which a last match would set) the book's text.
const context = vm.createContext({ input: null as null | { text: string; source: string; flags: string; captures: boolean; limit: number } });
const script = new vm.Script(`(() => {
  const { text, source, flags, captures, limit } = input;
  input = null;
  const expression = new RegExp(source, flags);
  const found = [];
  let tooMany = false;
  for (let match = expression.exec(text); match; match = expression.exec(text)) {
    if (match[0].length === 0) { expression.lastIndex++; continue; }
    if (found.length === limit) { tooMany = true; break; }
    found.push(captures ? [match.index, match[0], Array.from(match, (c) => c === undefined ? '' : c)] : [match.index, match[0]]);
  }
  /(?:)/.exec('');
  return { found, tooMany };
})()`);

/**
 * Runs a writer's pattern with a time limit (by default {@link SEARCH_TIME_LIMIT_MS}), so an
 * expression that backtracks without end (a mistake or an attack, `(a+)+$`) stops with a clear
 * message instead of holding up the app for every writer; V8 can interrupt a running expression
 * inside a `vm` context. At most {@link MAX_MATCHES} matches are kept.
 */
export function boundedPatternRunner(timeLimitMs = SEARCH_TIME_LIMIT_MS): PatternRunner {
  return (text, pattern, captures) => {
    context.input = { text, source: pattern.source, flags: pattern.flags, captures, limit: MAX_MATCHES };
    let result: { found: Array<[number, string, string[]?]>; tooMany: boolean };
    try {
      result = script.runInContext(context, { timeout: Math.max(1, Math.round(timeLimitMs)) }) as typeof result;
    } catch (error) {
      context.input = null;
      if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
        throw new SearchQueryError('That expression takes too long to search the book; make it simpler.');
      }
      throw error;
    }
    if (result.tooMany) throw new TooManyMatches();
    return result.found.map(([index, matched, groups]): RawMatch => ({ index, text: matched, ...(groups ? { captures: [...groups] } : {}) }));
  };
}
