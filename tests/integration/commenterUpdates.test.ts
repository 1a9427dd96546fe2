import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import * as authProtocol from 'y-protocols/auth';
import type { SyncServer } from '../../server/sync/createSyncServer';
import { newManuscript } from '../../server/manuscripts/newManuscript';
import { COMMENT_ONLY_REASON } from '@model/protocol/readOnlyReason';
import { readSectionContent, sectionContent } from '@model/manuscript/sectionDocument';
import { metaMap } from '@model/manuscript/manuscriptLayout';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient, type StockClient } from '../support/stockClient';
import { createMember, createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { retryUntil } from '../support/retryUntil';
import { storedAck } from '../support/storedAck';
import { storedDoc } from '../support/storedDoc';
import { sectionDocParagraph, sectionDocText } from '../support/chapterText';
import { fileScope, type TestScope } from '../support/testScope';

// A commenter may mark passages for comment threads in a section's document, and nothing else:
// the sync server checks every update a commenter sends. Each forbidden change is tried here over
// a stock y-websocket client, the way a hostile script would send it.

let database: TempDatabase;
let server: SyncServer;
before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  server = await startTestSyncServer(fileScope(t), database.prisma);
});

const TEXT = 'Rain on the lot all night.';

/** A book in sections whose first chapter's paragraph holds TEXT, with its owner connected to that chapter. */
async function chapterWithText(t: TestScope, title: string) {
  const manuscript = newManuscript(title);
  const chapterId = manuscript.sections.find((section) => section.kind === 'chapter')!.id;
  const { id, owner } = await createOwnedManuscript(database.prisma, title, { layout: 'sections', manuscript });
  const room = `${id}/${chapterId}`;
  const writer = connectStockClient(t, server.port, room, owner.token);
  await writer.synced;
  sectionDocParagraph(writer.doc).insert(0, TEXT);
  await storedAck(writer, 1);
  return { id, chapterId, room, writer };
}

/** The reasons the server gave this client for refusing its changes (y-protocols' auth message). */
function refusals(client: StockClient): string[] {
  const reasons: string[] = [];
  client.provider.messageHandlers[2] = (_encoder, decoder) => authProtocol.readAuthMessage(decoder, client.doc, (_doc, reason) => reasons.push(reason));
  return reasons;
}

/** The thread ids marked on the chapter's first paragraph, by run of text. */
function commentRuns(doc: Y.Doc): Array<[string, string[]]> {
  const chapter = readSectionContent(doc).content![0];
  const paragraph = chapter.content!.find((node) => node.type === 'paragraph')!;
  return (paragraph.content ?? []).map((run) => [run.text!, (run.marks ?? []).filter((m) => m.type === 'comment').map((m) => m.attrs!.threadId as string)]);
}

test('a commenter’s comment mark is applied, relayed to co-writers and stored; nothing is refused', async (t) => {
  const { id, chapterId, room, writer } = await chapterWithText(t, 'Commented on');
  const commenter = await createMember(database.prisma, id, 'commenter');
  const client = connectStockClient(t, server.port, room, commenter.token);
  const reasons = refusals(client);
  await client.synced;
  sectionDocParagraph(client.doc).format(0, 4, { comment: { threadId: 'thread000001' } });
  sectionDocParagraph(client.doc).format(2, 10, { 'comment--AAAAAAAA': { threadId: 'thread000002' } });
  await storedAck(client, 1);
  await retryUntil(() =>
    assert.deepEqual(commentRuns(writer.doc), [
      ['Ra', ['thread000001']],
      ['in', ['thread000001', 'thread000002']],
      [' on the ', ['thread000002']],
      ['lot all night.', []],
    ]),
  );
  assert.deepEqual(commentRuns(await storedDoc(database.prisma, id, chapterId)), commentRuns(writer.doc));
  assert.equal(sectionDocText(writer.doc), TEXT);
  assert.deepEqual(reasons, []);

  // Taking a mark off again is a comment change too.
  sectionDocParagraph(client.doc).format(0, TEXT.length, { comment: null });
  await storedAck(client, 2);
  await retryUntil(() => assert.ok(commentRuns(writer.doc).every(([, threads]) => !threads.includes('thread000001'))));
  assert.deepEqual(reasons, []);
});

