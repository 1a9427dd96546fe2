import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processIsRunning } from '../support/processIsRunning';
import { retryUntil } from '../support/retryUntil';
import { runTestScript } from '../support/runTestScript';

test('tests that fail, or end their process, while their sync server runs leave no process behind', { timeout: 120_000 }, async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'quire-runner-pids-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const pidFile = path.join(dir, 'pids');
  const run = await runTestScript(t, ['tests/fixtures/runner/leavesNoProcess.fixture.ts'], { RUNNER_FIXTURE_PID_FILE: pidFile });

  assert.notEqual(run.code, 0, `the run passed:\n${run.output}`);
  assert.match(run.output, /leavesNoProcess\.fixture\.ts › a test that fails on purpose while its sync server runs — failed: AssertionError/, `the failure is not named:\n${run.output}`);
  const pids = readFileSync(pidFile, 'utf8').split('\n').filter(Boolean).map(Number);
  // Should this test find a leak, it does not leave it running either.
  t.after(() => pids.filter(processIsRunning).forEach((pid) => process.kill(pid, 'SIGKILL')));
  assert.equal(pids.length, 2, `both fixture tests started a sync server:\n${run.output}`);
  // A SIGKILL is delivered asynchronously; give the kernel a moment before calling it a leak.
  await retryUntil(() => assert.deepEqual(pids.filter(processIsRunning), [], 'sync servers still running after their tests ended'), { timeoutMs: 5000 });
  // Nor did the test script have to clean up after the tests: it kills what it finds left in the
  // runner's process group, and says so.
  assert.doesNotMatch(run.output, /did not exit|left running/, `the test script found processes left behind:\n${run.output}`);
});
