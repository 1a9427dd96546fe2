import * as Y from 'yjs';
import { createTempDatabase } from '../tests/support/tempDatabase';
import { createAccount } from '../tests/support/members';
import { connectStockClient, type StockClient } from '../tests/support/stockClient';
import { startSyncProcess } from '../tests/support/syncProcess';
import { signSyncToken } from '../server/access/syncToken';
import { writeManuscriptToYDoc } from '../components/manuscript/manuscriptToYDoc';
import { listSections, sectionFragment } from '../components/manuscript/manuscriptLayout';
import { sampleManuscript } from '../prisma/seed/sampleManuscript';
import { loadTypingTrace } from './typingTrace';

const MANUSCRIPTS = 100;
const MiB = 1024 * 1024;

interface Health {
  rooms: number;
  memory: { rssBytes: number; heapUsedBytes: number };
}

/**
 * Sync-server memory with 100 manuscripts open, each the sample novel (7,000 words) plus the
 * first 5,000 keystrokes of the typing trace as history, one writer connected to each; then
 * memory 30 s after the last writer leaves, against the idle server before any was opened.
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
  for (const id of ids) {
    await database.prisma.manuscript.create({
      data: { id, title: id, snapshot: { create: { state, throughSeq: 0 } }, memberships: { create: { userId: owner.userId, role: 'owner' } } },
    });
  }

  const server = await startSyncProcess(database.url, { env: { SYNC_ROOM_GRACE_MS: '2000' } });
  const health = async (): Promise<Health> => (await fetch(`http://127.0.0.1:${server.port}/health`)).json() as Promise<Health>;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));
  await settle();
  const idle = await health();

  const clients: StockClient[] = [];
  for (const id of ids) clients.push(connectStockClient(server.port, id, await signSyncToken(owner.userId, id)));
  await Promise.all(clients.map((client) => client.synced));
  await settle();
  const loaded = await health();
  for (const client of clients) client.destroy();
  await new Promise((resolve) => setTimeout(resolve, 30_000));
  const after = await health();
  await server.kill('SIGTERM');
  await database.cleanup();

  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    manuscriptsOpen: loaded.rooms,
    storedStateKiB: round(state.byteLength / 1024),
    idleRssMiB: round(idle.memory.rssBytes / MiB),
    loadedRssMiB: round(loaded.memory.rssBytes / MiB),
    rssPerManuscriptMiB: round((loaded.memory.rssBytes - idle.memory.rssBytes) / MANUSCRIPTS / MiB),
    heapPerManuscriptMiB: round((loaded.memory.heapUsedBytes - idle.memory.heapUsedBytes) / MANUSCRIPTS / MiB),
    roomsOpen30sAfter: after.rooms,
    rss30sAfterMiB: round(after.memory.rssBytes / MiB),
    heapUsed30sAfterVsIdlePercent: round(((after.memory.heapUsedBytes - idle.memory.heapUsedBytes) / idle.memory.heapUsedBytes) * 100),
    rss30sAfterVsIdlePercent: round(((after.memory.rssBytes - idle.memory.rssBytes) / idle.memory.rssBytes) * 100),
  };
}
