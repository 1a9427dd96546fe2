import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import type { SyncServer } from '../../server/sync/createSyncServer';
import { PrismaDocumentStore } from '../../server/persistence/PrismaDocumentStore';
import { BOOK_DOCUMENT, readSectionStats } from '@model/manuscript/bookDocument';
import { listSections } from '@model/manuscript/manuscriptLayout';
import { addSectionEntry, removeSectionEntry } from '@model/manuscript/bookOperations';
import { sectionContent } from '@model/manuscript/sectionDocument';
import { historyDocFromStored } from '../../server/revisions/historyDoc';
import { compareRevisions } from '../../server/revisions/compareRevisions';
import { sectionsRevisionCreator } from '../../server/revisions/sectionsRevisionCreator';
import { parseRevisionSummary } from '../../server/revisions/parseRevisionSummary';
import { sampleManuscript } from '../../prisma/seed/sampleManuscript';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient } from '../support/stockClient';
import { createAccount, createMember, createOwnedManuscript } from '../support/members';
import { signSyncToken } from '../../server/access/syncToken';
import { startTestSyncServer } from '../support/testSyncServer';
import { upgradeStatus } from '../support/upgradeStatus';
import { retryUntil } from '../support/retryUntil';
import { storedAck } from '../support/storedAck';
import { sectionDocParagraph, sectionDocText } from '../support/chapterText';
import { fileScope } from '../support/testScope';

let database: TempDatabase;
let server: SyncServer;
before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  server = await startTestSyncServer(fileScope(t), database.prisma);
});

/** A manuscript in sections with three chapters, an owner and an editor. */
async function bookWithChapters(title: string) {
  const manuscript = sampleManuscript();
  manuscript.title = title;
  const { id, owner } = await createOwnedManuscript(database.prisma, title, { layout: 'sections', manuscript });
  const editor = await createMember(database.prisma, id, 'editor', 'Ada');
  const chapters = manuscript.sections.filter((section) => section.kind === 'chapter').map((section) => section.id);
  return { id, owner, editor, chapters, frontMatter: manuscript.sections.filter((section) => section.kind !== 'chapter').map((section) => section.id) };
}

const storedText = async (manuscriptId: string, docName: string) => {
  const stored = await new PrismaDocumentStore(database.prisma).load(manuscriptId, docName);
  return sectionDocText(historyDocFromStored(stored!));
};

test('two writers in two sections at once: each room relays its own text, the book counts both, storage holds each', async (t) => {
  const { id, owner, editor, frontMatter } = await bookWithChapters('Two rooms');
  const [dedication, epigraphs] = frontMatter;
  const book = connectStockClient(t, server.port, id, owner.token);
  const inDedication = connectStockClient(t, server.port, `${id}/${dedication}`, owner.token);
  const inEpigraphs = connectStockClient(t, server.port, `${id}/${epigraphs}`, editor.token);
  const alsoInEpigraphs = connectStockClient(t, server.port, `${id}/${epigraphs}`, owner.token);
  await Promise.all([book.synced, inDedication.synced, inEpigraphs.synced, alsoInEpigraphs.synced]);
  assert.equal(sectionContent(book.doc).length, 0, 'the book document carries no section text');
  const wordsBefore = readSectionStats(book.doc, dedication)!.words;

  sectionDocParagraph(inDedication.doc).insert(0, 'For the stage crew, ');
  const quote = ((sectionContent(inEpigraphs.doc).get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlElement;
  quote.insert(0, [new Y.XmlText('All the world is a stage. ')]);

  await retryUntil(() => assert.match(sectionDocText(alsoInEpigraphs.doc), /All the world is a stage\./));
  assert.doesNotMatch(sectionDocText(inDedication.doc), /All the world/, 'a section room carries only its own section');
  await retryUntil(() => assert.equal(readSectionStats(book.doc, dedication)?.words, wordsBefore + 4));
  await retryUntil(() => assert.ok((readSectionStats(book.doc, epigraphs)?.words ?? 0) >= 6, 'the epigraphs are counted in the book'));
  await Promise.all([storedAck(inDedication, 1), storedAck(inEpigraphs, 2)]);
  assert.match(await storedText(id, dedication), /^For the stage crew, /);
  assert.match(await storedText(id, epigraphs), /All the world is a stage\./);
});

test('a section room opens only for members and for sections the book lists; a one-document manuscript has none', async (t) => {
  const { id, owner, chapters } = await bookWithChapters('Gated');
  const stranger = await createAccount(database.prisma, 'Stranger');
  const strangerToken = await signSyncToken(stranger.userId, id);
  const base = `ws://127.0.0.1:${server.port}`;
  assert.equal(await upgradeStatus(`${base}/${id}/${chapters[0]}?token=${owner.token}`), 101);
  assert.equal(await upgradeStatus(`${base}/${id}/${chapters[0]}?token=${strangerToken}`), 404, 'a stranger gets what a missing manuscript gets');
  assert.equal(await upgradeStatus(`${base}/${id}/${chapters[0]}`), 401);
  assert.equal(await upgradeStatus(`${base}/${id}/${BOOK_DOCUMENT}?token=${owner.token}`), 404, 'the book is not a section');
  assert.equal(await upgradeStatus(`${base}/${id}/nosuchsection?token=${owner.token}`), 404);
  assert.equal(await upgradeStatus(`${base}/${id}/${chapters[0]}/extra?token=${owner.token}`), 400);
  const old = await createOwnedManuscript(database.prisma, 'Still one document');
  const oldBook = connectStockClient(t, server.port, old.id, old.owner.token);
  await oldBook.synced;
  const [section] = listSections(oldBook.doc);
  assert.equal(await upgradeStatus(`${base}/${old.id}/${section.id}?token=${old.owner.token}`), 404);
});

test('a chapter added in the book opens at once, even before the book change reaches the server', async (t) => {
  const { id, owner, editor } = await bookWithChapters('Growing');
  const book = connectStockClient(t, server.port, id, owner.token);
  const coBook = connectStockClient(t, server.port, id, editor.token);
  await Promise.all([book.synced, coBook.synced]);
  book.provider.disconnect();
  const added = addSectionEntry(book.doc, 'chapter', { title: 'Encore' });
  const writer = connectStockClient(t, server.port, `${id}/${added}`, owner.token);
  // The book reconnects a moment later: the section's upgrade waits for the book to list it.
  setTimeout(() => book.provider.connect(), 300);
  await writer.synced;
  writer.doc.transact(() => {
    sectionContent(writer.doc).insert(0, [new Y.XmlElement('chapter')]);
    const chapter = sectionContent(writer.doc).get(0) as Y.XmlElement;
    const title = new Y.XmlElement('chapterTitle');
    title.insert(0, [new Y.XmlText('Encore')]);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('The lights came up again.')]);
    chapter.insert(0, [title, paragraph]);
  });
  await retryUntil(() => assert.deepEqual(readSectionStats(coBook.doc, added), { title: 'Encore', words: 6 }));
  assert.ok(listSections(coBook.doc).some((section) => section.id === added), 'the co-writer’s binder lists it');
});

