import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient } from '../support/stockClient';
import { createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { retryUntil } from '../support/retryUntil';
import { storedAck } from '../support/storedAck';
import { storedDoc } from '../support/storedDoc';
import { firstChapterId, firstParagraphText, sectionText } from '../support/chapterText';
import { fileScope } from '../support/testScope';
import { MAIN_DOCUMENT } from '../../server/persistence/DocumentStore';

let database: TempDatabase;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
});

test('the log is compacted into a snapshot mid-session, while writers stay connected, and nothing is lost', async (t) => {
  const server = await startTestSyncServer(t, database.prisma, { gracePeriodMs: 60_000, storage: { flushWindowMs: 20, compactAfterEntries: 5 } });
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Compacted live');
  const writer = connectStockClient(t, server.port, id, owner.token);
  await writer.synced;
  const chapter = firstChapterId(writer.doc);
  const paragraph = () => firstParagraphText(writer.doc, chapter);
  const snapshotSeq = async () => (await database.prisma.manuscriptSnapshot.findUnique({ where: { manuscriptId_docName: { manuscriptId: id, docName: MAIN_DOCUMENT } } }))?.throughSeq ?? null;
  const before = await snapshotSeq();

  // Each word stored as its own log entry (acknowledged before the next): 12 entries, past 5.
  for (let i = 0; i < 12; i++) {
    paragraph().insert(paragraph().length, `word${i} `);
    await storedAck(writer, i + 1);
  }
  await retryUntil(async () => {
    const seq = await snapshotSeq();
    assert.ok(seq !== null && seq !== before && seq >= 5, `the snapshot covers entries through ${seq} (before: ${before})`);
  });
  assert.ok((await server.registry.loadedRooms()).some((room) => room.manuscriptId === id), 'the room is still loaded');
  assert.ok(writer.provider.wsconnected, 'the writer is still connected');
  const written = Array.from({ length: 12 }, (_, i) => `word${i} `).join('');
  assert.equal(sectionText(await storedDoc(database.prisma, id), chapter), written);
  // Compaction refreshes the summary beside the document.
  await retryUntil(async () => assert.ok((await database.prisma.manuscript.findUniqueOrThrow({ where: { id } })).wordCount >= 5, 'the word count was not refreshed'));

  // Writing goes on after it: a newcomer gets everything, and the database keeps up.
  paragraph().insert(paragraph().length, 'after.');
  await storedAck(writer, 13);
  const newcomer = connectStockClient(t, server.port, id, owner.token);
  await newcomer.synced;
  assert.equal(sectionText(newcomer.doc, chapter), `${written}after.`);
  assert.equal(sectionText(await storedDoc(database.prisma, id), chapter), `${written}after.`);
});
