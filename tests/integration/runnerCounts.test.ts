import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runTestScript } from '../support/runTestScript';

/** The deliberately broken test files, outside every suite's folder. */
const fixture = (name: string) => `tests/fixtures/runner/${name}.fixture.ts`;

test('skipped, todo and timed-out tests, a file that throws outside any test and one that exits before reporting each count as failed, named, and fail the run', { timeout: 120_000 }, async (t) => {
  // A short global timeout, so that the fixture's test without a timeout of its own is stopped by it.
  const run = await runTestScript(t, ['skipped', 'todo', 'timesOut', 'throwsOutsideTest', 'exitsQuietly'].map(fixture), { TEST_TIMEOUT_MS: '8000' });
  const expect = (line: RegExp) => assert.match(run.output, line, `no line matching ${line}:\n${run.output}`);

  assert.notEqual(run.code, 0, `the run passed:\n${run.output}`);
  expect(/✖ files: tests\/fixtures\/runner\/skipped\.fixture\.ts › a test skipped on purpose — skipped: a skip must count as failed \(counted as failed\)/);
  expect(/✖ files: tests\/fixtures\/runner\/todo\.fixture\.ts › a test marked todo on purpose — todo: a todo must count as failed \(counted as failed\)/);
  expect(/✖ files: tests\/fixtures\/runner\/timesOut\.fixture\.ts › a test that outlives its own timeout — timed out: test timed out after 500ms \(counted as failed\)/);
  // Whichever of the global limits stops it first: the test's own, or its file's.
  expect(
    /✖ files: tests\/fixtures\/runner\/timesOut\.fixture\.ts( — the file ran past its timeout and was stopped| › a test that would wait ten minutes — timed out): test timed out after 8000ms/,
  );
  expect(/✖ files: tests\/fixtures\/runner\/throwsOutsideTest\.fixture\.ts — failed outside any test: its process exited with code [1-9]/);
  expect(/✖ files: tests\/fixtures\/runner\/exitsQuietly\.fixture\.ts — reported no test: its process ended with 0 before reporting any \(counted as failed\)/);
  // Only the one test that ran and passed counts as passed.
  assert.equal(run.closingLine, 'tests: 1 passed, 6 failed', `wrong closing count:\n${run.output}`);
});

test('a test runner that dies without reporting a failure fails the run, saying so', { timeout: 60_000 }, async (t) => {
  const run = await runTestScript(t, [fixture('killsItsRunner')]);
  assert.notEqual(run.code, 0, `the run passed:\n${run.output}`);
  assert.match(run.output, /✖ files: the test runner was ended by SIGKILL though no test failed \(counted as 1 failed\)/, `the runner's death is not named:\n${run.output}`);
  assert.equal(run.closingLine, 'tests: 0 passed, 1 failed', `wrong closing count:\n${run.output}`);
});
