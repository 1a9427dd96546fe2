import { HttpError } from './HttpError';

/**
 * A guard for work a writer may ask for often but that costs the app's own process (a search, a
 * progress count): one at a time per writer, so a writer (or a script) cannot queue many at once,
 * and at most `overall` at a time across everyone when given. A request over either limit is
 * answered 429 with `busyMessage`.
 */
export function oneAtATime(busyMessage: string, options: { overall?: number } = {}): <T>(userId: string, work: () => Promise<T>) => Promise<T> {
  const running = new Set<string>();
  return async (userId, work) => {
    if (running.has(userId) || (options.overall !== undefined && running.size >= options.overall)) throw new HttpError(429, busyMessage);
    running.add(userId);
    try {
      return await work();
    } finally {
      running.delete(userId);
    }
  };
}
