import { before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { SyncServer } from '../../server/sync/createSyncServer';
import { addSection } from '@model/manuscript/sectionOperations';
import { renameChapter } from '@model/manuscript/sectionTitle';
import { revisionNamer } from '../../server/revisions/revisionNamer';
import { revisionRestorer } from '../../server/revisions/revisionRestorer';
import { listRevisions } from '../../server/revisions/listRevisions';
import { compareRevisions } from '../../server/revisions/compareRevisions';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient, type StockClient } from '../support/stockClient';
import { createMember, createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { retryUntil } from '../support/retryUntil';
import { storedAck } from '../support/storedAck';
import { firstChapterId, firstParagraphText, sectionText } from '../support/chapterText';
import { fileScope } from '../support/testScope';

let database: TempDatabase;
let server: SyncServer;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  server = await startTestSyncServer(fileScope(t), database.prisma);
  process.env.SYNC_INTERNAL_URL = `ws://127.0.0.1:${server.port}`;
});

/** A stock client of this file's server, destroyed when test `t` ends. */
function connect(t: TestContext, id: string, token: string): StockClient {
  return connectStockClient(t, server.port, id, token);
}

test('a revision credits each writer with the words they added and removed', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Two hands');
  const editor = await createMember(database.prisma, id, 'editor', 'Edith');
  const ada = connect(t, id, owner.token);
  const edith = connect(t, id, editor.token);
  await Promise.all([ada.synced, edith.synced]);
  const chapter = firstChapterId(ada.doc);
  firstParagraphText(ada.doc, chapter).insert(0, 'alpha beta gamma');
  await storedAck(ada, 1);
  const first = await revisionNamer(database.prisma, id, owner.userId, 'Opening');

  // Since that revision: Ada adds one word; Edith removes one of Ada's and adds two.
  const adas = firstParagraphText(ada.doc, chapter);
  adas.insert(adas.length, ' zeta');
  await storedAck(ada, 2);
  await retryUntil(() => assert.equal(sectionText(edith.doc, chapter), 'alpha beta gamma zeta'));
  const text = firstParagraphText(edith.doc, chapter);
  text.delete('alpha '.length, 'beta '.length);
  text.insert(text.length, ' delta epsilon');
  await storedAck(edith, 1);

  const revisionId = await revisionNamer(database.prisma, id, owner.userId, 'Second pass');
  const [revision, opening] = await listRevisions(database.prisma, id);
  assert.equal(revision.id, revisionId);
  assert.equal(opening.id, first);
  assert.equal(revision.name, 'Second pass');
  assert.deepEqual(Object.fromEntries(opening.summary.authors.map((a) => [a.name, [a.added, a.removed]])), { Owner: [3, 0] });
  const byName = Object.fromEntries(revision.summary.authors.map((a) => [a.name, [a.added, a.removed]]));
  assert.deepEqual(byName, { Owner: [1, 0], Edith: [2, 1] });
  assert.deepEqual(
    revision.summary.sections.map((s) => [s.label, s.status, s.added, s.removed]),
    [['Chapter 1', 'changed', 3, 1]],
  );
  assert.equal(revision.wordCount, 5);
  assert.deepEqual((await listRevisions(database.prisma, id, { userId: editor.userId })).map((r) => r.id), [revisionId]);
  assert.deepEqual((await listRevisions(database.prisma, id, { sectionId: chapter })).length, 2);
});

