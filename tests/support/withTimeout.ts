/**
 * Resolves or rejects as `promise` does, unless `ms` pass first: then it rejects with
 * `Error("<what did not happen> (waited <ms> ms)")`, so a test that waits for something that never
 * comes fails at once and says what it was waiting for, instead of hanging until the runner's
 * global timeout. `whatDidNotHappen` is written as the failure ("the sync server did not confirm
 * ticket 3 as stored"); a function is called only on timeout, to report the latest state.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, whatDidNotHappen: string | (() => string)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const what = typeof whatDidNotHappen === 'function' ? whatDidNotHappen() : whatDidNotHappen;
      reject(new Error(`${what} (waited ${ms} ms)`));
    }, ms);
  });
  // Cleared as soon as the promise settles, so the timer never keeps a finished test alive.
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
