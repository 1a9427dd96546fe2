import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import type { SyncServer } from '../../server/sync/createSyncServer';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient, type StockClient } from '../support/stockClient';
import { retryUntil } from '../support/retryUntil';
import { storedDoc } from '../support/storedDoc';
import { firstChapterId, firstParagraphText, sectionText } from '../support/chapterText';
import { createMember, createOwnedManuscript, type TestMember } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { fileScope } from '../support/testScope';
import { MALFORMED_MESSAGES } from '../support/protocolMessages';
import { sendAndAwaitClose } from '../support/sendOnce';

let database: TempDatabase;
let server: SyncServer;
let manuscriptId: string;
let writer: StockClient;
let coWriter: StockClient;
let owner: TestMember;
/** Every time the server closed a connection of the two writers who did nothing wrong. */
const innocentsClosed: string[] = [];

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  server = await startTestSyncServer(fileScope(t), database.prisma);
  ({ id: manuscriptId, owner } = await createOwnedManuscript(database.prisma, 'Robust'));
  const editor = await createMember(database.prisma, manuscriptId, 'editor', 'Co-writer');
  writer = connectStockClient(fileScope(t), server.port, manuscriptId, owner.token);
  coWriter = connectStockClient(fileScope(t), server.port, manuscriptId, editor.token);
  await Promise.all([writer.synced, coWriter.synced]);
  // y-websocket reconnects by itself, so a dropped connection would go unseen without this.
  writer.provider.on('connection-close', () => innocentsClosed.push('the writer'));
  coWriter.provider.on('connection-close', () => innocentsClosed.push('the co-writer'));
  firstParagraphText(writer.doc, firstChapterId(writer.doc)).insert(0, 'Intact.');
});

for (const [name, message] of Object.entries(MALFORMED_MESSAGES)) {
  test(`${name} closes only the sender's connection; others write on and the stored text is intact`, async (t) => {
    assert.equal(await sendAndAwaitClose(t, `ws://127.0.0.1:${server.port}/${manuscriptId}?token=${owner.token}`, message, name), 1008);

    const chapter = firstChapterId(writer.doc);
    const writerSocket = writer.provider.ws;
    const coWriterSocket = coWriter.provider.ws;
    firstParagraphText(writer.doc, chapter).insert(0, '+');
    // The other writers' connections stay the very same, open sockets: nothing was closed and reopened.
    await retryUntil(() => assert.equal(sectionText(coWriter.doc, chapter), sectionText(writer.doc, chapter)));
    assert.deepEqual(innocentsClosed, [], 'the server closed connections other than the sender’s');
    assert.ok(writer.provider.ws === writerSocket && writerSocket?.readyState === WebSocket.OPEN, 'the writer’s connection is still the open one it had');
    assert.ok(coWriter.provider.ws === coWriterSocket && coWriterSocket?.readyState === WebSocket.OPEN, 'the co-writer’s connection is still the open one it had');
    const reader = connectStockClient(t, server.port, manuscriptId, owner.token);
    await reader.synced;
    await retryUntil(() => assert.equal(sectionText(reader.doc, chapter), sectionText(writer.doc, chapter)));
    assert.match(sectionText(reader.doc, chapter), /^\++Intact\.$/);
    reader.destroy();
    await retryUntil(async () => assert.equal(sectionText(await storedDoc(database.prisma, manuscriptId), chapter), sectionText(writer.doc, chapter)));
  });
}
