import '../config/loadEnv';
import { createPrismaClient } from '../db';
import { createAuth } from '../auth/createAuth';
import { createSyncAccessControl } from '../access/syncAccess';
import { automaticRevisions } from '../revisions/automaticRevisions';
import { ThreadedDocumentStore } from '../persistence/ThreadedDocumentStore';
import { databaseUrl } from '../config/databaseUrl';
import { syncConfig } from '../config/syncConfig';
import { createSyncServer } from './createSyncServer';
import { convertAllToSections } from '../manuscripts/sectionsConversion';
import { log } from './log';
import { databaseReachable } from './databaseReachable';

/** Entry point of the sync process (`npm run sync`). */
async function main(): Promise<void> {
  const config = syncConfig();
  const prisma = createPrismaClient();
  // A database that `npm start` has not prepared may still hold one-document manuscripts.
  const converted = await convertAllToSections(prisma);
  if (converted.length > 0) log.info('laid out manuscripts in sections', { count: converted.length });
  // Documents are written on a thread of their own: SQLite through Prisma blocks the thread that
  // calls it, and this one relays every keystroke. Access checks and revisions stay here.
  const store = new ThreadedDocumentStore(databaseUrl());
  const server = await createSyncServer({
    store,
    access: createSyncAccessControl(prisma, createAuth(prisma)),
    accessRecheckMs: config.accessRecheckMs,
    maxDocumentBytes: config.maxDocumentBytes,
    maxMessagesPerSecond: config.maxMessagesPerSecond,
    maxAwarenessPerSecond: config.maxAwarenessPerSecond,
    maxConnectionsPerAccount: config.maxConnectionsPerAccount,
    revisions: automaticRevisions(prisma, { idleMs: config.revisionIdleMs, maxIntervalMs: config.revisionIntervalMs }),
    port: config.port,
    host: config.host,
    gracePeriodMs: config.gracePeriodMs,
    maxMessageBytes: config.maxMessageBytes,
    storage: { flushWindowMs: config.flushWindowMs, compactAfterEntries: config.compactAfterEntries },
    redis: config.redisUrl ? { url: config.redisUrl, lockTtlMs: config.redisLockTtlMs } : undefined,
    healthChecks: { database: () => databaseReachable(prisma) },
  });
  log.info('sync server listening', { url: `ws://${config.host}:${server.port}/<manuscriptId>[/<sectionId>]` });
  // The parent (npm start, tests) may read this line to learn the port.
  process.stdout.write(`sync server listening on port ${server.port}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping: storing every open manuscript', { signal });
    await server.close();
    await store.close();
    await prisma.$disconnect();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: Error) => {
  log.error('sync server failed to start', { error: error.message });
  process.exit(1);
});
