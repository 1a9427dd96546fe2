import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tallyNodeTests, type NodeTestEvent } from '../../scripts/testTally';

const root = '/repo';
const file = '/repo/tests/unit/a.test.ts';
const ok = { code: 0, signal: null };
const failedRun = { code: 1, signal: null };
const pass = (name: string, extra: Partial<NodeTestEvent> = {}): NodeTestEvent => ({ type: 'test:pass', name, file, nesting: 0, ...extra });
const fail = (name: string, extra: Partial<NodeTestEvent> = {}): NodeTestEvent => ({ type: 'test:fail', name, file, nesting: 0, ...extra });
const closing = (tests: number): NodeTestEvent => ({ type: 'test:diagnostic', message: `tests ${tests}`, nesting: 0 });

test('a test that ran and passed is the only kind that counts as passed', () => {
  assert.deepEqual(tallyNodeTests([pass('adds'), pass('subtracts'), closing(2)], ok, root), { passed: 2, failed: 0, notPassed: [] });
});

test('skipped and todo tests count as failed, named with the reason given', () => {
  const tally = tallyNodeTests([pass('later', { skip: 'not yet' }), pass('someday', { todo: true }), pass('failing todo', { type: 'test:fail', todo: 'known bug' }), closing(3)], failedRun, root);
  assert.deepEqual(tally, {
    passed: 0,
    failed: 3,
    notPassed: [
      'tests/unit/a.test.ts › later — skipped: not yet (counted as failed)',
      'tests/unit/a.test.ts › someday — todo (counted as failed)',
      'tests/unit/a.test.ts › failing todo — todo: known bug (counted as failed)',
    ],
  });
});

test('timed-out and cancelled tests count as failed, named with what node:test said', () => {
  const tally = tallyNodeTests(
    [
      fail('slow', { failureType: 'testTimeoutFailure', error: 'test timed out after 120000ms' }),
      fail('orphan', { failureType: 'cancelledByParent', error: 'test did not finish before its parent and was cancelled' }),
      closing(2),
    ],
    failedRun,
    root,
  );
  assert.equal(tally.failed, 2);
  assert.deepEqual(tally.notPassed, [
    'tests/unit/a.test.ts › slow — timed out: test timed out after 120000ms (counted as failed)',
    'tests/unit/a.test.ts › orphan — cancelled: test did not finish before its parent and was cancelled (counted as failed)',
  ]);
});

test('a failed test, a failed hook and a failed describe block are named with their error', () => {
  const tally = tallyNodeTests(
    [
      fail('inside', { nesting: 1, failureType: 'cancelledByParent', error: 'cancelled' }),
      fail('group', { suite: true, failureType: 'hookFailed', error: 'Error: no database' }),
      fail('asserts', { failureType: 'testCodeFailure', error: 'AssertionError: 1 !== 2' }),
      closing(2),
    ],
    failedRun,
    root,
  );
  assert.deepEqual(tally, {
    passed: 0,
    failed: 3,
    notPassed: [
      'tests/unit/a.test.ts › group › inside — cancelled: cancelled (counted as failed)',
      'tests/unit/a.test.ts › group — a hook failed: Error: no database',
      'tests/unit/a.test.ts › asserts — failed: AssertionError: 1 !== 2',
    ],
  });
});

test('subtests are named after their parents; a passing describe block is not a test', () => {
  const tally = tallyNodeTests(
    [pass('leaf', { nesting: 2, skip: true }), pass('middle', { nesting: 1 }), pass('outer', { suite: true }), closing(2)],
    failedRun,
    root,
  );
  assert.deepEqual(tally, { passed: 1, failed: 1, notPassed: ['tests/unit/a.test.ts › outer › middle › leaf — skipped (counted as failed)'] });
});

test('a file that fails outside any test, runs past its timeout, or reports nothing counts as failed, named by its path', () => {
  const tally = tallyNodeTests(
    [
      fail(file, { failureType: 'testCodeFailure', error: 'test failed', exitCode: 1, signal: null }),
      fail(file, { failureType: 'testTimeoutFailure', error: 'test timed out after 300000ms' }),
      pass(file),
      closing(3),
    ],
    failedRun,
    root,
  );
  assert.deepEqual(tally.notPassed, [
    'tests/unit/a.test.ts — failed outside any test: its process exited with code 1',
    'tests/unit/a.test.ts — the file ran past its timeout and was stopped: test timed out after 300000ms',
    'tests/unit/a.test.ts — reported no test: its process ended with 0 before reporting any (counted as failed)',
  ]);
  assert.equal(tally.passed, 0);
});

test('a runner that exits non-zero, or is killed, with no failure counted fails the run once, saying so', () => {
  assert.deepEqual(tallyNodeTests([pass('fine'), closing(1)], { code: 7, signal: null }, root), {
    passed: 1,
    failed: 1,
    notPassed: ['the test runner exited with code 7 though no test failed (counted as 1 failed)'],
  });
  assert.deepEqual(tallyNodeTests([], { code: null, signal: 'SIGKILL' }, root).notPassed, ['the test runner was ended by SIGKILL though no test failed (counted as 1 failed)']);
  // With a failure counted, the exit code adds nothing.
  assert.equal(tallyNodeTests([fail('broken'), closing(1)], failedRun, root).failed, 1);
});

test('a run with no test, or whose own count differs from the tests reported, fails once, saying so', () => {
  assert.deepEqual(tallyNodeTests([closing(0)], ok, root).notPassed, ['no test ran (counted as 1 failed)']);
  assert.deepEqual(tallyNodeTests([pass('one'), closing(2)], ok, root), {
    passed: 1,
    failed: 1,
    notPassed: ['the test runner counted 2 tests but reported 1 (counted as 1 failed)'],
  });
});

test('a runner that hung after reporting, and processes left running, each fail the run, named', () => {
  const tally = tallyNodeTests([pass('fine'), closing(1)], { code: null, signal: 'SIGKILL', hungAfterReport: true, leftRunning: ['4242 node server/sync/main.ts'] }, root);
  assert.deepEqual(tally, {
    passed: 1,
    failed: 2,
    notPassed: [
      'the test runner reported its results but did not exit, so it was killed: something a test started kept it open (counted as 1 failed)',
      'processes left running after the tests ended, now killed: 4242 node server/sync/main.ts (counted as 1 failed)',
    ],
  });
});
