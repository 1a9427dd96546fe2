import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withTimeout } from '../support/withTimeout';

test('a wait that outlasts its bound fails, saying what did not happen and how long it waited', async () => {
  const never = new Promise<void>(() => {});
  await assert.rejects(withTimeout(never, 50, 'the sync server did not confirm ticket 3 as stored'), {
    message: 'the sync server did not confirm ticket 3 as stored (waited 50 ms)',
  });
  let state = 'starting';
  const late = withTimeout(never, 20, () => `the server did not start; it was ${state}`);
  state = 'still loading';
  await assert.rejects(late, { message: 'the server did not start; it was still loading (waited 20 ms)' });
});

test('a wait that ends in time passes its value or its error through, and leaves no timer behind', async () => {
  const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
  const before = timers();
  assert.equal(await withTimeout(Promise.resolve(42), 10_000, 'no answer'), 42);
  await assert.rejects(withTimeout(Promise.reject(new Error('refused')), 10_000, 'no answer'), { message: 'refused' });
  // A timer left running would keep this file's process alive for ten seconds after its tests.
  assert.equal(timers(), before);
});
