import { withTimeout } from './withTimeout';

/**
 * Retries an assertion until it passes or the timeout runs out, then rethrows its last error,
 * its message prefixed with how long it kept failing. An attempt that never settles (a query or
 * request that hangs) fails once the timeout is over instead of hanging the test.
 * Tests wait on synced state this way instead of sleeping for a guessed time.
 */
export async function retryUntil<T>(assertion: () => T | Promise<T>, { timeoutMs = 10_000, intervalMs = 25 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const remaining = Math.max(deadline - Date.now(), intervalMs);
      return await withTimeout(Promise.resolve().then(assertion), remaining, 'an attempt of the assertion did not finish');
    } catch (error) {
      if (Date.now() >= deadline) {
        if (error instanceof Error) {
          const message = `still failing after ${timeoutMs} ms: ${error.message}`;
          // Reports print the stack, which carries the message as it was when the error was made.
          if (error.stack?.includes(error.message)) error.stack = error.stack.replace(error.message, message);
          error.message = message;
        }
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
