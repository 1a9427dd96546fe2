import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { automaticRevisions } from '../../server/revisions/automaticRevisions';
import { listRevisions } from '../../server/revisions/listRevisions';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient } from '../support/stockClient';
import { createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { retryUntil } from '../support/retryUntil';
import { firstChapterId, firstParagraphText, sectionDocParagraph } from '../support/chapterText';
import { storedAck } from '../support/storedAck';
import { newManuscript } from '../../server/manuscripts/newManuscript';
import { fileScope } from '../support/testScope';

let database: TempDatabase;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a revision is made when the writers pause, with no one leaving, and none while nothing changes', async (t) => {
  const IDLE_MS = 400;
  const server = await startTestSyncServer(t, database.prisma, { revisions: automaticRevisions(database.prisma, { idleMs: IDLE_MS, maxIntervalMs: 60_000 }) });
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Pause');
  const writer = connectStockClient(t, server.port, id, owner.token);
  await writer.synced;
  const paragraph = () => firstParagraphText(writer.doc, firstChapterId(writer.doc));
  // Typing with gaps well under the pause: no revision yet.
  for (const word of ['one ', 'two ', 'three ', 'four ']) {
    paragraph().insert(paragraph().length, word);
    await sleep(IDLE_MS / 4);
  }
  assert.equal((await listRevisions(database.prisma, id)).length, 0, 'a revision was made while the writer was still typing');

  const [revision] = await retryUntil(async () => {
    const revisions = await listRevisions(database.prisma, id);
    assert.equal(revisions.length, 1);
    return revisions;
  }, { timeoutMs: 5000 });
  assert.equal(revision.kind, 'auto');
  assert.deepEqual(revision.summary.authors.map((a) => [a.name, a.added]), [['Owner', 4]]);
  assert.ok(writer.provider.wsconnected, 'the writer is still connected: the revision came from the pause');

  // A pause with nothing written makes no revision; writing again and pausing makes the next.
  await sleep(IDLE_MS * 3);
  assert.equal((await listRevisions(database.prisma, id)).length, 1, 'a revision was made with nothing changed');
  paragraph().insert(paragraph().length, 'five');
  await retryUntil(async () => assert.equal((await listRevisions(database.prisma, id)).length, 2), { timeoutMs: 5000 });
});

test('during long writing with no pause, a revision is made at least every interval', async (t) => {
  const INTERVAL_MS = 500;
  const server = await startTestSyncServer(t, database.prisma, { revisions: automaticRevisions(database.prisma, { idleMs: 60_000, maxIntervalMs: INTERVAL_MS }) });
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Marathon');
  const writer = connectStockClient(t, server.port, id, owner.token);
  await writer.synced;
  const paragraph = () => firstParagraphText(writer.doc, firstChapterId(writer.doc));
  // Types a word every 50 ms for 2.2 s: never a pause anywhere near the 60 s idle time.
  const started = Date.now();
  let words = 0;
  while (Date.now() - started < 4 * INTERVAL_MS + 200) {
    paragraph().insert(paragraph().length, `w${words++} `);
    await sleep(50);
  }
  const during = await listRevisions(database.prisma, id);
  assert.ok(during.length >= 3, `only ${during.length} revisions in ${Date.now() - started} ms of writing with a ${INTERVAL_MS} ms interval`);
  assert.ok(during.every((r) => r.kind === 'auto'), 'every revision is automatic');
  const credited = during.reduce((sum, r) => sum + r.summary.authors.reduce((s, a) => s + a.added, 0), 0);
  assert.ok(credited > 0 && credited <= words, `the revisions credit ${credited} of ${words} words`);
  assert.ok(writer.provider.wsconnected, 'the writer is still connected');
});

test('in a book in sections, a section room unloading while a writer stays in another makes no revision; the last writer leaving does', async (t) => {
  const server = await startTestSyncServer(t, database.prisma, { gracePeriodMs: 50 });
  const manuscript = newManuscript('Rooms come and go');
  const [dedication, , chapter] = manuscript.sections.map((section) => section.id);
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Rooms come and go', { layout: 'sections', manuscript });
  const writer = connectStockClient(t, server.port, `${id}/${chapter}`, owner.token);
  await writer.synced;
  sectionDocParagraph(writer.doc).insert(0, 'Still writing here.');
  await storedAck(writer, 1);

  // A second connection visits the dedication and leaves (as a browser's offline copy does).
  const visitor = connectStockClient(t, server.port, `${id}/${dedication}`, owner.token);
  await visitor.synced;
  sectionDocParagraph(visitor.doc).insert(0, 'For B.');
  await storedAck(visitor, 2);
  visitor.destroy();
  await retryUntil(async () => assert.ok(!(await server.registry.loadedRooms()).some((room) => room.docName === dedication), 'the dedication room has not unloaded'), { timeoutMs: 5000 });
  await sleep(300);
  assert.equal((await listRevisions(database.prisma, id)).length, 0, 'a revision was cut while the writer was still writing');

  writer.destroy();
  const [revision] = await retryUntil(async () => {
    const revisions = await listRevisions(database.prisma, id);
    assert.equal(revisions.length, 1, 'the last writer leaving made no revision');
    return revisions;
  }, { timeoutMs: 5000 });
  assert.deepEqual(revision.summary.authors.map((author) => [author.name, author.added]), [['Owner', 5]]);
});
