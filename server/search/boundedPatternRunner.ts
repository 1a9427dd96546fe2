import vm from 'node:vm';
import type { PatternRunner, RawMatch } from '@model/search/findMatches';
import { SearchQueryError } from '@model/search/searchQuery';

/** Longest one search's expression may run in the app's process (ms). */
const SEARCH_TIME_LIMIT_MS = 1000;

// One context for every search: creating one costs more than most searches. The script reads
// its input from the context's globals and leaves nothing behind that a later search could see.
const context = vm.createContext({ input: null as null | { text: string; source: string; flags: string } });
const script = new vm.Script(`(() => {
  const { text, source, flags } = input;
  input = null;
  const expression = new RegExp(source, flags);
  const found = [];
  for (let match = expression.exec(text); match; match = expression.exec(text)) {
    if (match[0].length === 0) expression.lastIndex++;
    else found.push([match.index, Array.from(match, (capture) => capture === undefined ? '' : capture)]);
  }
  return found;
})()`);

/**
 * Runs a writer's pattern with a time limit, so an expression that backtracks without end (a
 * mistake or an attack, `(a+)+$`) stops with a clear message instead of holding up the app for
 * every writer. V8 can interrupt a running expression inside a `vm` context.
 */
export const boundedPatternRunner: PatternRunner = (text, pattern) => {
  context.input = { text, source: pattern.source, flags: pattern.flags };
  let found: Array<[number, string[]]>;
  try {
    found = script.runInContext(context, { timeout: SEARCH_TIME_LIMIT_MS }) as Array<[number, string[]]>;
  } catch (error) {
    context.input = null;
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new SearchQueryError('That expression takes too long to search the book; make it simpler.');
    }
    throw error;
  }
  return found.map(([index, captures]): RawMatch => ({ index, captures: [...captures] }));
};
