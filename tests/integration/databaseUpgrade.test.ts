import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { PrismaDocumentStore } from '../../server/persistence/PrismaDocumentStore';
import { MAIN_DOCUMENT } from '../../server/persistence/DocumentStore';
import { historyDocFromStored } from '../../server/revisions/historyDoc';
import { compareRevisions } from '../../server/revisions/compareRevisions';
import { revisionCreator } from '../../server/revisions/revisionCreator';
import type { RevisionSummary } from '@model/revisions/revisionSummary';
import { yDocToManuscript } from '@model/manuscript/yDocToManuscript';
import { manuscriptText } from '../support/manuscriptWords';
import { openFixtureDatabase } from '../support/fixtureDatabase';
import { firstChapterId, firstParagraphText, sectionDocParagraph } from '../support/chapterText';
import { manuscriptVersions } from '../../server/revisions/manuscriptVersions';
import { convertAllToSections } from '../../server/manuscripts/sectionsConversion';
import { parseRevisionSummary } from '../../server/revisions/parseRevisionSummary';
import { countWords } from '@model/manuscript/countWords';
import { listSections } from '@model/manuscript/manuscriptLayout';
import { signSyncToken } from '../../server/access/syncToken';
import { startTestSyncServer } from '../support/testSyncServer';
import { connectStockClient } from '../support/stockClient';
import { storedAck } from '../support/storedAck';

// tests/fixtures/databases/quire-v1.db was written by an earlier Quire (see the README there):
// the sample novel edited by its owner and an editor, six revisions, a chapter added, moved and
// deleted, and every log row compacted away (only SQLite's sequence remembers the last seq). Brought up to date as `npm start` does, it must keep every word and its history.

test('a database from before documents had names keeps every word, section and revision', async (t) => {
  const { prisma } = await openFixtureDatabase(t, 'quire-v1.db', { convert: false });
  const stored = await new PrismaDocumentStore(prisma).load('sample', MAIN_DOCUMENT);
  assert.ok(stored, 'the sample manuscript loads');
  const doc = historyDocFromStored(stored);
  const manuscript = yDocToManuscript(doc);
  assert.deepEqual(
    manuscript.sections.map((section) => section.kind),
    ['dedication', 'epigraphs', 'chapter', 'chapter', 'chapter', 'part'],
  );
  const text = manuscriptText(manuscript);
  for (const words of ['The owner added this sentence', 'Ada wrote this line in the second chapter.', 'And this one in the third.', 'Written after the chapter went.', 'Typed in the last session.']) {
    assert.ok(text.includes(words), `"${words}" survives the upgrade`);
  }
  assert.ok(!text.includes('Words that will be cut.'), 'the deleted chapter stays deleted');

  const revisions = await prisma.revision.findMany({ where: { manuscriptId: 'sample' }, orderBy: { createdAt: 'asc' }, select: { id: true, name: true } });
  assert.equal(revisions.length, 6);
  const diff = await compareRevisions(prisma, 'sample', revisions[1].id, revisions[2].id);
  assert.deepEqual(
    diff.sections.filter((section) => section.status === 'added').map((section) => section.label),
    ['The Second Night', 'Part One: Encore', 'Curtain'],
    'the editor pass still compares with the owner draft',
  );
  const cut = await compareRevisions(prisma, 'sample', revisions[3].id, 'now');
  assert.deepEqual(cut.sections.filter((section) => section.status === 'removed').map((section) => section.label), ['Cut Scene']);
  doc.destroy();
});

test('after the upgrade, new log rows are numbered after every revision (the sequence survives the table rebuild), so the next revision credits them', async (t) => {
  const { prisma } = await openFixtureDatabase(t, 'quire-v1.db', { convert: false });
  const store = new PrismaDocumentStore(prisma);
  const before = await prisma.revision.aggregate({ where: { manuscriptId: 'sample' }, _max: { throughSeq: true } });
  const doc = historyDocFromStored((await store.load('sample', MAIN_DOCUMENT))!);
  const ada = await prisma.user.findFirstOrThrow({ where: { name: 'Ada Editor' }, select: { id: true } });
  const vector = Y.encodeStateVector(doc);
  firstParagraphText(doc, firstChapterId(doc)).insert(0, 'Upgraded and still writing. ');
  const seq = await store.append('sample', MAIN_DOCUMENT, [{ update: Y.encodeStateAsUpdateV2(doc, vector), userId: ada.id }]);
  assert.ok(seq > (before._max.throughSeq ?? 0), `the new row's seq ${seq} is above every revision's (${before._max.throughSeq})`);
  const id = await revisionCreator(prisma, 'sample', doc, { kind: 'auto' });
  assert.ok(id, 'an automatic revision is made: something changed');
  const revision = await prisma.revision.findUniqueOrThrow({ where: { id }, select: { summary: true } });
  const summary = JSON.parse(revision.summary) as RevisionSummary;
  assert.deepEqual(summary.authors.map((author) => [author.name, author.added]), [['Ada Editor', 4]]);
  doc.destroy();
});

