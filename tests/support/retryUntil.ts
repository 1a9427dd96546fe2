/**
 * Retries an assertion until it passes or the timeout runs out, then rethrows its last error.
 * Tests wait on synced state this way instead of sleeping for a guessed time.
 */
export async function retryUntil<T>(assertion: () => T | Promise<T>, { timeoutMs = 10_000, intervalMs = 25 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
