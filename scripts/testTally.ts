import path from 'node:path';

/** One line written by scripts/testEventsReporter.mjs: a test's result, or one of the runner's closing counts. */
export interface NodeTestEvent {
  type: 'test:pass' | 'test:fail' | 'test:diagnostic';
  /** The test's name; for a failure outside any test, the file's path. */
  name?: string;
  file?: string;
  nesting?: number;
  /** Set (true or the reason given) when the test was skipped. */
  skip?: boolean | string;
  /** Set (true or the reason given) when the test is marked todo. */
  todo?: boolean | string;
  /** A `describe` block rather than a test. */
  suite?: boolean;
  /** node:test's kind of failure: testCodeFailure, testTimeoutFailure, cancelledByParent, hookFailed… */
  failureType?: string;
  /** The first line of what went wrong. */
  error?: string;
  /** For a file that failed outside any test: how its process ended. */
  exitCode?: number | null;
  signal?: string | null;
  /** A diagnostic's text, e.g. "tests 53". */
  message?: string;
}

/** How a process ended: its exit code, or the signal that ended it. */
export interface ProcessEnd {
  code: number | null;
  signal: string | null;
  /** The runner reported its results but did not exit, and was killed. */
  hungAfterReport?: boolean;
  /** Processes (pid and command) still running in the runner's process group after it ended. */
  leftRunning?: string[];
}

/** What a suite counted, with one line for each test (or failure outside a test) that did not pass. */
export interface Tally {
  passed: number;
  failed: number;
  /** "<file> › <test> — <why>", in the order they happened. */
  notPassed: string[];
}

/**
 * Counts a Node test run from its reporter events and how the runner ended. A test passes only if
 * it ran and passed: skipped, todo, timed-out and cancelled tests count as failed, as do failed
 * `describe` blocks and files that failed outside any test, each named with the reason. A runner
 * that exited non-zero (or was killed) with no failure counted, a run with no test at all, or a
 * run whose own closing count differs from the tests read here, counts one more failure saying so;
 * so does a runner that had to be killed after reporting, and processes it left running.
 * `root` makes file paths relative in the names.
 */
export function tallyNodeTests(events: NodeTestEvent[], end: ProcessEnd, root: string): Tally {
  const tally: Tally = { passed: 0, failed: 0, notPassed: [] };
  const results = events.filter((event) => event.type !== 'test:diagnostic');
  const names = fullNames(results);
  let tests = 0;
  results.forEach((event, index) => {
    if (!event.suite) tests += 1;
    const why = whyNotPassed(event);
    if (why === null) {
      if (!event.suite) tally.passed += 1;
      return;
    }
    tally.failed += 1;
    const file = event.file ? path.relative(root, event.file) || event.file : '(unknown file)';
    const outside = event.file !== undefined && event.name === event.file;
    tally.notPassed.push(outside ? `${file} — ${why}` : `${file} › ${names[index]} — ${why}`);
  });

  const testsFailed = tally.failed;
  if (end.hungAfterReport) {
    tally.failed += 1;
    tally.notPassed.push('the test runner reported its results but did not exit, so it was killed: something a test started kept it open (counted as 1 failed)');
  }
  if (end.leftRunning && end.leftRunning.length > 0) {
    tally.failed += 1;
    tally.notPassed.push(`processes left running after the tests ended, now killed: ${end.leftRunning.join('; ')} (counted as 1 failed)`);
  }
  const reported = diagnosticCount(events, 'tests');
  // A runner killed for hanging after its report has been counted above already.
  if (testsFailed === 0 && !end.hungAfterReport && (end.code !== 0 || end.signal !== null)) {
    tally.failed += 1;
    const how = end.signal ? `was ended by ${end.signal}` : `exited with code ${end.code}`;
    tally.notPassed.push(`the test runner ${how} though no test failed (counted as 1 failed)`);
  } else if (tests === 0) {
    tally.failed += 1;
    tally.notPassed.push('no test ran (counted as 1 failed)');
  } else if (reported !== null && reported !== tests) {
    tally.failed += 1;
    tally.notPassed.push(`the test runner counted ${reported} tests but reported ${tests} (counted as 1 failed)`);
  }
  return tally;
}

/** Why a reported test did not pass, or null if it passed. */
function whyNotPassed(event: NodeTestEvent): string | null {
  const detail = (value: boolean | string | undefined) => (typeof value === 'string' && value ? `: ${value}` : '');
  if (event.todo !== undefined && event.todo !== false) return `todo${detail(event.todo)} (counted as failed)`;
  if (event.skip !== undefined && event.skip !== false) return `skipped${detail(event.skip)} (counted as failed)`;
  const outside = event.file !== undefined && event.name === event.file;
  // node:test reports a file as a test of its own only when it reported none of its tests: a
  // file "passes" this way when its process exits with 0 before reporting (process.exit(0)).
  if (event.type === 'test:pass') return outside ? 'reported no test: its process ended with 0 before reporting any (counted as failed)' : null;
  const error = event.error ? `: ${event.error}` : '';
  if (outside) {
    if (event.failureType === 'testTimeoutFailure') return `the file ran past its timeout and was stopped${error}`;
    const how = event.signal ? `was ended by ${event.signal}` : `exited with code ${event.exitCode ?? 'unknown'}`;
    return `failed outside any test: its process ${how}`;
  }
  switch (event.failureType) {
    case 'testTimeoutFailure':
      return `timed out${error} (counted as failed)`;
    case 'cancelledByParent':
      return `cancelled${error} (counted as failed)`;
    case 'hookFailed':
      return `a hook failed${error}`;
    default:
      return `failed${error}`;
  }
}

/**
 * Each result's name with its parents' ("parent › child"). node:test reports a test after its
 * subtests, so a result at nesting n names the results at nesting n + 1 of the same file that
 * came before it and have no parent yet.
 */
function fullNames(results: NodeTestEvent[]): string[] {
  const names = results.map((event) => event.name ?? '(unnamed)');
  const orphans: Array<{ index: number; nesting: number; file?: string }> = [];
  results.forEach((event, index) => {
    const nesting = event.nesting ?? 0;
    for (const orphan of orphans.filter((o) => o.file === event.file && o.nesting === nesting + 1)) {
      names[orphan.index] = `${names[index]} › ${names[orphan.index]}`;
      orphan.nesting = nesting;
    }
    for (let i = orphans.length - 1; i >= 0; i--) if (orphans[i].nesting === 0) orphans.splice(i, 1);
    if (nesting > 0) orphans.push({ index, nesting, file: event.file });
  });
  return names;
}

/** A closing count the runner reported ("tests 53" → 53), or null if it reported none. */
function diagnosticCount(events: NodeTestEvent[], label: string): number | null {
  for (const event of events) {
    const match = event.type === 'test:diagnostic' ? new RegExp(`^${label} (\\d+)$`).exec(event.message ?? '') : null;
    if (match) return Number(match[1]);
  }
  return null;
}
