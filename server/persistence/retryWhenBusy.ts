/** True for SQLite's "another process holds the write lock" errors, however Prisma wraps them. */
function isBusy(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (/SQLITE_BUSY|database is locked/i.test(current.message)) return true;
  }
  return false;
}

/**
 * Runs a database write, retrying for up to `timeoutMs` while SQLite reports the database busy.
 * The app and the sync server write to one SQLite file. The driver already waits for the other
 * process's lock (server/db.ts); this covers the case it cannot, a transaction whose read
 * snapshot went stale before it wrote.
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
