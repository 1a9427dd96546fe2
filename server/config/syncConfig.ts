/** Reads a positive integer from the environment, or returns the fallback. */
function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

/** The sync server's settings, from the environment (see README, Configuration). */
export function syncConfig() {
  const maxDocumentBytes = intFromEnv('SYNC_MAX_DOCUMENT_BYTES', 64 * 1024 * 1024);
  return {
    port: intFromEnv('SYNC_PORT', 1234),
    host: process.env.SYNC_HOST ?? '0.0.0.0',
    gracePeriodMs: intFromEnv('SYNC_ROOM_GRACE_MS', 10_000),
    // One message may carry as much as the document may hold (a whole novel pasted at once).
    maxMessageBytes: intFromEnv('SYNC_MAX_MESSAGE_BYTES', maxDocumentBytes + 1024 * 1024),
    flushWindowMs: intFromEnv('SYNC_FLUSH_WINDOW_MS', 500),
    compactAfterEntries: intFromEnv('SYNC_COMPACT_AFTER', 200),
    maxDocumentBytes,
    maxMessagesPerSecond: intFromEnv('SYNC_MAX_MESSAGES_PER_SECOND', 200),
    maxAwarenessPerSecond: intFromEnv('SYNC_MAX_AWARENESS_PER_SECOND', 120),
    maxConnectionsPerAccount: intFromEnv('SYNC_MAX_CONNECTIONS_PER_ACCOUNT', 20),
    accessRecheckMs: intFromEnv('SYNC_ACCESS_RECHECK_MS', 2000),
    revisionIdleMs: intFromEnv('SYNC_REVISION_IDLE_MS', 2 * 60 * 1000),
    revisionIntervalMs: intFromEnv('SYNC_REVISION_INTERVAL_MS', 10 * 60 * 1000),
    // Several sync servers share rooms through one Redis; unset, this server is alone.
    redisUrl: process.env.REDIS_URL || null,
    redisLockTtlMs: intFromEnv('SYNC_REDIS_LOCK_TTL_MS', 10_000),
  };
}
