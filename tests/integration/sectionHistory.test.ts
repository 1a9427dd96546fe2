import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SyncServer } from '../../server/sync/createSyncServer';
import { readSectionStats } from '@model/manuscript/bookDocument';
import { addSectionEntry, removeSectionEntry } from '@model/manuscript/bookOperations';
import { listSections } from '@model/manuscript/manuscriptLayout';
import { renameSection, writeSectionContent } from '@model/manuscript/sectionDocument';
import { emptySection } from '@model/manuscript/emptySection';
import { revisionNamer } from '../../server/revisions/revisionNamer';
import { revisionRestorer } from '../../server/revisions/revisionRestorer';
import { listRevisions } from '../../server/revisions/listRevisions';
import { compareRevisions } from '../../server/revisions/compareRevisions';
import { manuscriptVersions } from '../../server/revisions/manuscriptVersions';
import { revisionPruner } from '../../server/revisions/revisionPruner';
import { sectionsRevisionCreator } from '../../server/revisions/sectionsRevisionCreator';
import { importAppender } from '../../server/import/importAppender';
import { importFile } from '../../server/import/importFile';
import { manuscriptExporter } from '../../server/export/manuscriptExporter';
import { newManuscript } from '../../server/manuscripts/newManuscript';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient } from '../support/stockClient';
import { createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { retryUntil } from '../support/retryUntil';
import { storedAck } from '../support/storedAck';
import { sectionDocParagraph, sectionDocText } from '../support/chapterText';
import { fileScope } from '../support/testScope';

let database: TempDatabase;
let server: SyncServer;
before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  server = await startTestSyncServer(fileScope(t), database.prisma);
  process.env.SYNC_INTERNAL_URL = `ws://127.0.0.1:${server.port}`;
});

test('in a book laid out in sections: a chapter deleted since a revision comes back with its text; restoring the revision before undoes it; naming covers unsaved sections', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Sections restore', { layout: 'sections' });
  const book = connectStockClient(t, server.port, id, owner.token);
  await book.synced;
  const [, , one] = listSections(book.doc).map((s) => s.id);
  const two = addSectionEntry(book.doc, 'chapter', { title: 'Two' });
  const inOne = connectStockClient(t, server.port, `${id}/${one}`, owner.token);
  const inTwo = connectStockClient(t, server.port, `${id}/${two}`, owner.token);
  await Promise.all([inOne.synced, inTwo.synced]);
  writeSectionContent(inTwo.doc, emptySection('chapter', 'Two'));
  renameSection(inOne.doc, 'One');
  sectionDocParagraph(inOne.doc).insert(0, 'Chapter one as drafted.');
  sectionDocParagraph(inTwo.doc).insert(0, 'Chapter two as drafted.');
  // No stored acknowledgement from the sections: naming must wait for them itself.
  const drafted = await revisionNamer(database.prisma, id, owner.userId, 'Drafted');
  const named = (await compareRevisions(database.prisma, id, drafted, 'now')).sections;
  assert.ok(named.every((section) => section.status === 'same'), 'the named revision holds everything typed before it was named');

  inTwo.destroy();
  removeSectionEntry(book.doc, two);
  const oneText = sectionDocParagraph(inOne.doc);
  oneText.delete(0, oneText.length);
  oneText.insert(0, 'Chapter one rewritten.');
  await Promise.all([storedAck(book, 1), storedAck(inOne, 2)]);

  const restoreId = await revisionRestorer(database.prisma, { manuscriptId: id, revisionId: drafted, userId: owner.userId, sectionId: two, label: 'Two' });
  await retryUntil(() => assert.deepEqual(listSections(book.doc).map((s) => s.id).slice(-2), [one, two]));
  const back = connectStockClient(t, server.port, `${id}/${two}`, owner.token);
  await back.synced;
  assert.equal(sectionDocText(back.doc), 'Two\nChapter two as drafted.');
  assert.equal(sectionDocText(inOne.doc), 'One\nChapter one rewritten.', 'the other chapter keeps its newer text');
  await retryUntil(() => assert.equal(readSectionStats(book.doc, two)?.words, 5));

  const history = await listRevisions(database.prisma, id);
  assert.equal(history[0].id, restoreId);
  assert.equal(history[0].kind, 'restore');
  assert.equal(history[0].name, 'Restored Two to “Drafted”');
  await revisionRestorer(database.prisma, { manuscriptId: id, revisionId: history[1].id, userId: owner.userId, label: 'the book' });
  await retryUntil(() => assert.equal(listSections(book.doc).some((s) => s.id === two), false, 'the whole-book restore removes the chapter again'));
  await revisionRestorer(database.prisma, { manuscriptId: id, revisionId: drafted, userId: owner.userId, label: 'the book' });
  await retryUntil(() => assert.equal(sectionDocText(inOne.doc), 'One\nChapter one as drafted.'));
  assert.ok(listSections(book.doc).some((s) => s.id === two), 'and the book restore to “Drafted” brings it back');
});

