import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { writeManuscriptToYDoc } from '@model/manuscript/manuscriptToYDoc';
import { newManuscript } from '../../server/manuscripts/newManuscript';
import { listSections } from '@model/manuscript/manuscriptLayout';
import { addSection, deleteSection, moveSection } from '@model/manuscript/sectionOperations';
import { readChapterTitle, renameChapter } from '@model/manuscript/sectionTitle';

const chapterTitles = (doc: Y.Doc) =>
  listSections(doc)
    .filter((s) => s.kind === 'chapter')
    .map((s) => readChapterTitle(doc, s.id));

/** Two replicas of one document, exchanging updates only when `sync` is called. */
function replicas() {
  const a = writeManuscriptToYDoc(newManuscript('Book'));
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const sync = () => {
    const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
    Y.applyUpdate(b, fromA);
    Y.applyUpdate(a, fromB);
  };
  return { a, b, sync };
}

test('adding, renaming, moving and deleting chapters', () => {
  const doc = writeManuscriptToYDoc(newManuscript('Book'));
  const first = listSections(doc).find((s) => s.kind === 'chapter')!.id;
  renameChapter(doc, first, 'One');
  const second = addSection(doc, 'chapter', { title: 'Two' });
  const third = addSection(doc, 'chapter', { title: 'Three' });
  assert.deepEqual(chapterTitles(doc), ['One', 'Two', 'Three']);
  moveSection(doc, third, 2); // right after the front matter
  assert.deepEqual(chapterTitles(doc), ['Three', 'One', 'Two']);
  deleteSection(doc, first);
  assert.deepEqual(chapterTitles(doc), ['Three', 'Two']);
  void second;
});

test('two writers moving the same chapter at once leave it in the book exactly once', () => {
  const { a, b, sync } = replicas();
  const one = listSections(a).find((s) => s.kind === 'chapter')!.id;
  renameChapter(a, one, 'One');
  addSection(a, 'chapter', { title: 'Two' });
  addSection(a, 'chapter', { title: 'Three' });
  sync();
  moveSection(a, one, 4);
  moveSection(b, one, 3);
  sync();
  assert.deepEqual(chapterTitles(a), chapterTitles(b));
  assert.equal(chapterTitles(a).filter((t) => t === 'One').length, 1);
  assert.equal(chapterTitles(a).length, 3);
});

test('two writers adding a chapter at the same place both keep theirs, in the same order', () => {
  const { a, b, sync } = replicas();
  addSection(a, 'chapter', { title: 'From A' });
  addSection(b, 'chapter', { title: 'From B' });
  sync();
  assert.deepEqual(chapterTitles(a), chapterTitles(b));
  assert.deepEqual([...chapterTitles(a)].sort(), ['', 'From A', 'From B']);
  // A further insert between the two equal ranks must still work.
  const order = listSections(a);
  addSection(a, 'chapter', { title: 'Between', afterId: order[order.length - 2].id });
  assert.equal(chapterTitles(a).length, 4);
});
