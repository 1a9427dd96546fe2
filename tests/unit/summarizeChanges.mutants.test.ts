// A revision's word counts per author and per section, read from a history-keeping doc and its
// update log: written to kill the mutants `npm run test:mutation` found in summarizeChanges
// (it had no unit test; the integration suite reaches it only through a sync server).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { manuscriptSchema } from '@model/schema';
import { writeManuscriptToYDoc } from '@model/manuscript/manuscriptToYDoc';
import { listSections, sectionFragment, sectionsMap } from '@model/manuscript/manuscriptLayout';
import { deleteSection } from '@model/manuscript/sectionOperations';
import { rankBetween } from '@model/manuscript/rankBetween';
import type { SectionJson } from '@model/manuscript/manuscriptJson';
import type { LogEntry } from '../../server/persistence/DocumentStore';
import { copyHistoryDoc } from '../../server/revisions/historyDoc';
import { summarizeChanges } from '../../server/revisions/summarizeChanges';

const text = (value: string): JSONContent[] => (value ? [{ type: 'text', text: value }] : []);
const chapter = (id: string, title: string, paragraph: string): SectionJson => ({
  id,
  kind: 'chapter',
  content: { type: 'doc', content: [{ type: 'chapter', content: [{ type: 'chapterTitle', content: text(title) }, { type: 'paragraph', content: text(paragraph) }] }] },
});
const dedication: SectionJson = { id: 'ded', kind: 'dedication', content: { type: 'doc', content: [{ type: 'dedication', content: [{ type: 'paragraph', content: text('For my sister') }] }] } };
const part: SectionJson = { id: 'p1', kind: 'part', content: { type: 'doc', content: [{ type: 'part', content: [{ type: 'partTitle', content: text('Middle') }] }] } };

/** The first text of a section's block (0: the title of a chapter or part, 1: a chapter's paragraph). */
function blockText(doc: Y.Doc, sectionId: string, block: number): Y.XmlText {
  const section = sectionFragment(doc, sectionId).get(0) as Y.XmlElement;
  const element = section.get(block) as Y.XmlElement;
  return element.get(0) as Y.XmlText;
}

/**
 * A sync server's room in miniature: a history-keeping doc, an imported manuscript (no author),
 * then writers editing their own copies, each change logged with its author as the server does.
 */
function historyWithWriters() {
  const history = new Y.Doc({ gc: false });
  const imported = writeManuscriptToYDoc({
    title: 'Book',
    sections: [dedication, chapter('c1', 'Arrival', 'one two three'), chapter('c2', '', 'four five six'), chapter('c3', 'Gone', 'seven eight'), part, chapter('c4', 'Last', 'nine')],
  });
  Y.applyUpdateV2(history, Y.encodeStateAsUpdateV2(imported));
  const previous = Y.snapshot(history);
  const entries: LogEntry[] = [];
  const edit = (userId: string, change: (doc: Y.Doc) => void) => {
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdateV2(doc, Y.encodeStateAsUpdateV2(history));
    const before = Y.encodeStateVector(doc);
    doc.transact(() => change(doc));
    const update = Y.encodeStateAsUpdateV2(doc, before);
    Y.applyUpdateV2(history, update);
    entries.push({ userId, update });
  };
  return { history, previous, entries, edit };
}

