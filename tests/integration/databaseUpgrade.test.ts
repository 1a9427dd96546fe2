import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { PrismaDocumentStore } from '../../server/persistence/PrismaDocumentStore';
import { MAIN_DOCUMENT } from '../../server/persistence/DocumentStore';
import { historyDocFromStored } from '../../server/revisions/historyDoc';
import { compareRevisions } from '../../server/revisions/compareRevisions';
import { revisionCreator } from '../../server/revisions/revisionCreator';
import type { RevisionSummary } from '../../server/revisions/RevisionSummary';
import { yDocToManuscript } from '../../components/manuscript/yDocToManuscript';
import { manuscriptText } from '../support/manuscriptWords';
import { openFixtureDatabase } from '../support/fixtureDatabase';
import { firstChapterId, firstParagraphText } from '../support/chapterText';

// tests/fixtures/databases/quire-v1.db was written by an earlier Quire (see the README there):
// the sample novel edited by its owner and an editor, six revisions, a chapter added, moved and
// deleted, and every log row compacted away (only SQLite's sequence remembers the last seq). Brought up to date as `npm start` does, it must keep every word and its history.

test('a database from before documents had names keeps every word, section and revision', async (t) => {
  const { prisma } = await openFixtureDatabase(t, 'quire-v1.db');
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
  const { prisma } = await openFixtureDatabase(t, 'quire-v1.db');
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
