import { before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { SyncServer } from '../../server/sync/createSyncServer';
import { signSyncToken } from '../../server/access/syncToken';
import { addSection } from '@model/manuscript/sectionOperations';
import { listSections, readTitle, metaMap } from '@model/manuscript/manuscriptLayout';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient, type StockClient } from '../support/stockClient';
import { retryUntil } from '../support/retryUntil';
import { storedDoc } from '../support/storedDoc';
import { firstChapterId, firstParagraphText, sectionText } from '../support/chapterText';
import { createMember, createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { fileScope, stopWhenDone } from '../support/testScope';
import { upgradeStatus } from '../support/upgradeStatus';
import { PrismaDocumentStore } from '../../server/persistence/PrismaDocumentStore';
import type { DocumentStore } from '../../server/persistence/DocumentStore';

let database: TempDatabase;
let server: SyncServer;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  server = await startTestSyncServer(fileScope(t), database.prisma, { storage: { flushWindowMs: 100 } });
});

/** A stock client of this file's server, destroyed when test `t` ends. */
function connect(t: TestContext, manuscriptId: string, token: string): StockClient {
  return connectStockClient(t, server.port, manuscriptId, token);
}

test('two stock y-websocket clients converge on the same text and structure', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Converge');
  const editor = await createMember(database.prisma, id, 'editor', 'Bob');
  const alice = connect(t, id, owner.token);
  const bob = connect(t, id, editor.token);
  await Promise.all([alice.synced, bob.synced]);
  const chapter = firstChapterId(alice.doc);
  firstParagraphText(alice.doc, chapter).insert(0, 'Alice wrote this. ');
  addSection(bob.doc, 'chapter', { title: 'Bob’s chapter' });
  firstParagraphText(bob.doc, chapter).insert(0, 'Bob too. ');

  await retryUntil(() => {
    assert.equal(sectionText(alice.doc, chapter), sectionText(bob.doc, chapter));
    assert.match(sectionText(alice.doc, chapter), /Alice wrote this\./);
    assert.match(sectionText(alice.doc, chapter), /Bob too\./);
    assert.equal(listSections(alice.doc).length, 4);
    assert.deepEqual(listSections(alice.doc), listSections(bob.doc));
  });
});

test('every update reaches the database within a second', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Durable');
  const writer = connect(t, id, owner.token);
  await writer.synced;
  metaMap(writer.doc).set('title', 'Renamed while typing');
  const typedAt = Date.now();
  await retryUntil(async () => assert.equal(readTitle(await storedDoc(database.prisma, id)), 'Renamed while typing'), { timeoutMs: 1000 });
  assert.ok(Date.now() - typedAt <= 1000);
});

test('a manuscript that does not exist is refused at the upgrade', async () => {
  const { owner } = await createOwnedManuscript(database.prisma, 'Elsewhere');
  const token = await signSyncToken(owner.userId, 'no-such-manuscript');
  assert.equal(await upgradeStatus(`ws://127.0.0.1:${server.port}/no-such-manuscript?token=${token}`), 404);
});

test('a room with no writers is unloaded after the grace period, its state compacted into a snapshot', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Unload');
  const writer = connect(t, id, owner.token);
  await writer.synced;
  firstParagraphText(writer.doc, firstChapterId(writer.doc)).insert(0, 'Kept after unloading.');
  await retryUntil(async () => assert.ok((await database.prisma.manuscriptUpdate.count({ where: { manuscriptId: id } })) > 0, 'no update is stored yet'));
  writer.destroy();
  await retryUntil(async () => {
    const loaded = await server.registry.loadedRooms();
    assert.ok(!loaded.some((room) => room.manuscriptId === id), 'room unloaded');
  });
  // The room leaves the registry first; its storage then compacts the log as it closes.
  await retryUntil(async () => assert.equal(await database.prisma.manuscriptUpdate.count({ where: { manuscriptId: id } }), 0, 'log compacted'));
  const stored = await storedDoc(database.prisma, id);
  assert.match(sectionText(stored, firstChapterId(stored)), /Kept after unloading\./);
  const summary = await database.prisma.manuscript.findUniqueOrThrow({ where: { id } });
  assert.equal(summary.wordCount, 3);
});

test('the stored acknowledgement arrives only after the change is in the database', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Ack');
  const writer = connect(t, id, owner.token);
  await writer.synced;
  const acks: number[] = [];
  writer.provider.messageHandlers[100] = (_encoder, decoder) => {
    acks.push(Number(decoder.arr[decoder.pos]));
  };
  metaMap(writer.doc).set('title', 'Acknowledged');
  writer.provider.ws!.send(new Uint8Array([100, 7]));
  await retryUntil(() => assert.deepEqual(acks, [7]));
  assert.equal(readTitle(await storedDoc(database.prisma, id)), 'Acknowledged');
});

test('the stored acknowledgement waits for the database write to finish, however slow it is', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Slow disk');
  const real = new PrismaDocumentStore(database.prisma);
  let releaseAppend!: () => void;
  const appendGate = new Promise<void>((resolve) => (releaseAppend = resolve));
  let appendsStarted = 0;
  const slowStore: DocumentStore = {
    layoutOf: (manuscriptId) => real.layoutOf(manuscriptId),
    load: (manuscriptId, docName) => real.load(manuscriptId, docName),
    append: async (...args) => {
      appendsStarted++;
      await appendGate;
      return real.append(...args);
    },
    compact: (...args) => real.compact(...args),
  };
  const slow = await startTestSyncServer(t, database.prisma, { store: slowStore });
  // Registered after the server, so it runs before the server's close, which stores what it holds.
  stopWhenDone(t, 'the held database write', () => releaseAppend());
  const writer = connectStockClient(t, slow.port, id, owner.token);
  await writer.synced;
  const acks: number[] = [];
  writer.provider.messageHandlers[100] = (_encoder, decoder) => {
    acks.push(Number(decoder.arr[decoder.pos]));
  };
  metaMap(writer.doc).set('title', 'Written slowly');
  writer.provider.ws!.send(new Uint8Array([100, 9]));
  // The write has begun (the window is 50 ms) but cannot finish: no acknowledgement may come.
  await retryUntil(() => assert.ok(appendsStarted > 0, 'the server has not started writing'));
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual(acks, [], 'acknowledged before the write finished');
  releaseAppend();
  await retryUntil(() => assert.deepEqual(acks, [9]));
  assert.equal(readTitle(await storedDoc(database.prisma, id)), 'Written slowly');
});