test('restoring one chapter leaves the others’ newer edits; the restore is a revision and can be undone', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Restore');
  const ada = connect(t, id, owner.token);
  await ada.synced;
  const one = firstChapterId(ada.doc);
  const two = addSection(ada.doc, 'chapter', { title: 'Two' });
  renameChapter(ada.doc, one, 'One');
  firstParagraphText(ada.doc, one).insert(0, 'Chapter one as drafted.');
  firstParagraphText(ada.doc, two).insert(0, 'Chapter two as drafted. Doomed sentence.');
  await storedAck(ada, 1);
  const drafted = await revisionNamer(database.prisma, id, owner.userId, 'Drafted');

  const oneText = firstParagraphText(ada.doc, one);
  oneText.delete(0, oneText.length);
  oneText.insert(0, 'Chapter one rewritten.');
  const twoText = firstParagraphText(ada.doc, two);
  twoText.delete('Chapter two as drafted.'.length, twoText.length - 'Chapter two as drafted.'.length);
  twoText.insert(twoText.length, ' And newer.');
  await storedAck(ada, 2);

  const restoreId = await revisionRestorer(database.prisma, { manuscriptId: id, revisionId: drafted, userId: owner.userId, sectionId: two, label: 'Two' });
  await retryUntil(() => {
    assert.equal(sectionText(ada.doc, two), 'Two\nChapter two as drafted. Doomed sentence.');
    assert.equal(sectionText(ada.doc, one), 'One\nChapter one rewritten.');
  });
  const reader = connect(t, id, owner.token);
  await reader.synced;
  assert.equal(sectionText(reader.doc, two), 'Two\nChapter two as drafted. Doomed sentence.');

  const history = await listRevisions(database.prisma, id);
  assert.equal(history[0].id, restoreId);
  assert.equal(history[0].kind, 'restore');
  assert.match(history[0].name ?? '', /^Restored Two to “Drafted”$/);
  const beforeRestore = history[1];
  assert.equal(beforeRestore.kind, 'auto');

  await revisionRestorer(database.prisma, { manuscriptId: id, revisionId: beforeRestore.id, userId: owner.userId, label: 'the book' });
  await retryUntil(() => assert.equal(sectionText(ada.doc, two), 'Two\nChapter two as drafted. And newer.'));
  assert.equal(sectionText(ada.doc, one), 'One\nChapter one rewritten.');
});

test('comparing a revision with now finds the changed words', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Compare');
  const ada = connect(t, id, owner.token);
  await ada.synced;
  const chapter = firstChapterId(ada.doc);
  firstParagraphText(ada.doc, chapter).insert(0, 'The night was dark.');
  await storedAck(ada, 1);
  const first = await revisionNamer(database.prisma, id, owner.userId, 'v1');
  const text = firstParagraphText(ada.doc, chapter);
  text.delete('The night was '.length, 'dark'.length);
  text.insert('The night was '.length, 'long and cold');
  await storedAck(ada, 2);
  const diff = await compareRevisions(database.prisma, id, first, 'now');
  const changed = diff.sections.find((s) => s.id === chapter)!;
  assert.equal(changed.status, 'changed');
  assert.deepEqual(
    changed.blocks.flatMap((b) => b.parts.filter((p) => p.change).map((p) => [p.change, p.text])),
    [
      ['deleted', 'dark'],
      ['inserted', 'long and cold'],
    ],
  );
});

test('the sync server makes a revision when the last writer leaves, and none when nothing changed', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Automatic');
  const ada = connect(t, id, owner.token);
  await ada.synced;
  firstParagraphText(ada.doc, firstChapterId(ada.doc)).insert(0, 'Written, then left.');
  await storedAck(ada, 1);
  ada.destroy();
  await retryUntil(async () => assert.equal((await listRevisions(database.prisma, id)).length, 1));
  const [revision] = await listRevisions(database.prisma, id);
  assert.equal(revision.kind, 'auto');
  assert.deepEqual(revision.summary.authors.map((a) => [a.name, a.added]), [['Owner', 3]]);

  const again = connect(t, id, owner.token);
  await again.synced;
  again.destroy();
  await retryUntil(async () => assert.ok(!(await server.registry.loadedRooms()).some((r) => r.manuscriptId === id), 'the room is still loaded'));
  assert.equal((await listRevisions(database.prisma, id)).length, 1);
});
