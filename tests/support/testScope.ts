import { withTimeout } from './withTimeout';

/**
 * Where a helper registers the stop of what it starts: a test's context `t` (stopped when that
 * test ends) or the context a `before` hook receives (stopped when the file ends). node:test's
 * contexts fit as they are. Note that node:test's top-level `after()` called inside a `before`
 * hook runs right after that hook, so file-wide helpers take the hook's `t`, not `{ after }`.
 */
export interface TestScope {
  after(fn: () => unknown): void;
}

/** How long one stop may take before the teardown gives up on it and says so. */
const STOP_TIMEOUT_MS = 15_000;

interface Stop {
  what: string;
  stop: () => unknown;
}

const stacks = new WeakMap<TestScope, Stop[]>();

/** True when `value` is a {@link TestScope} (helpers that scripts also call tell the two forms apart). */
export function isTestScope(value: unknown): value is TestScope {
  return typeof value === 'object' && value !== null && typeof (value as TestScope).after === 'function';
}

/**
 * Registers `stop` to run when `scope` ends, whether its test passed or failed, so that a failing
 * assertion never leaves a process, server or connection behind. Call it the moment the thing
 * exists, before anything that could throw. Stops run last-registered first (clients before the
 * server they talk to, the server before its database); every one runs even if another throws or
 * hangs (each is given 15 s), and their errors are thrown together at the end.
 */
export function stopWhenDone(scope: TestScope, what: string, stop: () => unknown): void {
  let stack = stacks.get(scope);
  if (!stack) {
    const created: Stop[] = [];
    stack = created;
    stacks.set(scope, created);
    // node:test runs `after` hooks first-registered first; one hook per scope unwinds our own stack.
    scope.after(() => unwind(created));
  }
  stack.push({ what, stop });
}

async function unwind(stack: Stop[]): Promise<void> {
  const errors: unknown[] = [];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    try {
      await withTimeout(Promise.resolve().then(entry.stop), STOP_TIMEOUT_MS, `${entry.what} did not stop`);
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `${errors.length} things did not stop cleanly`);
}

/**
 * The scope of a whole test file: the context its top-level `before` hook receives, so that what
 * the hook starts is stopped when the file ends. (Typed loosely by node:test because a hook inside
 * `describe` gets a suite context, which has no `after`; that case fails here, loudly.)
 */
export function fileScope(hookContext: unknown): TestScope {
  if (!isTestScope(hookContext)) throw new Error('fileScope needs the context of a top-level before() hook');
  return hookContext;
}
