import type { DocumentStore } from '../../server/persistence/DocumentStore';
import { PrismaDocumentStore } from '../../server/persistence/PrismaDocumentStore';
import { createSyncServer, type SyncServer, type SyncServerOptions } from '../../server/sync/createSyncServer';
import { createSyncAccessControl } from '../../server/access/syncAccess';
import { createAuth } from '../../server/auth/createAuth';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { automaticRevisions } from '../../server/revisions/automaticRevisions';
import { stopWhenDone, type TestScope } from './testScope';
import { withTimeout } from './withTimeout';

const START_TIMEOUT_MS = 15_000;
/** Closing stores every open room first: a few small writes. */
const CLOSE_TIMEOUT_MS = 15_000;

/**
 * A real sync server on port 0 over a test database, with real access control (tokens, session
 * cookies, memberships) and quick timings so tests do not wait for production delays. It is
 * closed when `scope` (a test, or a file through its `before` hook's context) ends, pass or fail;
 * closing it earlier in the test is fine, a second close does nothing. A close fails after 15 s.
 */
export function startTestSyncServer(
  scope: TestScope,
  prisma: PrismaClient,
  overrides: Partial<SyncServerOptions> & { store?: DocumentStore } = {},
): Promise<SyncServer> {
  const starting = createSyncServer({
    store: new PrismaDocumentStore(prisma),
    access: createSyncAccessControl(prisma, createAuth(prisma)),
    port: 0,
    host: '127.0.0.1',
    gracePeriodMs: 200,
    accessRecheckMs: 250,
    revisions: automaticRevisions(prisma, { idleMs: 60_000, maxIntervalMs: 60_000 }),
    ...overrides,
    storage: { flushWindowMs: 50, ...overrides.storage },
  }).then((server) => {
    let closed: Promise<void> | null = null;
    return { ...server, close: () => (closed ??= withTimeout(server.close(), CLOSE_TIMEOUT_MS, 'the test sync server did not close')) };
  });
  // Registered before the start is awaited: a server that starts late is still closed.
  stopWhenDone(scope, 'the test sync server', async () => (await starting.catch(() => null))?.close());
  return withTimeout(starting, START_TIMEOUT_MS, 'the test sync server did not start listening');
}