test('appending an import to a book in sections reaches a co-writer live, is exported, and is in the history', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Sections import', { layout: 'sections', manuscript: newManuscript('Sections import') });
  const book = connectStockClient(t, server.port, id, owner.token);
  await book.synced;
  const imported = await importFile({
    name: 'more.md',
    bytes: new TextEncoder().encode('## Dedication\n\nFor Sam.\n\n# Part Two: Later\n\n## Chapter 1: The Return\n\nShe came back.\n\n## Chapter 2: The Stay\n\nShe stayed.'),
  });
  const added = await importAppender(database.prisma, { manuscriptId: id, userId: owner.userId, imported, fileName: 'more.md' });
  assert.equal(added.length, 4);
  await retryUntil(() => {
    assert.deepEqual(listSections(book.doc).map((s) => s.kind), ['dedication', 'epigraphs', 'dedication', 'chapter', 'part', 'chapter', 'chapter']);
    assert.deepEqual(listSections(book.doc).slice(-3).map((s) => readSectionStats(book.doc, s.id)?.title), ['Later', 'The Return', 'The Stay']);
  });
  const chapter = connectStockClient(t, server.port, `${id}/${added[2]}`, owner.token);
  await chapter.synced;
  assert.equal(sectionDocText(chapter.doc), 'The Return\nShe came back.');
  const exported = await manuscriptExporter(database.prisma, id, 'markdown');
  const markdown = new TextDecoder().decode(exported.bytes);
  for (const words of ['For Sam.', 'The Return', 'She came back.', 'She stayed.']) assert.ok(markdown.includes(words), `the export has “${words}”`);
  const revisions = await listRevisions(database.prisma, id);
  assert.equal(revisions[0].name, 'Imported “more.md”');
  const rows = await database.prisma.manuscriptUpdate.findMany({ where: { manuscriptId: id, docName: added[2] }, select: { userId: true } });
  assert.deepEqual(rows.map((row) => row.userId), [owner.userId], 'the imported chapter is credited to the writer who imported it');
});

test('pruning a long history in sections keeps every kept revision exact, whichever sections each one changed', async (t) => {
  const manuscript = newManuscript('Pruned');
  manuscript.sections.push({ id: 'secondchapter', kind: 'chapter', content: emptySection('chapter', 'Two') });
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Pruned', { layout: 'sections', manuscript });
  const [, , first] = manuscript.sections.map((s) => s.id);
  const one = connectStockClient(t, server.port, `${id}/${first}`, owner.token);
  const two = connectStockClient(t, server.port, `${id}/secondchapter`, owner.token);
  await Promise.all([one.synced, two.synced]);
  const DAY = 24 * 60 * 60 * 1000;
  const now = new Date('2026-11-30T12:00:00Z');
  const ids: string[] = [];
  // Sixty revisions over 40 days, in threes ten minutes apart (the hourly tier keeps one of each
  // three), alternating which chapter changed; some delete words, so kept revisions must carry
  // dropped ones' deletions.
  for (let k = 0; k < 60; k++) {
    const client = k % 2 === 0 ? one : two;
    const text = sectionDocParagraph(client.doc);
    if (k % 5 === 4) text.delete(0, Math.min(6, text.length));
    else text.insert(text.length, `word${k} `);
    await storedAck(client, (k % 100) + 1);
    const at = new Date(now.getTime() - 40 * DAY + Math.floor(k / 3) * 2 * DAY + (k % 3) * 10 * 60 * 1000);
    ids.push((await sectionsRevisionCreator(database.prisma, id, new Map(), { kind: 'auto', at }))!);
  }
  const before = await manuscriptVersions(database.prisma, id, ids);
  const dropped = await revisionPruner(database.prisma, id, now);
  assert.ok(dropped > 10, `older revisions are pruned (${dropped})`);
  const kept = (await database.prisma.revision.findMany({ where: { manuscriptId: id }, select: { id: true } })).map((r) => r.id);
  const after = await manuscriptVersions(database.prisma, id, kept);
  for (const revisionId of kept) assert.deepEqual(after.get(revisionId), before.get(revisionId), `revision ${ids.indexOf(revisionId)} reads as it did`);
});