test('a commenter’s own suggestions (text proposed, text proposed for deletion, withdrawn) are kept and relayed', async (t) => {
  const { id, chapterId, room, writer } = await chapterWithText(t, 'Suggested in');
  const commenter = await createMember(database.prisma, id, 'commenter');
  const client = connectStockClient(t, server.port, room, commenter.token);
  const reasons = refusals(client);
  await client.synced;
  const own = `${commenter.userId}|${Date.now().toString(36)}|abc`;
  sectionDocParagraph(client.doc).insert(4, ' heavy', { insertion: { id: own } });
  sectionDocParagraph(client.doc).format(0, 4, { deletion: { id: own } });
  await storedAck(client, 1);
  /** The first paragraph's runs as [text, suggestion kind or ''] pairs. */
  const runs = (doc: Y.Doc) => {
    const paragraph = readSectionContent(doc).content![0].content!.find((node) => node.type === 'paragraph')!;
    return (paragraph.content ?? []).map((run) => [run.text, run.marks?.find((m) => m.type === 'insertion' || m.type === 'deletion')?.type ?? '']);
  };
  const proposed = [
    ['Rain', 'deletion'],
    [' heavy', 'insertion'],
    [' on the lot all night.', ''],
  ];
  await retryUntil(() => assert.deepEqual(runs(writer.doc), proposed));
  assert.deepEqual(runs(await storedDoc(database.prisma, id, chapterId)), proposed);
  // The text as accepted (what word counts read) has not changed.
  assert.equal(sectionDocText(writer.doc), TEXT);
  // Withdrawn: the proposed word deleted, the proposed deletion unmarked.
  sectionDocParagraph(client.doc).delete(4, ' heavy'.length);
  sectionDocParagraph(client.doc).format(0, 4, { deletion: null });
  await storedAck(client, 2);
  await retryUntil(() => assert.deepEqual(runs(writer.doc), [[TEXT, '']]));
  assert.deepEqual(reasons, []);
});

test('a commenter cannot accept or reject a co-writer’s suggestion', async (t) => {
  const { id, room, writer } = await chapterWithText(t, 'Not yours to settle');
  const editor = await createMember(database.prisma, id, 'editor');
  const theirs = `${editor.userId}|${Date.now().toString(36)}|abc`;
  sectionDocParagraph(writer.doc).insert(4, ' heavy', { insertion: { id: theirs } });
  await storedAck(writer, 2);
  const commenter = await createMember(database.prisma, id, 'commenter');
  const client = connectStockClient(t, server.port, room, commenter.token);
  const reasons = refusals(client);
  await client.synced;
  sectionDocParagraph(client.doc).format(4, ' heavy'.length, { insertion: null }); // accepting
  await storedAck(client, 1);
  await retryUntil(() => assert.deepEqual(reasons, [COMMENT_ONLY_REASON]));
  assert.match(JSON.stringify(readSectionContent(writer.doc)), /"insertion"/);
});

test('a commenter or viewer reconnecting with a kept copy (deletions included) is not told of a refused change', async (t) => {
  const { id, room, writer } = await chapterWithText(t, 'Reconnected');
  sectionDocParagraph(writer.doc).delete(0, 5); // a deletion in the chapter
  await storedAck(writer, 2);
  const editor = await createMember(database.prisma, id, 'editor');
  const book = connectStockClient(t, server.port, id, editor.token);
  await book.synced;
  // The server rewrites the chapter's word count in the book, which leaves deletions there too.
  await retryUntil(() => assert.ok(book.doc.store.clients.size > 0 && [...Y.decodeUpdate(Y.encodeStateAsUpdate(book.doc)).ds.clients].length > 0));
  for (const role of ['commenter', 'viewer'] as const) {
    const member = await createMember(database.prisma, id, role);
    for (const [target, source] of [
      [room, writer.doc],
      [id, book.doc],
    ] as const) {
      // What the browser kept from an earlier visit: everything the room had, deletions included.
      const kept = new Y.Doc();
      Y.applyUpdate(kept, Y.encodeStateAsUpdate(source));
      const client = connectStockClient(t, server.port, target, member.token, kept);
      const reasons = refusals(client);
      await client.synced;
      await storedAck(client, 1);
      assert.deepEqual(reasons, [], `${role} in ${target === id ? 'the book' : 'the chapter'}`);
      client.destroy();
    }
  }
});