test('a section deleted while a co-writer is in it: they keep writing into its document, nobody new gets in, the book does not count it again', async (t) => {
  const { id, owner, editor, chapters } = await bookWithChapters('Cutting');
  const book = connectStockClient(t, server.port, id, owner.token);
  const inside = connectStockClient(t, server.port, `${id}/${chapters[0]}`, editor.token);
  await Promise.all([book.synced, inside.synced]);
  removeSectionEntry(book.doc, chapters[0]);
  await storedAck(book, 1);
  sectionDocParagraph(inside.doc).insert(0, 'Written into a cut chapter. ');
  await storedAck(inside, 2);
  assert.match(await storedText(id, chapters[0]), /\nWritten into a cut chapter\. /, 'nothing typed is lost: a restore can bring it back');
  assert.equal(await upgradeStatus(`ws://127.0.0.1:${server.port}/${id}/${chapters[0]}?token=${owner.token}`), 404);
  await new Promise((resolve) => setTimeout(resolve, 800));
  assert.equal(readSectionStats(book.doc, chapters[0]), undefined, 'the cut chapter gets no count back');
});

test('section rooms unload after their grace period, then the book; the library summary is the sum of the sections', async (t) => {
  const { id, owner, chapters } = await bookWithChapters('Unloading');
  const writer = connectStockClient(t, server.port, `${id}/${chapters[0]}`, owner.token);
  await writer.synced;
  const loaded = async () => (await server.registry.loadedRooms()).filter((room) => room.manuscriptId === id).map((room) => room.docName).sort();
  assert.deepEqual(await loaded(), [BOOK_DOCUMENT, chapters[0]].sort(), 'a section keeps its book loaded, and nothing else');
  sectionDocParagraph(writer.doc).insert(0, 'Five more words right here. ');
  await storedAck(writer, 1);
  writer.destroy();
  await retryUntil(async () => assert.deepEqual(await loaded(), []));
  const row = await database.prisma.manuscript.findUniqueOrThrow({ where: { id }, select: { wordCount: true, title: true } });
  const book = connectStockClient(t, server.port, id, owner.token);
  await book.synced;
  const total = listSections(book.doc).reduce((sum, section) => sum + (readSectionStats(book.doc, section.id)?.words ?? 0), 0);
  assert.equal(row.title, 'Unloading');
  assert.equal(row.wordCount, total, 'the library shows the sum of the counts the book holds');
});

test('revisions cover every section: who wrote what where, and any two compare', async (t) => {
  const { id, owner, editor, chapters, frontMatter } = await bookWithChapters('History');
  // A named revision of the book as created, read from storage alone (no room is open).
  await sectionsRevisionCreator(database.prisma, id, new Map(), { kind: 'named', name: 'As created', createdById: owner.userId });
  const first = connectStockClient(t, server.port, `${id}/${chapters[0]}`, owner.token);
  await first.synced;
  const dedication = connectStockClient(t, server.port, `${id}/${frontMatter[0]}`, editor.token);
  await dedication.synced;
  sectionDocParagraph(first.doc).insert(0, 'Owner words here. ');
  sectionDocParagraph(dedication.doc).insert(0, 'Editor words. ');
  await Promise.all([storedAck(first, 1), storedAck(dedication, 2)]);
  await server.registry.revisionNow(id);
  const revisions = await database.prisma.revision.findMany({ where: { manuscriptId: id }, orderBy: { createdAt: 'asc' }, select: { id: true, layout: true, summary: true } });
  assert.equal(revisions.length, 2);
  assert.deepEqual(revisions.map((revision) => revision.layout), ['sections', 'sections']);
  const summary = parseRevisionSummary(revisions[1].summary);
  assert.deepEqual(
    summary.authors.map((author) => [author.name, author.added]).sort(),
    [['Ada', 2], ['Owner', 3]],
  );
  assert.deepEqual(summary.sections.map((section) => [section.label, section.added]).sort(), [['Call Time: 4:00 AM', 3], ['Dedication', 2]].sort());
  const diff = await compareRevisions(database.prisma, id, revisions[0].id, revisions[1].id);
  const changed = diff.sections.filter((section) => section.status === 'changed').map((section) => section.id).sort();
  assert.deepEqual(changed, [chapters[0], frontMatter[0]].sort());
});
