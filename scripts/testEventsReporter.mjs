// Plain JavaScript: node:test loads reporters before `--import tsx` can teach it TypeScript.

/**
 * A node:test reporter (`--test-reporter=scripts/testEventsReporter.mjs`) that writes each test
 * result and each closing count as one line of JSON (`NodeTestEvent` in scripts/testTally.ts),
 * for scripts/test.ts to count with `tallyNodeTests`. Unlike the human-readable reporters'
 * summary, these events say which tests were skipped, todo, timed out or cancelled, by name.
 *
 * @param {AsyncIterable<{ type: string, data: any }>} source node:test's reporter events
 * @returns {AsyncGenerator<string>}
 */
export default async function* testEventsReporter(source) {
  for await (const { type, data } of source) {
    if (type !== 'test:pass' && type !== 'test:fail' && type !== 'test:diagnostic') continue;
    const error = data.details?.error;
    /** @type {import('./testTally').NodeTestEvent} */
    const event = {
      type,
      name: data.name,
      file: data.file,
      nesting: data.nesting,
      skip: data.skip,
      todo: data.todo,
      suite: data.details?.type === 'suite' || undefined,
      failureType: error?.failureType,
      error: error ? firstLines(error) : undefined,
      exitCode: error?.exitCode,
      signal: error?.signal,
      message: type === 'test:diagnostic' ? data.message : undefined,
    };
    yield `${JSON.stringify(event)}\n`;
  }
}

/**
 * The start of what went wrong, on one line (at most three lines of it, 300 characters: an
 * assertion's first line is only its kind): the original error, which node:test wraps as `cause`,
 * else the wrapper's message.
 *
 * @param {{ message?: string, cause?: unknown }} error
 * @returns {string}
 */
function firstLines(error) {
  const cause = /** @type {any} */ (error.cause);
  const text =
    typeof cause === 'object' && cause !== null && 'message' in cause
      ? `${cause.name ?? 'Error'}: ${cause.message}`
      : typeof cause === 'string'
        ? cause
        : (error.message ?? 'failed');
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const start = lines.slice(0, 3).join(' ');
  return start.length > 300 ? `${start.slice(0, 299)}…` : start;
}
