import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SyncServer } from '../../server/sync/createSyncServer';
import { memberChanger } from '../../server/access/memberChanger';
import { newManuscript } from '../../server/manuscripts/newManuscript';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient } from '../support/stockClient';
import { createMember, createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { upgradeStatus } from '../support/upgradeStatus';
import { retryUntil } from '../support/retryUntil';
import { storedAck } from '../support/storedAck';
import { storedDoc } from '../support/storedDoc';
import { sectionDocParagraph, sectionDocText } from '../support/chapterText';
import { fileScope } from '../support/testScope';
import { MALFORMED_MESSAGES } from '../support/protocolMessages';
import { sendAndAwaitClose } from '../support/sendOnce';

// The guards of the book's room (roles, removals, malformed messages) hold in every section's
// room too: each is its own websocket, and nothing may slip in through the side door.

let database: TempDatabase;
let server: SyncServer;
before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  server = await startTestSyncServer(fileScope(t), database.prisma);
});

/** A new book in sections owned by a new account; `room` is its first chapter's room. */
async function bookInSections(title: string) {
  const manuscript = newManuscript(title);
  const chapterId = manuscript.sections.find((section) => section.kind === 'chapter')!.id;
  const { id, owner } = await createOwnedManuscript(database.prisma, title, { layout: 'sections', manuscript });
  return { id, owner, chapterId, room: `${id}/${chapterId}` };
}

const storedChapter = async (id: string, chapterId: string) => sectionDocText(await storedDoc(database.prisma, id, chapterId));

for (const role of ['viewer', 'commenter'] as const) {
  test(`in a chapter's room, a ${role} receives updates, but what it sends is neither stored nor relayed`, async (t) => {
    const { id, owner, chapterId, room } = await bookInSections(`Read by a ${role}`);
    const reader = await createMember(database.prisma, id, role);
    const writer = connectStockClient(t, server.port, room, owner.token);
    const readerClient = connectStockClient(t, server.port, room, reader.token);
    await Promise.all([writer.synced, readerClient.synced]);

    sectionDocParagraph(readerClient.doc).insert(0, 'FORGED ');
    await storedAck(readerClient, 1); // the server has handled (and dropped) the forged update
    sectionDocParagraph(writer.doc).insert(0, 'Genuine.');
    await retryUntil(() => assert.match(sectionDocText(readerClient.doc), /Genuine\./, 'the reader has not received the writer’s text'));
    await storedAck(writer, 2); // anything relayed before this reply has reached the writer
    assert.equal(sectionDocText(writer.doc), 'Genuine.');
    assert.equal(await storedChapter(id, chapterId), 'Genuine.');
    const authors = await database.prisma.manuscriptUpdate.findMany({ where: { manuscriptId: id }, select: { userId: true } });
    assert.ok(authors.every((row) => row.userId === owner.userId || row.userId === null), 'an update of the reader was stored');
  });
}

test('a removed member loses the chapter’s room and the book’s within 5 seconds, for good', async (t) => {
  const { id, room } = await bookInSections('Removal in sections');
  const editor = await createMember(database.prisma, id, 'editor');
  const inChapter = connectStockClient(t, server.port, room, editor.token);
  const inBook = connectStockClient(t, server.port, id, editor.token);
  await Promise.all([inChapter.synced, inBook.synced]);
  const closed = Promise.all([inChapter.closedByServer(), inBook.closedByServer()]);
  const removedAt = Date.now();
  await memberChanger(database.prisma, id, editor.userId, null);
  assert.deepEqual(await closed, [4403, 4403]);
  assert.ok(Date.now() - removedAt < 5000, `closed after ${Date.now() - removedAt} ms`);
  assert.equal(await upgradeStatus(`ws://127.0.0.1:${server.port}/${room}?token=${encodeURIComponent(editor.token)}`), 404);
});

test('an editor turned viewer in a chapter’s room is reconnected within 5 seconds and can no longer change its text', async (t) => {
  const { id, owner, chapterId, room } = await bookInSections('Demotion in sections');
  const editor = await createMember(database.prisma, id, 'editor');
  const client = connectStockClient(t, server.port, room, editor.token);
  await client.synced;
  const reconnected = client.resynced();
  const changedAt = Date.now();
  await memberChanger(database.prisma, id, editor.userId, 'viewer');
  await reconnected;
  assert.ok(Date.now() - changedAt < 5000, `reconnected after ${Date.now() - changedAt} ms`);

  sectionDocParagraph(client.doc).insert(0, 'After demotion.');
  await storedAck(client, 1);
  const ownerClient = connectStockClient(t, server.port, room, owner.token);
  await ownerClient.synced;
  assert.doesNotMatch(sectionDocText(ownerClient.doc), /After demotion/);
  assert.doesNotMatch(await storedChapter(id, chapterId), /After demotion/);
});

for (const [name, message] of Object.entries(MALFORMED_MESSAGES)) {
  test(`${name} sent into a chapter’s room closes only that connection; the book’s and the chapter’s other writers go on, the stored text is intact`, async (t) => {
    const { id, owner, chapterId, room } = await bookInSections(`Robust: ${name}`);
    const editor = await createMember(database.prisma, id, 'editor', 'Co-writer');
    const writer = connectStockClient(t, server.port, room, owner.token);
    const coWriter = connectStockClient(t, server.port, room, editor.token);
    const book = connectStockClient(t, server.port, id, editor.token);
    await Promise.all([writer.synced, coWriter.synced, book.synced]);
    const innocentsClosed: string[] = [];
    writer.provider.on('connection-close', () => innocentsClosed.push('the writer'));
    coWriter.provider.on('connection-close', () => innocentsClosed.push('the co-writer'));
    book.provider.on('connection-close', () => innocentsClosed.push('the book'));
    sectionDocParagraph(writer.doc).insert(0, 'Intact.');
    await storedAck(writer, 1);

    assert.equal(await sendAndAwaitClose(t, `ws://127.0.0.1:${server.port}/${room}?token=${owner.token}`, message, name), 1008);

    sectionDocParagraph(writer.doc).insert(0, '+');
    await retryUntil(() => assert.equal(sectionDocText(coWriter.doc), sectionDocText(writer.doc), 'the co-writer has not received the writer’s text'));
    assert.deepEqual(innocentsClosed, [], 'the server closed connections other than the sender’s');
    assert.equal(book.provider.wsconnected, true, 'the book’s connection is still open');
    await storedAck(writer, 2);
    assert.match(await storedChapter(id, chapterId), /\+Intact\.$/);
  });
}
