import { HttpError } from './HttpError';

/**
 * A guard for work a writer may ask for often but that costs the app's own process (a search, a
 * progress count): one at a time per writer, so a writer (or a script) cannot queue many at once.
 * A second request while the first runs is answered 429 with `busyMessage`.
 */
export function oneAtATime(busyMessage: string): <T>(userId: string, work: () => Promise<T>) => Promise<T> {
  const running = new Set<string>();
  return async (userId, work) => {
    if (running.has(userId)) throw new HttpError(429, busyMessage);
    running.add(userId);
    try {
      return await work();
    } finally {
      running.delete(userId);
    }
  };
}
