/**
 * The sync process's storage thread: a {@link PrismaDocumentStore} on its own database connection,
 * answering the calls {@link ThreadedDocumentStore} posts from the main thread. SQLite through
 * Prisma runs synchronously on the thread that calls it (the driver, the query interpreter), so
 * on the main thread every log append held up the relay of keystrokes for a millisecond or more;
 * here it does not.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPrismaClient } from '../db';
import { PrismaDocumentStore } from './PrismaDocumentStore';
import type { StorageReply, StorageRequest } from './storageMessages';

const { databaseUrl } = workerData as { databaseUrl: string };
const prisma = createPrismaClient(databaseUrl);
const store = new PrismaDocumentStore(prisma);
const port = parentPort!;

port.on('message', (request: StorageRequest) => {
  if (request.method === 'close') {
    void prisma.$disconnect().finally(() => port.close());
    return;
  }
  // Each method's arguments arrive as posted; the store checks nothing the main thread did not.
  const call = (store[request.method] as (...args: unknown[]) => Promise<unknown>).apply(store, request.args);
  call.then(
    (result) => port.postMessage({ id: request.id, result } satisfies StorageReply),
    (error: unknown) => {
      const { message, code } = error instanceof Error ? { message: error.message, code: (error as { code?: unknown }).code } : { message: String(error), code: undefined };
      port.postMessage({ id: request.id, error: { message, code: typeof code === 'string' ? code : undefined } } satisfies StorageReply);
    },
  );
});
