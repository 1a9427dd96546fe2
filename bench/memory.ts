import { createTempDatabase } from '../tests/support/tempDatabase';
import { createAccount } from '../tests/support/members';
import { connectStockClient, type StockClient } from '../tests/support/stockClient';
import { startSyncProcess } from '../tests/support/syncProcess';
import { sectionDocParagraph } from '../tests/support/chapterText';
import { signSyncToken } from '../server/access/syncToken';
import { BOOK_DOCUMENT } from '@model/manuscript/bookDocument';
import { gcOnSignalEnv, memoryAfterGc, type MemoryAfterGc } from './memoryAfterGc';
import { typedBookCached } from './typedBook';
import { storeBook } from './storeBook';
import { sized } from './benchQuick';

const MANUSCRIPTS = sized(100, 5);
/** Manuscripts opened, edited and unloaded before the idle reading. */
const WARM_UP_MANUSCRIPTS = sized(10, 2);
/** How long after the last writer leaves memory is read again. */
const AFTER_MS = sized(30_000, 5_000);
const MiB = 1024 * 1024;

interface Health {
  rooms: number;
}

/** What the memory benchmark reads at each step: rooms loaded, and memory after a full collection. */
interface Reading {
  rooms: number;
  memory: MemoryAfterGc;
}

/**
 * Sync-server memory with 100 manuscripts open, each the typed 120,000-word, 30-chapter book
 * (bench/typedBook.ts: every chapter typed keystroke by keystroke, history kept) laid out in
 * sections, with one writer on its first chapter (so the server holds that chapter's room and
 * the book's); then memory 30 s after the last writer leaves, against the idle server. "Idle"
 * is read after a warm-up (10 other manuscripts opened, edited, left and unloaded), so it is the
 * server as it is after use, not as it was at start (that reading is reported too, as "cold");
 * every reading follows a forced full garbage collection. `MEMORY_SERVER_ENV` (JSON) adds to the
 * server's environment, to try allocator settings such as `MALLOC_ARENA_MAX`.
 */
export async function measureMemory(): Promise<Record<string, number>> {
  const database = await createTempDatabase();
  const owner = await createAccount(database.prisma, 'Memory');
  // One typed book, stored a hundred times under different ids.
  const book = typedBookCached();
  const chapterId = book.documents.find((document) => document.name !== BOOK_DOCUMENT)!.name;
  const stored = book.documents.find((document) => document.name === chapterId)!.state.byteLength + book.documents.find((document) => document.name === BOOK_DOCUMENT)!.state.byteLength;
  const ids = Array.from({ length: MANUSCRIPTS }, (_, i) => `memory${i}`);
  const warmUpIds = Array.from({ length: WARM_UP_MANUSCRIPTS }, (_, i) => `warmup${i}`);
  for (const id of [...warmUpIds, ...ids]) {
    await storeBook(database.prisma, book, owner.userId, id);
  }

  const serverEnv = JSON.parse(process.env.MEMORY_SERVER_ENV ?? '{}') as Record<string, string>;
  const server = await startSyncProcess(database.url, { env: { SYNC_ROOM_GRACE_MS: '2000', ...gcOnSignalEnv(), ...serverEnv } });
  const health = async (): Promise<Health> => {
    const ask = async () => (await fetch(`http://127.0.0.1:${server.port}/health`)).json() as Promise<Health>;
    // A kept-alive connection the server closes just as it is reused fails once; a second ask opens a new one.
    return ask().catch(ask);
  };
  const read = async (): Promise<Reading> => ({ memory: await memoryAfterGc(server.child), rooms: (await health()).rooms });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const connectAll = async (manuscriptIds: string[]) => {
    const clients: StockClient[] = [];
    for (const id of manuscriptIds) clients.push(connectStockClient(server.port, `${id}/${chapterId}`, await signSyncToken(owner.userId, id)));
    await Promise.all(clients.map((client) => client.synced));
    return clients;
  };

  await sleep(2000);
  const cold = await read();
  // Warm-up: the code paths of loading, editing, storing and unloading run once before "idle".
  const warmUp = await connectAll(warmUpIds);
  for (const client of warmUp) sectionDocParagraph(client.doc).insert(0, 'Warmed up. ');
  await sleep(2000);
  for (const client of warmUp) client.destroy();
  for (let waited = 0; (await health()).rooms > 0; waited += 500) {
    if (waited > 30_000) throw new Error('the warm-up manuscripts did not unload within 30 s');
    await sleep(500);
  }
  // Idle is read after the same quiet time as the reading after the writers leave: V8 and the
  // allocator give pages back some seconds after a collection, and a reading taken sooner holds
  // pages the later one no longer does (RSS 30 s after was 20 % below an idle read after 2 s).
  await sleep(AFTER_MS);
  const idle = await read();

  const clients = await connectAll(ids);
  await sleep(2000);
  const loaded = await read();
  for (const client of clients) client.destroy();
  await sleep(AFTER_MS);
  const after = await read();
  await server.kill('SIGTERM');
  await database.cleanup();

  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    manuscriptsOpen: MANUSCRIPTS,
    // The chapter's room and the book's, which the chapter's keeps loaded.
    roomsOpen: loaded.rooms,
    storedStateKiB: round(stored / 1024),
    coldRssMiB: round(cold.memory.rssBytes / MiB),
    coldHeapUsedMiB: round(cold.memory.heapUsedBytes / MiB),
    idleRssMiB: round(idle.memory.rssBytes / MiB),
    idleHeapUsedMiB: round(idle.memory.heapUsedBytes / MiB),
    loadedRssMiB: round(loaded.memory.rssBytes / MiB),
    rssPerManuscriptMiB: round((loaded.memory.rssBytes - idle.memory.rssBytes) / MANUSCRIPTS / MiB),
    heapPerManuscriptMiB: round((loaded.memory.heapUsedBytes - idle.memory.heapUsedBytes) / MANUSCRIPTS / MiB),
    roomsOpen30sAfter: after.rooms,
    rss30sAfterMiB: round(after.memory.rssBytes / MiB),
    heapUsed30sAfterMiB: round(after.memory.heapUsedBytes / MiB),
    heapUsed30sAfterVsIdlePercent: round(((after.memory.heapUsedBytes - idle.memory.heapUsedBytes) / idle.memory.heapUsedBytes) * 100),
    rss30sAfterVsIdlePercent: round(((after.memory.rssBytes - idle.memory.rssBytes) / idle.memory.rssBytes) * 100),
    // RSS split: anonymous pages are what the process holds; file-backed ones come and go with
    // the kernel's page cache, moving RSS while the process does nothing.
    idleRssAnonMiB: round(idle.memory.rssAnonBytes / MiB),
    idleRssFileMiB: round(idle.memory.rssFileBytes / MiB),
    rssAnon30sAfterMiB: round(after.memory.rssAnonBytes / MiB),
    rssFile30sAfterMiB: round(after.memory.rssFileBytes / MiB),
    rssAnon30sAfterVsIdlePercent: round(((after.memory.rssAnonBytes - idle.memory.rssAnonBytes) / idle.memory.rssAnonBytes) * 100),
  };
}
