import { HttpError } from '../http/HttpError';

// Who has a search running now. Searches run in the app's own process, each under a time limit;
// one at a time per writer keeps a writer (or a script) from queueing many of them at once.
const running = new Set<string>();

/** Runs `search` for `userId`, or answers 429 if one of theirs is still running. */
export async function oneSearchAtATime<T>(userId: string, search: () => Promise<T>): Promise<T> {
  if (running.has(userId)) throw new HttpError(429, 'Your previous search is still running; it is asked again in a moment.');
  running.add(userId);
  try {
    return await search();
  } finally {
    running.delete(userId);
  }
}
