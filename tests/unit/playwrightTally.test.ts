import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tallyPlaywright, type PlaywrightReport } from '../../scripts/playwrightTally';

const ok = { code: 0, signal: null };
const failedRun = { code: 1, signal: null };
type Status = 'expected' | 'unexpected' | 'flaky' | 'skipped';
const spec = (title: string, status: Status, extra: object = {}) => ({ title, file: 'sharing.spec.ts', line: 12, tests: [{ status, ...extra }] });

function report(specs: ReturnType<typeof spec>[], errors: PlaywrightReport['errors'] = []): PlaywrightReport {
  const count = (status: Status) => specs.filter((s) => s.tests[0].status === status).length;
  return {
    stats: { expected: count('expected'), unexpected: count('unexpected'), flaky: count('flaky'), skipped: count('skipped') },
    suites: [{ title: 'sharing.spec.ts', specs: [], suites: [{ title: 'sharing', specs }] }],
    errors,
  };
}

test('expected tests pass; a clean run names nothing', () => {
  assert.deepEqual(tallyPlaywright(report([spec('invites', 'expected')]), ok), { passed: 1, failed: 0, notPassed: [] });
});

test('skipped tests count as failed and unexpected ones fail, each named with why; flaky ones pass but are named', () => {
  const tally = tallyPlaywright(
    report([
      spec('removes', 'skipped', { annotations: [{ type: 'skip', description: 'no mail server' }] }),
      spec('revokes', 'unexpected', { results: [{ error: { message: '\u001b[31mError: expect(locator).toBeVisible() failed\u001b[39m\n\nLocator: …' } }] }),
      spec('reloads', 'flaky'),
    ]),
    failedRun,
  );
  assert.deepEqual(tally, {
    passed: 1,
    failed: 2,
    notPassed: [
      'sharing.spec.ts:12 › sharing › removes — skipped: no mail server (counted as failed)',
      'sharing.spec.ts:12 › sharing › revokes — failed: Error: expect(locator).toBeVisible() failed',
      'sharing.spec.ts:12 › sharing › reloads — flaky: failed, then passed on a retry (counted as passed)',
    ],
  });
});

test('errors outside any test (a spec that does not load) count as failed', () => {
  const tally = tallyPlaywright(report([spec('invites', 'expected')], [{ message: "SyntaxError: Unexpected token '}'\n  at sharing.spec.ts:3" }]), failedRun);
  assert.deepEqual(tally, { passed: 1, failed: 1, notPassed: ["outside any test — SyntaxError: Unexpected token '}'"] });
});

test('no report, a non-zero exit with nothing failed, or no test at all each count as one failure, saying so', () => {
  assert.deepEqual(tallyPlaywright(null, { code: 1, signal: null }), { passed: 0, failed: 1, notPassed: ['Playwright wrote no report; it exited with code 1 (counted as 1 failed)'] });
  assert.deepEqual(tallyPlaywright(report([spec('invites', 'expected')]), { code: null, signal: 'SIGTERM' }).notPassed, [
    'Playwright was ended by SIGTERM though no test failed (counted as 1 failed)',
  ]);
  assert.deepEqual(tallyPlaywright(report([]), ok).notPassed, ['no test ran (counted as 1 failed)']);
});
