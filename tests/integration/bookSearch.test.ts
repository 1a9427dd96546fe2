import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { JSONContent } from '@tiptap/core';
import type { SyncServer } from '../../server/sync/createSyncServer';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { newId } from '@model/manuscript/newId';
import { replaceInBook } from '../../server/search/replaceInBook';
import { searchBook } from '../../server/search/searchBook';
import { listRevisions } from '../../server/revisions/listRevisions';
import { revisionRestorer } from '../../server/revisions/revisionRestorer';
import { HttpError } from '../../server/http/HttpError';
import { SearchQueryError, type SearchQuery } from '@model/search/searchQuery';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient } from '../support/stockClient';
import { createMember, createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { retryUntil } from '../support/retryUntil';
import { storedAck } from '../support/storedAck';
import { storedDoc } from '../support/storedDoc';
import { sectionDocParagraph, sectionDocText } from '../support/chapterText';
import { fileScope } from '../support/testScope';

let database: TempDatabase;
let server: SyncServer;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  server = await startTestSyncServer(fileScope(t), database.prisma);
  process.env.SYNC_INTERNAL_URL = `ws://127.0.0.1:${server.port}`;
});

const query = (text: string, switches: Partial<SearchQuery> = {}): SearchQuery => ({ text, matchCase: true, wholeWords: false, regex: false, includeSuggestions: false, ...switches });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const text = (value: string, ...marks: Array<{ type: string }>): JSONContent => ({ type: 'text', text: value, ...(marks.length > 0 ? { marks } : {}) });

/** A book naming Lena in its dedication and two of its three chapters. */
function lenaBook(): ManuscriptJson & { ids: { dedication: string; one: string; two: string; three: string } } {
  const ids = { dedication: newId(), one: newId(), two: newId(), three: newId() };
  const chapter = (id: string, title: string, ...paragraphs: JSONContent[]) => ({
    id,
    kind: 'chapter' as const,
    content: { type: 'doc', content: [{ type: 'chapter', content: [{ type: 'chapterTitle', content: [text(title)] }, ...paragraphs] }] },
  });
  return {
    title: 'Lena’s Book',
    ids,
    sections: [
      { id: ids.dedication, kind: 'dedication', content: { type: 'doc', content: [{ type: 'dedication', content: [paragraph(text('For Lena.'))] }] } },
      chapter(ids.one, 'Arrival', paragraph(text('Lena came by boat. '), text('Lena', { type: 'italic' }), text(' was tired.'))),
      chapter(ids.two, 'Night', paragraph(text('Nobody slept.'))),
      chapter(ids.three, 'Lena alone', paragraph(text('Then Lena left; Lenaig stayed.'))),
    ],
  };
}

test('a book is searched in every section, front matter and titles included, and a co-writer’s new text is found once stored', async (t) => {
  const book = lenaBook();
  const { id, owner } = await createOwnedManuscript(database.prisma, book.title, { layout: 'sections', manuscript: book });
  const listing = await searchBook(database.prisma, id, query('Lena', { wholeWords: true }));
  assert.deepEqual(
    listing.sections.map((section) => [section.sectionId, section.count]),
    [
      [book.ids.dedication, 1],
      [book.ids.one, 2],
      [book.ids.three, 2],
    ],
  );
  assert.equal(listing.total, 5);
  assert.deepEqual(listing.sections[1].hits.map((hit) => [hit.before, hit.text, hit.after]), [['', 'Lena', ' came by boat. Lena was tired.'], ['Lena came by boat. ', 'Lena', ' was tired.']]);

  const writer = connectStockClient(t, server.port, `${id}/${book.ids.two}`, owner.token);
  await writer.synced;
  sectionDocParagraph(writer.doc).insert(0, 'Lena dreamt. ');
  await storedAck(writer, 1);
  const again = await searchBook(database.prisma, id, query('Lena', { wholeWords: true }));
  assert.equal(again.total, 6);
  assert.deepEqual(again.sections.find((section) => section.sectionId === book.ids.two)?.hits.map((hit) => hit.text), ['Lena']);
});

