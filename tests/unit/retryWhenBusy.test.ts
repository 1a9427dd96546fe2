import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retryWhenBusy } from '../../server/persistence/retryWhenBusy';

test('a write that meets a busy database is retried until it succeeds', async () => {
  let attempts = 0;
  const result = await retryWhenBusy(async () => {
    attempts++;
    if (attempts < 3) throw new Error('wrapped', { cause: new Error('SQLITE_BUSY: database is locked') });
    return 'written';
  });
  assert.equal(result, 'written');
  assert.equal(attempts, 3);
});

test('other errors are not retried, and a lock that outlasts the timeout is reported', async () => {
  let attempts = 0;
  await assert.rejects(
    retryWhenBusy(async () => {
      attempts++;
      throw new Error('UNIQUE constraint failed');
    }),
    /UNIQUE/,
  );
  assert.equal(attempts, 1);
  await assert.rejects(
    retryWhenBusy(async () => {
      throw new Error('database is locked');
    }, 100),
    /locked/,
  );
});