test('converting that database to a book and section documents keeps every word, every revision comparable, and every author', async (t) => {
  const { prisma } = await openFixtureDatabase(t, 'quire-v1.db', { convert: false });
  const before = (await manuscriptVersions(prisma, 'sample', ['now'])).get('now')!;
  const oldRevisions = await prisma.revision.findMany({ where: { manuscriptId: 'sample' }, orderBy: { createdAt: 'asc' }, select: { id: true, summary: true } });
  assert.deepEqual(await convertAllToSections(prisma), ['sample']);
  assert.deepEqual(await convertAllToSections(prisma), [], 'a second start converts nothing');

  const manuscript = await prisma.manuscript.findUniqueOrThrow({ where: { id: 'sample' }, select: { layout: true, wordCount: true } });
  assert.equal(manuscript.layout, 'sections');
  const after = (await manuscriptVersions(prisma, 'sample', ['now'])).get('now')!;
  assert.deepEqual(after, before, 'the book and its sections read back exactly as the one document did');
  assert.equal(manuscript.wordCount, countWords(manuscriptText({ title: '', sections: after.sections })), 'the library counts the sections’ words');

  const revisions = await prisma.revision.findMany({ where: { manuscriptId: 'sample' }, orderBy: { createdAt: 'asc' }, select: { id: true, layout: true, summary: true } });
  assert.equal(revisions.length, oldRevisions.length + 1, 'one revision marks the conversion');
  assert.deepEqual(revisions.slice(0, -1).map((r) => r.summary), oldRevisions.map((r) => r.summary), 'who changed what before is kept as it was');
  const conversion = revisions.at(-1)!;
  assert.equal(conversion.layout, 'sections');
  assert.deepEqual((await compareRevisions(prisma, 'sample', oldRevisions.at(-1)!.id, conversion.id)).sections.filter((s) => s.status !== 'same'), [], 'the conversion changes nothing');
  const editorPass = await compareRevisions(prisma, 'sample', oldRevisions[1].id, 'now');
  assert.deepEqual(editorPass.sections.filter((s) => s.status === 'added').map((s) => s.label), ['Curtain', 'The Second Night', 'Part One: Encore']);

  // Writing on, in the new layout: the next revision credits only the new words, to their writer.
  const database = { prisma };
  const server = await startTestSyncServer(t, database.prisma);
  const ada = await prisma.user.findFirstOrThrow({ where: { name: 'Ada Editor' }, select: { id: true } });
  const token = await signSyncToken(ada.id, 'sample');
  const book = connectStockClient(t, server.port, 'sample', token);
  await book.synced;
  const chapter = listSections(book.doc).find((s) => s.kind === 'chapter')!;
  const writer = connectStockClient(t, server.port, `sample/${chapter.id}`, token);
  await writer.synced;
  sectionDocParagraph(writer.doc).insert(0, 'Converted and still writing. ');
  await storedAck(writer, 1);
  await server.registry.revisionNow('sample');
  const latest = await prisma.revision.findFirstOrThrow({ where: { manuscriptId: 'sample' }, orderBy: { createdAt: 'desc' }, select: { summary: true } });
  assert.deepEqual(parseRevisionSummary(latest.summary).authors.map((a) => [a.name, a.added, a.removed]), [['Ada Editor', 4, 0]]);
});

test('starting on that database lays its manuscripts out in sections, as `npm start` and the sync server do', async (t) => {
  const { prisma } = await openFixtureDatabase(t, 'quire-v1.db');
  const manuscript = await prisma.manuscript.findUniqueOrThrow({ where: { id: 'sample' }, select: { layout: true } });
  assert.equal(manuscript.layout, 'sections');
  assert.deepEqual(await convertAllToSections(prisma), [], 'nothing is left to convert');
});
