import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as authProtocol from 'y-protocols/auth';
import type { SyncServer } from '../../server/sync/createSyncServer';
import { newManuscript } from '../../server/manuscripts/newManuscript';
import { writingProgress } from '../../server/progress/writingProgress';
import { progressQueryFromParams } from '../../server/progress/progressQueryInput';
import { sectionsRevisionCreator } from '../../server/revisions/sectionsRevisionCreator';
import { HttpError } from '../../server/http/HttpError';
import { replaceInBook } from '../../server/search/replaceInBook';
import { readBookTarget, readSectionTarget, setBookTarget, setSectionTarget } from '@model/progress/writingTargets';
import { BOOK_DOCUMENT } from '@model/manuscript/bookDocument';
import { newId } from '@model/manuscript/newId';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient, type StockClient } from '../support/stockClient';
import { createMember, createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { retryUntil } from '../support/retryUntil';
import { storedAck } from '../support/storedAck';
import { storedDoc } from '../support/storedDoc';
import { sectionDocParagraph } from '../support/chapterText';
import { fileScope, type TestScope } from '../support/testScope';

// Progress is counted from the attributed history: each writer's words, from what the sync
// server logged as theirs, whether or not a revision has been made since.

let database: TempDatabase;
let server: SyncServer;
before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  server = await startTestSyncServer(fileScope(t), database.prisma);
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** A book in sections with two chapters, its owner and an editor. */
async function twoChapterBook(title: string) {
  const manuscript = newManuscript(title);
  const first = manuscript.sections.find((section) => section.kind === 'chapter')!;
  const second = newId();
  manuscript.sections.push({ ...structuredClone(first), id: second });
  const { id, owner } = await createOwnedManuscript(database.prisma, title, { layout: 'sections', manuscript });
  const editor = await createMember(database.prisma, id, 'editor', 'Omar');
  return { id, owner, editor, chapters: [first.id, second] };
}

/** Types `text` at the start of a chapter's first paragraph as the holder of `token`, and waits until it is stored. */
async function write(t: TestScope, room: string, token: string, text: string): Promise<StockClient> {
  const client = connectStockClient(t, server.port, room, token);
  await client.synced;
  sectionDocParagraph(client.doc).insert(0, text);
  await storedAck(client, 1);
  return client;
}

test('each co-writer is credited today with the words they wrote, before any revision and after one, never twice', async (t) => {
  const { id, owner, editor, chapters } = await twoChapterBook('Counted');
  const revisionsBefore = await database.prisma.revision.count({ where: { manuscriptId: id } });
  await write(t, `${id}/${chapters[0]}`, owner.token, 'One two three four. ');
  await write(t, `${id}/${chapters[1]}`, editor.token, 'Five six. ');

  const now = new Date();
  const progress = await writingProgress(database.prisma, id, { days: 30, timeZone: 'UTC', now });
  assert.equal(progress.days.length, 30);
  const added = Object.fromEntries(progress.writers.map((w) => [w.name, w.perDay.at(-1)!.added]));
  assert.deepEqual(added, { Owner: 4, Omar: 2 });
  assert.deepEqual(progress.writers.map((w) => w.streak), [1, 1]);
  assert.equal(progress.streak, 1);
  assert.ok(progress.writers.every((w) => /^#[0-9a-f]{6}$/.test(w.color)));
  assert.notEqual(progress.writers[0].color, progress.writers[1].color);
  // Asking records nothing.
  assert.equal(await database.prisma.revision.count({ where: { manuscriptId: id } }), revisionsBefore);

  // A revision takes in what was written; more writing after it is counted on top, not again.
  const revisionId = await sectionsRevisionCreator(database.prisma, id, new Map(), { kind: 'auto' });
  assert.ok(revisionId);
  // The revision knows when its last words were written: the day they count on.
  const revision = await database.prisma.revision.findUniqueOrThrow({ where: { id: revisionId }, select: { createdAt: true, writtenAt: true } });
  assert.ok(revision.writtenAt && revision.writtenAt <= revision.createdAt && revision.writtenAt.getTime() > now.getTime() - 60_000);
  await write(t, `${id}/${chapters[0]}`, owner.token, 'Seven eight nine. ');
  // The book's size reads an unchanged chapter's count from the book document, which the sync
  // server brings up to date a moment after the writing: wait for it.
  const later = await retryUntil(
    async () => {
      const counted = await writingProgress(database.prisma, id, { days: 30, timeZone: 'UTC' });
      assert.equal(counted.bookWords.at(-1)! - progress.bookWords.at(-1)!, 3);
      return counted;
    },
    { intervalMs: 100 },
  );
  assert.deepEqual(Object.fromEntries(later.writers.map((w) => [w.name, w.added])), { Owner: 7, Omar: 2 });
  const bookToday = later.bookWords.at(-1)!;

  // Seen from tomorrow: the words are yesterday's, and the streaks are still alive.
  const tomorrow = await writingProgress(database.prisma, id, { days: 30, timeZone: 'UTC', now: new Date(now.getTime() + DAY_MS) });
  assert.deepEqual(tomorrow.writers.map((w) => [w.name, w.perDay.at(-2)!.added, w.perDay.at(-1)!.added, w.streak]), [
    ['Owner', 7, 0, 1],
    ['Omar', 2, 0, 1],
  ]);
  assert.equal(tomorrow.bookWords.at(-1), bookToday);
});

test('a replace-all is credited in the history but is nobody’s writing', async (t) => {
  process.env.SYNC_INTERNAL_URL = `ws://127.0.0.1:${server.port}`;
  const { id, owner, editor, chapters } = await twoChapterBook('Replaced');
  await write(t, `${id}/${chapters[1]}`, editor.token, 'Lena waved at Lena. ');
  const outcome = await replaceInBook(database.prisma, { manuscriptId: id, userId: owner.userId, query: { text: 'Lena', matchCase: true, wholeWords: true, regex: false, includeSuggestions: false }, replacement: 'Lina Marie' });
  assert.equal(outcome.replaced, 2);
  const named = await database.prisma.revision.findUniqueOrThrow({ where: { id: outcome.revisionId! }, select: { summary: true } });
  const ownerInHistory = (JSON.parse(named.summary) as { authors: Array<{ userId: string; added: number; notWritten?: number }> }).authors.find((a) => a.userId === owner.userId)!;
  // The history credits whoever replaced with what they put in (at least the four new words)…
  assert.ok(ownerInHistory.added >= 4);
  assert.equal(ownerInHistory.notWritten, ownerInHistory.added);
  // …and Progress counts none of it as their writing, while Omar keeps his.
  const progress = await writingProgress(database.prisma, id, { days: 30, timeZone: 'UTC' });
  assert.deepEqual(progress.writers.map((w) => [w.name, w.added]), [
    ['Omar', 4],
    ['Owner', 0],
  ]);
});

test('a range other than 30 or 90 days, or a time zone the server does not know, is refused with a message', () => {
  assert.deepEqual(progressQueryFromParams(new URLSearchParams('days=90&timeZone=Asia/Tokyo')), { days: 90, timeZone: 'Asia/Tokyo' });
  assert.deepEqual(progressQueryFromParams(new URLSearchParams('')), { days: 30, timeZone: 'UTC' });
  assert.deepEqual(progressQueryFromParams(new URLSearchParams('timeZone=asia/tOKYO')), { days: 30, timeZone: 'Asia/Tokyo' });
  for (const query of ['days=7', 'days=1e9', 'days=30&timeZone=Nowhere/Atlantis', `timeZone=${'A'.repeat(200)}`]) {
    assert.throws(() => progressQueryFromParams(new URLSearchParams(query)), (error: unknown) => error instanceof HttpError && error.status === 400 && error.message.length > 0, query);
  }
});

test('owners and editors set the book’s and chapters’ targets live for every co-writer; a commenter’s or viewer’s attempt is refused', async (t) => {
  const { id, editor, chapters } = await twoChapterBook('Targets');
  const commenter = await createMember(database.prisma, id, 'commenter');
  const viewer = await createMember(database.prisma, id, 'viewer');
  const editorBook = connectStockClient(t, server.port, id, editor.token);
  const commenterBook = connectStockClient(t, server.port, id, commenter.token);
  const viewerBook = connectStockClient(t, server.port, id, viewer.token);
  const refused: string[] = [];
  for (const client of [commenterBook, viewerBook]) client.provider.messageHandlers[2] = (_encoder, decoder) => authProtocol.readAuthMessage(decoder, client.doc, (_doc, reason) => refused.push(reason));
  await Promise.all([editorBook.synced, commenterBook.synced, viewerBook.synced]);

  setBookTarget(editorBook.doc, { words: 90000, deadline: '2027-03-01' });
  setSectionTarget(editorBook.doc, chapters[1], 3000);
  await storedAck(editorBook, 1);
  await retryUntil(() => assert.deepEqual(readBookTarget(viewerBook.doc), { words: 90000, deadline: '2027-03-01' }));
  assert.equal(readSectionTarget(commenterBook.doc, chapters[1]), 3000);

  setBookTarget(commenterBook.doc, { words: 1, deadline: null });
  setSectionTarget(viewerBook.doc, chapters[0], 5);
  await storedAck(commenterBook, 2);
  await storedAck(viewerBook, 3);
  await retryUntil(() => assert.equal(refused.length, 2));
  const stored = await storedDoc(database.prisma, id, BOOK_DOCUMENT);
  assert.deepEqual(readBookTarget(stored), { words: 90000, deadline: '2027-03-01' });
  assert.equal(readSectionTarget(stored, chapters[0]), null);
  assert.deepEqual(readBookTarget(editorBook.doc), { words: 90000, deadline: '2027-03-01' });
});
