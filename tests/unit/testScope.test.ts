import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileScope, stopWhenDone, type TestScope } from '../support/testScope';

/** A scope whose end the test triggers itself, as node:test does when a test ends. */
function scope(): TestScope & { end(): Promise<void> } {
  const hooks: Array<() => unknown> = [];
  return {
    after: (fn) => void hooks.push(fn),
    async end() {
      for (const hook of hooks) await hook();
    },
  };
}

test('what was started last is stopped first, each once, when the scope ends', async () => {
  const stopped: string[] = [];
  const s = scope();
  stopWhenDone(s, 'the database', () => stopped.push('database'));
  stopWhenDone(s, 'the server', async () => stopped.push('server'));
  stopWhenDone(s, 'a client', () => stopped.push('client'));
  assert.deepEqual(stopped, []);
  await s.end();
  assert.deepEqual(stopped, ['client', 'server', 'database']);
});

test('every stop runs even when others fail, and their errors are reported together', async () => {
  const stopped: string[] = [];
  const s = scope();
  stopWhenDone(s, 'the database', () => stopped.push('database'));
  stopWhenDone(s, 'the server', () => {
    throw new Error('server would not close');
  });
  stopWhenDone(s, 'a client', () => {
    throw new Error('client would not close');
  });
  await assert.rejects(s.end(), (error: AggregateError) => {
    assert.deepEqual(
      error.errors.map((e: Error) => e.message),
      ['client would not close', 'server would not close'],
    );
    return true;
  });
  assert.deepEqual(stopped, ['database']);
});

test('a real test context works as a scope, and a before hook’s context as a file’s', async (t) => {
  let stopped = false;
  await t.test('a subtest that starts something', (sub) => stopWhenDone(sub, 'something', () => (stopped = true)));
  assert.equal(stopped, true);
  assert.equal(fileScope(t), t);
  assert.throws(() => fileScope({ name: 'a suite context' }), /top-level before\(\) hook/);
});
