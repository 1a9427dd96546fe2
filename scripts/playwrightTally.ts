import type { ProcessEnd, Tally } from './testTally';

/** The parts of Playwright's JSON report (`--reporter=json`) counted here. */
export interface PlaywrightReport {
  stats: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
  suites?: PlaywrightSuite[];
  /** Errors outside any test: a spec file that does not load, global setup, the web server. */
  errors?: Array<{ message?: string }>;
}

interface PlaywrightSuite {
  title: string;
  suites?: PlaywrightSuite[];
  specs?: Array<{
    title: string;
    file: string;
    line: number;
    tests: Array<{
      status: 'expected' | 'unexpected' | 'flaky' | 'skipped';
      annotations?: Array<{ type: string; description?: string }>;
      results?: Array<{ status?: string; error?: { message?: string } }>;
    }>;
  }>;
}

/**
 * Counts an end-to-end run from Playwright's JSON report and how Playwright ended: expected and
 * flaky tests passed (each flaky one named), unexpected and skipped ones failed (each named with
 * why), every error outside a test failed too. No report, or a non-zero exit with no failure
 * counted, counts one failure saying so.
 */
export function tallyPlaywright(report: PlaywrightReport | null, end: ProcessEnd): Tally {
  const how = end.signal ? `was ended by ${end.signal}` : `exited with code ${end.code}`;
  if (!report) return { passed: 0, failed: 1, notPassed: [`Playwright wrote no report; it ${how} (counted as 1 failed)`] };
  const { stats } = report;
  const tally: Tally = {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + (stats.skipped ?? 0),
    notPassed: [],
  };
  // `titles` is null for a file's own suite, whose title is the file name already given by the spec.
  const visit = (suite: PlaywrightSuite, titles: string[] | null) => {
    const path = titles === null ? [] : [...titles, suite.title];
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const name = `${spec.file}:${spec.line} › ${[...path, spec.title].join(' › ')}`;
        if (test.status === 'unexpected') {
          const error = test.results?.at(-1)?.error?.message?.split('\n').find((line) => line.trim() !== '');
          tally.notPassed.push(`${name} — failed${error ? `: ${stripColours(error).trim()}` : ''}`);
        } else if (test.status === 'skipped') {
          const reason = test.annotations?.find((a) => a.type === 'skip' || a.type === 'fixme')?.description;
          tally.notPassed.push(`${name} — skipped${reason ? `: ${reason}` : ''} (counted as failed)`);
        } else if (test.status === 'flaky') {
          tally.notPassed.push(`${name} — flaky: failed, then passed on a retry (counted as passed)`);
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child, path);
  };
  for (const suite of report.suites ?? []) visit(suite, null);
  for (const error of report.errors ?? []) {
    tally.failed += 1;
    const line = stripColours(error.message ?? 'unknown error').split('\n').find((l) => l.trim() !== '') ?? 'unknown error';
    tally.notPassed.push(`outside any test — ${line.trim()}`);
  }
  if (tally.failed === 0 && (end.code !== 0 || end.signal !== null)) {
    tally.failed += 1;
    tally.notPassed.push(`Playwright ${how} though no test failed (counted as 1 failed)`);
  } else if (tally.passed + tally.failed === 0) {
    tally.failed += 1;
    tally.notPassed.push('no test ran (counted as 1 failed)');
  }
  return tally;
}

/** Playwright's messages carry terminal colour codes. */
function stripColours(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
