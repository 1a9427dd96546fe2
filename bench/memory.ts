import * as Y from 'yjs';
import { createTempDatabase } from '../tests/support/tempDatabase';
import { createAccount } from '../tests/support/members';
import { connectStockClient, type StockClient } from '../tests/support/stockClient';
import { startSyncProcess } from '../tests/support/syncProcess';
import { signSyncToken } from '../server/access/syncToken';
import { writeManuscriptToYDoc } from '@model/manuscript/manuscriptToYDoc';
import { listSections, sectionFragment } from '@model/manuscript/manuscriptLayout';
import { sampleManuscript } from '../prisma/seed/sampleManuscript';
import { loadTypingTrace } from './typingTrace';
import { gcOnSignalEnv, memoryAfterGc, type MemoryAfterGc } from './memoryAfterGc';

const MANUSCRIPTS = 100;
/** Manuscripts opened, edited and unloaded before the idle reading. */
const WARM_UP_MANUSCRIPTS = 10;
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
 * Sync-server memory with 100 manuscripts open, each the sample novel (7,000 words) plus the
 * first 5,000 keystrokes of the typing trace as history, one writer connected to each; then
 * memory 30 s after the last writer leaves, against the idle server. "Idle" is read after a
 * warm-up (10 other manuscripts opened, edited, left and unloaded), so it is the server as it is
 * after use, not as it was at start (that reading is reported too, as "cold"); every reading
 * follows a forced full garbage collection.
 */
export async function measureMemory(): Promise<Record<string, number>> {
  const database = await createTempDatabase();
  const owner = await createAccount(database.prisma, 'Memory');
  // One manuscript with history, stored a hundred times under different ids.
  const doc = new Y.Doc({ gc: false });
  writeManuscriptToYDoc(sampleManuscript(), doc);
  const chapter = sectionFragment(doc, listSections(doc).find((s) => s.kind === 'chapter')!.id).get(0) as Y.XmlElement;
  const text = (chapter.get(2) as Y.XmlElement).get(0) as Y.XmlText;
  const offset = text.length;
  for (const txn of loadTypingTrace().txns.slice(0, 5000)) {
    doc.transact(() => {
      for (const [position, deleted, inserted] of txn.patches) {
        if (deleted > 0) text.delete(offset + position, deleted);
        if (inserted) text.insert(offset + position, inserted);
      }
    });
  }
  const state = new Uint8Array(Y.encodeStateAsUpdateV2(doc));
  const ids = Array.from({ length: MANUSCRIPTS }, (_, i) => `memory${i}`);
  const warmUpIds = Array.from({ length: WARM_UP_MANUSCRIPTS }, (_, i) => `warmup${i}`);
  for (const id of [...warmUpIds, ...ids]) {
    await database.prisma.manuscript.create({
      data: { id, title: id, snapshots: { create: { state, throughSeq: 0 } }, memberships: { create: { userId: owner.userId, role: 'owner' } } },
    });
  }

  const server = await startSyncProcess(database.url, { env: { SYNC_ROOM_GRACE_MS: '2000', ...gcOnSignalEnv() } });
  const health = async (): Promise<Health> => (await fetch(`http://127.0.0.1:${server.port}/health`)).json() as Promise<Health>;
  const read = async (): Promise<Reading> => ({ memory: await memoryAfterGc(server.child), rooms: (await health()).rooms });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const connectAll = async (manuscriptIds: string[]) => {
    const clients: StockClient[] = [];
    for (const id of manuscriptIds) clients.push(connectStockClient(server.port, id, await signSyncToken(owner.userId, id)));
    await Promise.all(clients.map((client) => client.synced));
    return clients;
  };

  await sleep(2000);
  const cold = await read();
  // Warm-up: the code paths of loading, editing, storing and unloading run once before "idle".
  const warmUp = await connectAll(warmUpIds);
  for (const client of warmUp) client.doc.getMap('meta').set('title', 'Warmed up');
  await sleep(2000);
  for (const client of warmUp) client.destroy();
  for (let waited = 0; (await health()).rooms > 0; waited += 500) {
    if (waited > 30_000) throw new Error('the warm-up manuscripts did not unload within 30 s');
    await sleep(500);
  }
  await sleep(2000);
  const idle = await read();

  const clients = await connectAll(ids);
  await sleep(2000);
  const loaded = await read();
  for (const client of clients) client.destroy();
  await sleep(30_000);
  const after = await read();
  await server.kill('SIGTERM');
  await database.cleanup();

  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    manuscriptsOpen: loaded.rooms,
    storedStateKiB: round(state.byteLength / 1024),
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
  };
}