test('summarizeChanges credits each writer with the words they added and removed, section by section', () => {
  const { history, previous, entries, edit } = historyWithWriters();
  edit('alice', (doc) => {
    const paragraph = blockText(doc, 'c1', 1);
    paragraph.delete(4, 4); // "two "
    paragraph.insert(paragraph.length, ' ten eleven');
    const devotion = (sectionFragment(doc, 'ded').get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    (devotion.get(0) as Y.XmlText).insert('For my sister'.length, ' and brother');
  });
  edit('bob', (doc) => {
    const untitled = blockText(doc, 'c2', 1);
    untitled.delete(0, untitled.length);
    blockText(doc, 'p1', 0).insert('Middle'.length, ' Ground');
    deleteSection(doc, 'c3');
    const last = listSections(doc).at(-1)!;
    sectionsMap(doc).set('c5', { kind: 'chapter', rank: rankBetween(last.rank, null) });
    prosemirrorJSONToYXmlFragment(manuscriptSchema, chapter('c5', 'Coda', 'twelve thirteen').content, sectionFragment(doc, 'c5'));
  });
  // Spaces are no words: neither the writer nor the section is listed for them.
  edit('carol', (doc) => blockText(doc, 'c4', 1).insert(0, '   '));

  const counts = summarizeChanges(copyHistoryDoc(history), previous, Y.snapshot(history), entries);
  assert.deepEqual(Object.fromEntries(counts.authors), { alice: { added: 4, removed: 1 }, bob: { added: 4, removed: 3 } });
  assert.deepEqual(counts.sections, [
    { sectionId: 'ded', label: 'Dedication', status: 'changed', added: 2, removed: 0 },
    { sectionId: 'c1', label: 'Arrival', status: 'changed', added: 2, removed: 1 },
    { sectionId: 'c2', label: 'Chapter 2', status: 'changed', added: 0, removed: 3 },
    { sectionId: 'p1', label: 'Part One: Middle Ground', status: 'changed', added: 1, removed: 0 },
    { sectionId: 'c5', label: 'Coda', status: 'added', added: 3, removed: 0 },
    // Removed sections come last, labelled as they were; deleting a section keeps its words in history.
    { sectionId: 'c3', label: 'Gone', status: 'removed', added: 0, removed: 0 },
  ]);
});

test('summarizeChanges: text nobody in the log wrote or deleted is credited to no one (null)', () => {
  const { history, previous, edit } = historyWithWriters();
  edit('alice', (doc) => blockText(doc, 'c1', 1).insert(0, 'zero '));
  edit('bob', (doc) => blockText(doc, 'c4', 1).delete(0, 'nine'.length));
  // The log handed in has neither entry, as for a revision whose log was compacted away.
  const counts = summarizeChanges(copyHistoryDoc(history), previous, Y.snapshot(history), []);
  assert.deepEqual(Object.fromEntries(counts.authors), { null: { added: 1, removed: 1 } });
  assert.deepEqual(
    counts.sections.map((s) => [s.sectionId, s.added, s.removed]),
    [
      ['c1', 1, 0],
      ['c4', 0, 1],
    ],
  );
});

test('summarizeChanges: the words of a deleted paragraph element count as removed', () => {
  const { history, previous, entries, edit } = historyWithWriters();
  // Deleting the paragraph element itself (not its text) still removes its words.
  edit('dana', (doc) => (sectionFragment(doc, 'c4').get(0) as Y.XmlElement).delete(1, 1));
  const counts = summarizeChanges(copyHistoryDoc(history), previous, Y.snapshot(history), entries);
  assert.deepEqual(Object.fromEntries(counts.authors), { dana: { added: 0, removed: 1 } });
  assert.deepEqual(counts.sections, [{ sectionId: 'c4', label: 'Last', status: 'changed', added: 0, removed: 1 }]);
});

test('summarizeChanges leaves the doc it reads with the same text and sections', () => {
  const { history, previous, entries, edit } = historyWithWriters();
  edit('alice', (doc) => blockText(doc, 'c1', 1).insert(0, 'zero '));
  const copy = copyHistoryDoc(history);
  summarizeChanges(copy, previous, Y.snapshot(history), entries);
  assert.equal(blockText(copy, 'c1', 1).toString(), 'zero one two three');
  assert.deepEqual(
    listSections(copy).map((s) => s.id),
    ['ded', 'c1', 'c2', 'c3', 'p1', 'c4'],
  );
});

test('summarizeChanges labels a removed untitled chapter by its number in the older version', () => {
  const history = new Y.Doc({ gc: false });
  const imported = writeManuscriptToYDoc({ title: 'Book', sections: [chapter('c1', 'One', 'a'), chapter('c2', 'Two', 'b'), chapter('c3', '', 'c d')] });
  Y.applyUpdateV2(history, Y.encodeStateAsUpdateV2(imported));
  const previous = Y.snapshot(history);
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdateV2(doc, Y.encodeStateAsUpdateV2(history));
  const before = Y.encodeStateVector(doc);
  deleteSection(doc, 'c3');
  const update = Y.encodeStateAsUpdateV2(doc, before);
  Y.applyUpdateV2(history, update);
  const counts = summarizeChanges(copyHistoryDoc(history), previous, Y.snapshot(history), [{ userId: 'alice', update }]);
  assert.deepEqual(counts.sections, [{ sectionId: 'c3', label: 'Chapter 3', status: 'removed', added: 0, removed: 0 }]);
});
