import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { documentsToManuscript, writeManuscriptToDocuments } from '@model/manuscript/manuscriptDocuments';
import { readSectionStats, sectionStatsMap } from '@model/manuscript/bookDocument';
import { addSectionEntry, appendSectionEntries, removeSectionEntry } from '@model/manuscript/bookOperations';
import { initialSectionUpdate, measureSection, renameSection, sectionContent, writeSectionContent } from '@model/manuscript/sectionDocument';
import { listSections } from '@model/manuscript/manuscriptLayout';
import { moveSection } from '@model/manuscript/sectionOperations';
import { emptySection } from '@model/manuscript/emptySection';
import { countWords } from '@model/manuscript/countWords';
import { writeManuscriptToYDoc } from '@model/manuscript/manuscriptToYDoc';
import { yDocToManuscript } from '@model/manuscript/yDocToManuscript';
import { importFile } from '../../server/import/importFile';
import { newManuscript } from '../../server/manuscripts/newManuscript';
import { sampleManuscript } from '../../prisma/seed/sampleManuscript';
import { seedFiles } from '../support/seedFiles';
import { manuscriptText } from '../support/manuscriptWords';

test('every seed manuscript survives the trip into a book and section documents and back, exactly', async () => {
  const manuscripts = [sampleManuscript(), newManuscript('Empty')];
  for (const seed of seedFiles()) {
    const imported = await importFile({ name: seed.name, bytes: new TextEncoder().encode(seed.text) });
    manuscripts.push({ title: imported.title, sections: imported.sections });
  }
  for (const manuscript of manuscripts) {
    const { book, sections } = writeManuscriptToDocuments(manuscript);
    assert.equal(sections.size, manuscript.sections.length);
    // The oracle: what the one-document layout reads back (both normalise empty content alike).
    assert.deepEqual(documentsToManuscript(book, (id) => sections.get(id)), yDocToManuscript(writeManuscriptToYDoc(manuscript)), manuscript.title);
  }
});

test("the book holds each section's title and word count, as measured from the section's own document", () => {
  const manuscript = sampleManuscript();
  const { book, sections } = writeManuscriptToDocuments(manuscript);
  let total = 0;
  for (const section of manuscript.sections) {
    const stats = readSectionStats(book, section.id);
    const words = countWords(manuscriptText({ title: '', sections: [section] }));
    assert.deepEqual(stats, measureSection(sections.get(section.id)!));
    assert.equal(stats?.words, words, `${section.kind} ${section.id} counts its words`);
    total += words;
  }
  assert.ok(total > 6000, `the sample novel has its words (${total})`);
  const chapter = manuscript.sections.find((section) => section.kind === 'chapter')!;
  const chapterDoc = sections.get(chapter.id)!;
  renameSection(chapterDoc, 'Opening Night');
  assert.equal(measureSection(chapterDoc).title, 'Opening Night');
});

test('a section whose document is missing or still empty reads as an empty section of its kind', () => {
  const { book } = writeManuscriptToDocuments(newManuscript('Book'));
  const id = addSectionEntry(book, 'part', { title: 'Part title' });
  const read = documentsToManuscript(book, (sectionId) => (sectionId === id ? new Y.Doc() : undefined));
  assert.deepEqual(read.sections.find((section) => section.id === id)?.content, emptySection('part'));
  assert.deepEqual(readSectionStats(book, id), { title: 'Part title', words: 0 });
});

test('adding after a section, appending front matter and chapters, and removing keep the order and the stats', () => {
  const { book } = writeManuscriptToDocuments(newManuscript('Book'));
  const [dedication, epigraphs, first] = listSections(book).map((s) => s.id);
  const second = addSectionEntry(book, 'chapter', { title: 'Two' });
  const between = addSectionEntry(book, 'chapter', { afterId: first, title: 'One and a half' });
  assert.deepEqual(listSections(book).map((s) => s.id), [dedication, epigraphs, first, between, second]);
  appendSectionEntries(book, [
    { id: 'lastchapter1', kind: 'chapter', stats: { title: 'Last', words: 10 } },
    { id: 'dedication02', kind: 'dedication', stats: { title: '', words: 3 } },
  ]);
  assert.deepEqual(listSections(book).map((s) => s.id), [dedication, epigraphs, 'dedication02', first, between, second, 'lastchapter1']);
  assert.deepEqual(readSectionStats(book, 'lastchapter1'), { title: 'Last', words: 10 });
  removeSectionEntry(book, between);
  assert.deepEqual(listSections(book).map((s) => s.id), [dedication, epigraphs, 'dedication02', first, second, 'lastchapter1']);
  assert.equal(sectionStatsMap(book).has(between), false, 'a removed section leaves no stats behind');
});

test("a co-writer's move and the server's new word count for the same section both survive", () => {
  const { book: a } = writeManuscriptToDocuments(newManuscript('Book'));
  const two = addSectionEntry(a, 'chapter', { title: 'Two' });
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  moveSection(a, two, 0);
  sectionStatsMap(b).set(two, { title: 'Two', words: 42 });
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  for (const doc of [a, b]) {
    assert.equal(listSections(doc)[0].id, two, 'moved first');
    assert.equal(readSectionStats(doc, two)?.words, 42, 'counted');
  }
});

test('content that does not fit the schema is refused before anything is written', () => {
  const doc = new Y.Doc();
  assert.throws(() => writeSectionContent(doc, { type: 'doc', content: [{ type: 'paragraph' }] }));
  assert.equal(sectionContent(doc).length, 0);
  const manuscript = newManuscript('Book');
  manuscript.sections[0].content = { type: 'doc', content: [{ type: 'nonsense' }] };
  assert.throws(() => writeManuscriptToDocuments(manuscript));
});

test('two writers filling the same new section at once end up with one section, not two', () => {
  const a = new Y.Doc();
  const b = new Y.Doc();
  Y.applyUpdate(a, initialSectionUpdate(emptySection('chapter')));
  Y.applyUpdate(b, initialSectionUpdate(emptySection('chapter')));
  renameSection(a, 'From A');
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  for (const doc of [a, b]) {
    assert.equal(sectionContent(doc).length, 1, 'one section node');
    assert.equal(measureSection(doc).title, 'From A');
  }
});