const FORBIDDEN: Record<string, (doc: Y.Doc) => void> = {
  'typing text': (doc) => sectionDocParagraph(doc).insert(0, 'FORGED '),
  'typing text that carries a comment mark': (doc) => sectionDocParagraph(doc).insert(0, 'FORGED ', { comment: { threadId: 'thread000009' } }),
  'deleting text': (doc) => sectionDocParagraph(doc).delete(0, 5),
  'making text bold': (doc) => sectionDocParagraph(doc).format(0, 4, { bold: {} }),
  'sending a comment mark and bold together': (doc) => sectionDocParagraph(doc).format(0, 4, { comment: { threadId: 'thread000009' }, bold: {} }),
  'changing an element’s attribute': (doc) => (sectionContent(doc).get(0) as Y.XmlElement).setAttribute('id', 'forged'),
  'adding a paragraph': (doc) => (sectionContent(doc).get(0) as Y.XmlElement).push([new Y.XmlElement('paragraph')]),
  'writing a new root type': (doc) => doc.getMap('forged').set('comment', 'x'),
  'proposing text in another member’s name': (doc) => sectionDocParagraph(doc).insert(0, 'FORGED ', { insertion: { id: 'someone-else|0|1' } }),
  'proposing a deletion in another member’s name': (doc) => sectionDocParagraph(doc).format(0, 4, { deletion: { id: 'someone-else|0|1' } }),
  'proposing text with an id that names nobody': (doc) => sectionDocParagraph(doc).insert(0, 'FORGED ', { insertion: { id: 7 } }),
  'sending a comment-like key the editors cannot read (their binding would drop the text)': (doc) => sectionDocParagraph(doc).format(0, 4, { 'comment--x': { threadId: 'thread000009' } }),
  'typing an invisible character': (doc) => sectionDocParagraph(doc).insert(3, '\u200B'),
};

for (const [change, make] of Object.entries(FORBIDDEN)) {
  test(`a commenter ${change} in a chapter’s room: refused, told why, nothing relayed or stored`, async (t) => {
    const { id, chapterId, room, writer } = await chapterWithText(t, `Forbidden: ${change}`);
    const commenter = await createMember(database.prisma, id, 'commenter');
    const client = connectStockClient(t, server.port, room, commenter.token);
    const reasons = refusals(client);
    await client.synced;
    const before = JSON.stringify(readSectionContent(writer.doc));
    make(client.doc);
    await storedAck(client, 1);
    await retryUntil(() => assert.deepEqual(reasons, [COMMENT_ONLY_REASON]));
    sectionDocParagraph(writer.doc).insert(TEXT.length, ' Still here.');
    await storedAck(writer, 2); // anything relayed before this reply has reached the writer
    const after = readSectionContent(writer.doc);
    assert.equal(sectionDocText(writer.doc), `${TEXT} Still here.`);
    assert.equal(JSON.stringify(after).replace(' Still here.', ''), before);
    assert.equal(sectionDocText(await storedDoc(database.prisma, id, chapterId)), `${TEXT} Still here.`);
    const authors = await database.prisma.manuscriptUpdate.findMany({ where: { manuscriptId: id, userId: commenter.userId } });
    assert.equal(authors.length, 0, 'an update of the commenter was stored');
  });
}

test('a commenter cannot change the book document (its title, its sections), even with a comment key', async (t) => {
  const { id } = await chapterWithText(t, 'The book stays');
  const commenter = await createMember(database.prisma, id, 'commenter');
  const book = connectStockClient(t, server.port, id, commenter.token);
  const ownerBook = connectStockClient(t, server.port, id, (await createMember(database.prisma, id, 'editor')).token);
  const reasons = refusals(book);
  await Promise.all([book.synced, ownerBook.synced]);
  const title = metaMap(ownerBook.doc).get('title');
  metaMap(book.doc).set('title', 'Forged');
  metaMap(book.doc).set('comment', { threadId: 'thread000009' });
  await storedAck(book, 1);
  await retryUntil(() => assert.equal(reasons.length, 1));
  assert.equal(reasons[0], COMMENT_ONLY_REASON);
  await storedAck(ownerBook, 2);
  assert.equal(metaMap(ownerBook.doc).get('title'), title);
  assert.equal(metaMap(ownerBook.doc).get('comment'), undefined);
});
