import * as Y from 'yjs';
import { countWords } from '@model/manuscript/countWords';
import { createSyncServer } from '../server/sync/createSyncServer';
import { PrismaDocumentStore } from '../server/persistence/PrismaDocumentStore';
import { createSyncAccessControl } from '../server/access/syncAccess';
import { createAuth } from '../server/auth/createAuth';
import { sectionsRevisionCreator } from '../server/revisions/sectionsRevisionCreator';
import { newManuscript } from '../server/manuscripts/newManuscript';
import { revisionPruner } from '../server/revisions/revisionPruner';
import { createTempDatabase } from '../tests/support/tempDatabase';
import { createOwnedManuscript } from '../tests/support/members';
import { connectStockClient } from '../tests/support/stockClient';
import { sectionDocParagraph } from '../tests/support/chapterText';
import { loadTypingTrace } from './typingTrace';
import { benchQuick } from './benchQuick';

/** Keystrokes a 500 ms storage window holds at a brisk 8 keystrokes a second. */
const KEYSTROKES_PER_WINDOW = 4;
const PAUSE_MS = 2 * 60 * 1000;
const INTERVAL_MS = 10 * 60 * 1000;

/**
 * Replays the real typing trace through a real sync server and SQLite database, into a chapter's
 * own room of a manuscript laid out in sections, one keystroke per update, grouped into storage windows as live typing would be, with automatic revisions at
 * the trace's own pauses (2 minutes) and every 10 minutes of continuous writing. Measures what
 * history costs on disk per 1,000 words typed, against storing one row per update.
 */
export async function measureHistoryCost(): Promise<Record<string, number>> {
  const trace = loadTypingTrace();
  // A quick run replays the start of the trace only: enough to store, revise and prune.
  const txns = benchQuick() ? trace.txns.slice(0, 8000) : trace.txns;
  const database = await createTempDatabase();
  const server = await createSyncServer({
    store: new PrismaDocumentStore(database.prisma),
    access: createSyncAccessControl(database.prisma, createAuth(database.prisma)),
    port: 0,
    host: '127.0.0.1',
    gracePeriodMs: 100,
    maxMessagesPerSecond: 1_000_000,
    storage: { flushWindowMs: 1 },
  });
  const manuscript = newManuscript('Trace');
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Trace', { layout: 'sections', manuscript });
  // The writer types in the chapter's own room; the server keeps the book's room open beside it.
  const chapterId = manuscript.sections.find((section) => section.kind === 'chapter')!.id;
  const client = connectStockClient(server.port, `${id}/${chapterId}`, owner.token);
  await client.synced;
  const text = sectionDocParagraph(client.doc);

  let perUpdateBytes = 0;
  client.doc.on('updateV2', (update: Uint8Array) => (perUpdateBytes += update.byteLength));
  const stored = (ticket: number) =>
    new Promise<void>((resolve) => {
      client.provider.messageHandlers[100] = (_e, decoder) => {
        if (Number(decoder.arr[decoder.pos]) === ticket % 128) resolve();
      };
      client.provider.ws!.send(new Uint8Array([100, ticket % 128]));
    });
  const revise = async () => {
    const rooms = (await server.registry.loadedRooms()).filter((r) => r.manuscriptId === id);
    await Promise.all(rooms.map((r) => r.storage.whenStored()));
    const live = new Map(rooms.map((r) => [r.docName, r.doc]));
    await sectionsRevisionCreator(database.prisma, id, live, { kind: 'auto', at: lastTime });
    await revisionPruner(database.prisma, id, lastTime);
  };

  const started = performance.now();
  let pending = 0;
  let ticket = 0;
  let lastTime = new Date(trace.txns[0].time);
  let burstStart = lastTime;
  let revisions = 0;
  for (const txn of txns) {
    const time = new Date(txn.time);
    if (time.getTime() - lastTime.getTime() >= PAUSE_MS || time.getTime() - burstStart.getTime() >= INTERVAL_MS) {
      await stored(++ticket);
      await revise();
      revisions++;
      burstStart = time;
    }
    lastTime = time;
    client.doc.transact(() => {
      for (const [position, deleted, inserted] of txn.patches) {
        if (deleted > 0) text.delete(position, deleted);
        if (inserted) text.insert(position, inserted);
      }
    });
    if (++pending >= KEYSTROKES_PER_WINDOW) {
      await stored(++ticket);
      pending = 0;
    }
  }
  await stored(++ticket);
  const replayMs = performance.now() - started;
  const typed = text.toString();
  if (txns === trace.txns && typed !== trace.endContent) throw new Error('the replayed text differs from the trace’s final text');
  const finalStateV2Bytes = Y.encodeStateAsUpdateV2(client.doc).byteLength;
  client.destroy();
  await revise();
  revisions++;
  await new Promise((resolve) => setTimeout(resolve, 300));
  await server.close();

  // Quoted names: PostgreSQL folds unquoted ones to lower case (SQLite accepts either).
  const bytes = async (sql: string) => Number(((await database.prisma.$queryRawUnsafe(sql)) as Array<{ n: bigint | number | null }>)[0].n ?? 0);
  const snapshotBytes = await bytes('SELECT SUM(LENGTH(state)) AS n FROM "ManuscriptSnapshot"');
  const logBytes = await bytes('SELECT SUM(LENGTH(data)) AS n FROM "ManuscriptUpdate"');
  const revisionBytes = await bytes('SELECT SUM(LENGTH(snapshot) + LENGTH(summary)) AS n FROM "Revision"');
  const keptRevisions = await bytes('SELECT COUNT(*) AS n FROM "Revision"');
  await database.cleanup();

  const words = countWords(typed);
  const total = snapshotBytes + logBytes + revisionBytes;
  return {
    wordsTyped: words,
    keystrokeUpdates: txns.length,
    replaySeconds: Math.round(replayMs / 100) / 10,
    revisionsMade: revisions,
    revisionsKept: keptRevisions,
    storedBytes: total,
    documentAndLogBytes: snapshotBytes + logBytes,
    revisionBytes,
    kbPer1000Words: round((total / 1024 / words) * 1000),
    baselineOneRowPerUpdateKbPer1000Words: round((perUpdateBytes / 1024 / words) * 1000),
    clientStateV2Bytes: finalStateV2Bytes,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
