import type { DocumentStore } from '../../server/persistence/DocumentStore';
import { PrismaDocumentStore } from '../../server/persistence/PrismaDocumentStore';
import { createSyncServer, type SyncServer, type SyncServerOptions } from '../../server/sync/createSyncServer';
import { createSyncAccessControl } from '../../server/access/syncAccess';
import { createAuth } from '../../server/auth/createAuth';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { automaticRevisions } from '../../server/revisions/automaticRevisions';

/**
 * A real sync server on port 0 over a test database, with real access control (tokens, session
 * cookies, memberships) and quick timings so tests do not wait for production delays.
 */
export function startTestSyncServer(
  prisma: PrismaClient,
  overrides: Partial<SyncServerOptions> & { store?: DocumentStore } = {},
): Promise<SyncServer> {
  return createSyncServer({
    store: new PrismaDocumentStore(prisma),
    access: createSyncAccessControl(prisma, createAuth(prisma)),
    port: 0,
    host: '127.0.0.1',
    gracePeriodMs: 200,
    accessRecheckMs: 250,
    revisions: automaticRevisions(prisma, { idleMs: 60_000, maxIntervalMs: 60_000 }),
    ...overrides,
    storage: { flushWindowMs: 50, ...overrides.storage },
  });
}
