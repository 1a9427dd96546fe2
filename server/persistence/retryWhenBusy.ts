/**
 * Prisma's code for "operation timed out": the SQLite driver adapter reports every SQLITE_BUSY
 * (the busy timeout ran out, or a read-then-write transaction's snapshot went stale) as this.
 */
const PRISMA_TIMED_OUT = 'P1008';

/** Prisma's code for "transaction failed due to a write conflict or a deadlock" (PostgreSQL's 40001, 40P01). */
const PRISMA_WRITE_CONFLICT = 'P2034';

/**
 * What read-then-write transactions ask for: on PostgreSQL, whose default (read committed) would
 * let two of them act on the same stale read (two owners each demoting the other, leaving none),
 * serializable isolation, under which the later one fails with a write conflict and
 * {@link retryWhenBusy} runs it again; on SQLite, the only level there is.
 */
export const READ_THEN_WRITE = { isolationLevel: 'Serializable' } as const;

/**
 * True for errors that mean "run the transaction again": SQLite's "another process holds the
 * write lock" and PostgreSQL's serialization failures and deadlocks, however Prisma wraps them.
 */
export function isBusy(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (code === PRISMA_TIMED_OUT || code === PRISMA_WRITE_CONFLICT || code === '40001' || code === '40P01') return true;
    if (/SQLITE_BUSY|database is locked|could not serialize access|deadlock detected/i.test(current.message)) return true;
  }
  return false;
}

/**
 * Runs a database write, retrying for up to `timeoutMs` while SQLite reports the database busy
 * (or PostgreSQL a serialization failure: see {@link READ_THEN_WRITE}).
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
