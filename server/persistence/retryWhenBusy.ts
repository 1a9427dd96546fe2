/**
 * Prisma's code for "operation timed out": the SQLite driver adapter reports every SQLITE_BUSY
 * (the busy timeout ran out, or a read-then-write transaction's snapshot went stale) as this.
 */
const PRISMA_TIMED_OUT = 'P1008';

/** True for SQLite's "another process holds the write lock" errors, however Prisma wraps them. */
export function isBusy(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ((current as { code?: unknown }).code === PRISMA_TIMED_OUT) return true;
    if (/SQLITE_BUSY|database is locked/i.test(current.message)) return true;
  }
  return false;
}

/**
 * Runs a database write, retrying for up to `timeoutMs` while SQLite reports the database busy.
 * The app and the sync server write to one SQLite file. The driver already waits for the other
 * process's lock (server/db.ts); this covers the case it cannot, a transaction whose read
 * snapshot went stale before it wrote (another process wrote between its first read and its
 * first write). `write` must therefore be safe to run again: a whole transaction, not a step of one.
 */
export async function retryWhenBusy<T>(write: () => Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(20 * 2 ** attempt, 250)));
    }
  }
}
