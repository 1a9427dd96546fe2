import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT_SIGN_IN_LIMITS, signInWaitMs } from '../../server/auth/signInLimits';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

test('the first 10 failures in the window cost nothing', () => {
  for (let failures = 0; failures < 10; failures++) assert.equal(signInWaitMs(failures, at(0), at(0), ACCOUNT_SIGN_IN_LIMITS), 0);
  assert.equal(signInWaitMs(0, null, at(0), ACCOUNT_SIGN_IN_LIMITS), 0);
});

test('from the 10th failure on, the wait after the last one doubles from 30 s up to 15 minutes', () => {
  const waits = [10, 11, 12, 13, 14, 15, 16, 30].map((failures) => signInWaitMs(failures, at(0), at(0), ACCOUNT_SIGN_IN_LIMITS) / 1000);
  assert.deepEqual(waits, [30, 60, 120, 240, 480, 900, 900, 900]);
});

test('the wait counts from the last failure, and ends', () => {
  assert.equal(signInWaitMs(10, at(0), at(20), ACCOUNT_SIGN_IN_LIMITS), 10_000);
  assert.equal(signInWaitMs(10, at(0), at(30), ACCOUNT_SIGN_IN_LIMITS), 0);
  assert.equal(signInWaitMs(11, at(0), at(45), ACCOUNT_SIGN_IN_LIMITS), 15_000);
});