test('replace all: one change per section that a co-writer sees live, credited and named in the history, formatting kept, undone by restoring the revision before', async (t) => {
  const book = lenaBook();
  const { id, owner } = await createOwnedManuscript(database.prisma, book.title, { layout: 'sections', manuscript: book });
  const coWriter = connectStockClient(t, server.port, `${id}/${book.ids.one}`, owner.token);
  await coWriter.synced;

  const outcome = await replaceInBook(database.prisma, { manuscriptId: id, userId: owner.userId, query: query('Lena', { wholeWords: true }), replacement: 'Lina' });
  assert.equal(outcome.replaced, 5);
  assert.equal(outcome.sections, 3);
  await retryUntil(() => assert.equal(sectionDocText(coWriter.doc), 'Arrival\nLina came by boat. Lina was tired.'));
  const stored = await storedDoc(database.prisma, id, book.ids.three);
  assert.equal(sectionDocText(stored), 'Lina alone\nThen Lina left; Lenaig stayed.', 'whole words: Lenaig is another name');
  // The italic name is still italic.
  const chapterOne = await storedDoc(database.prisma, id, book.ids.one);
  assert.match(JSON.stringify(chapterOne.getXmlFragment('section').toJSON()), /<italic>Lina<\/italic>/);

  const history = await listRevisions(database.prisma, id, {});
  assert.equal(history[0].name, 'Replaced “Lena” with “Lina” (5)');
  assert.equal(history[0].id, outcome.revisionId);
  const named = await database.prisma.revision.findUniqueOrThrow({ where: { id: outcome.revisionId! }, select: { createdById: true } });
  assert.equal(named.createdById, owner.userId, 'the revision is credited to who replaced');
  const rows = await database.prisma.manuscriptUpdate.findMany({ where: { manuscriptId: id, docName: book.ids.three }, select: { userId: true } });
  assert.ok(rows.length > 0 && rows.every((row) => row.userId === owner.userId), 'the change is credited to who replaced');

  const before = history[1];
  await revisionRestorer(database.prisma, { manuscriptId: id, revisionId: before.id, userId: owner.userId, label: 'before' });
  await retryUntil(() => assert.equal(sectionDocText(coWriter.doc), 'Arrival\nLena came by boat. Lena was tired.'));
  assert.equal(sectionDocText(await storedDoc(database.prisma, id, book.ids.dedication)), 'For Lena.');
});

test('replace all in one section leaves the others alone; an expression’s groups fill the replacement', async () => {
  const book = lenaBook();
  const { id, owner } = await createOwnedManuscript(database.prisma, book.title, { layout: 'sections', manuscript: book });
  const outcome = await replaceInBook(database.prisma, {
    manuscriptId: id,
    userId: owner.userId,
    query: query('(Len)a\\b', { regex: true }),
    replacement: '$1ora',
    sectionId: book.ids.three,
  });
  assert.deepEqual([outcome.replaced, outcome.sections], [2, 1]);
  assert.equal(sectionDocText(await storedDoc(database.prisma, id, book.ids.three)), 'Lenora alone\nThen Lenora left; Lenaig stayed.');
  assert.equal(sectionDocText(await storedDoc(database.prisma, id, book.ids.dedication)), 'For Lena.');
});

test('viewers and commenters may search but not replace; nothing changes and no revision is made', async () => {
  const book = lenaBook();
  const { id } = await createOwnedManuscript(database.prisma, book.title, { layout: 'sections', manuscript: book });
  for (const role of ['viewer', 'commenter'] as const) {
    const member = await createMember(database.prisma, id, role, role);
    assert.equal((await searchBook(database.prisma, id, query('Lena'))).total, 6);
    await assert.rejects(
      replaceInBook(database.prisma, { manuscriptId: id, userId: member.userId, query: query('Lena'), replacement: 'Lina' }),
      (error: unknown) => error instanceof HttpError && error.status === 403,
    );
  }
  assert.equal(sectionDocText(await storedDoc(database.prisma, id, book.ids.dedication)), 'For Lena.');
  assert.equal(await database.prisma.revision.count({ where: { manuscriptId: id } }), 0);
});

test('an expression that would backtrack without end is stopped with a clear message, and the next search works', async () => {
  const book = lenaBook();
  book.sections[2].content = { type: 'doc', content: [{ type: 'chapter', content: [{ type: 'chapterTitle' }, paragraph(text('a'.repeat(5000) + '!'))] }] };
  const { id } = await createOwnedManuscript(database.prisma, book.title, { layout: 'sections', manuscript: book });
  await assert.rejects(searchBook(database.prisma, id, query('(a+)+$', { regex: true })), (error: unknown) => error instanceof SearchQueryError && /too long/.test(error.message));
  assert.equal((await searchBook(database.prisma, id, query('Lena'))).total, 6);
});
