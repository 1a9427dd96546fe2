// Comparing two versions, label by label and part by part: written to kill the mutants
// `npm run test:mutation` found surviving in diffManuscripts (labels, renames, pairing of edited
// blocks, the similarity threshold, and how a changed block is cut into parts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JSONContent } from '@tiptap/core';
import { diffManuscripts } from '../../server/revisions/diffManuscripts';
import type { ManuscriptJson, SectionJson } from '../../components/manuscript/manuscriptJson';

const text = (value: string, marks: string[] = []): JSONContent => ({ type: 'text', text: value, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
const chapter = (id: string, title: string, ...blocks: Array<string | JSONContent>): SectionJson => ({
  id,
  kind: 'chapter',
  content: {
    type: 'doc',
    content: [{ type: 'chapter', content: [{ type: 'chapterTitle', content: title ? [text(title)] : [] }, ...blocks.map((b) => (typeof b === 'string' ? { type: 'paragraph', content: [text(b)] } : b))] }],
  },
});
const part = (id: string, title: string): SectionJson => ({ id, kind: 'part', content: { type: 'doc', content: [{ type: 'part', content: [{ type: 'partTitle', content: [text(title)] }] }] } });
const dedication = (id: string, words: string): SectionJson => ({ id, kind: 'dedication', content: { type: 'doc', content: [{ type: 'dedication', content: [{ type: 'paragraph', content: [text(words)] }] }] } });
const book = (title: string, ...sections: SectionJson[]): ManuscriptJson => ({ title, sections });

test('labels are the binder\'s (untitled chapters numbered, parts named), renames noted only when the label changed', () => {
  const diff = diffManuscripts(
    book('Old', dedication('d', 'For A'), part('p', 'Spring'), chapter('c1', ''), chapter('c2', '', 'one'), chapter('c3', 'Three', 'x'), chapter('gone', 'Gone', 'y')),
    book('New', dedication('d', 'For B'), part('p', 'Summer'), chapter('c1', ''), chapter('c2', '', 'one two'), chapter('c3', 'Three', 'x'), chapter('new', '', 'z')),
  );
  assert.deepEqual(diff.title, { from: 'Old', to: 'New' });
  assert.deepEqual(
    diff.sections.map((s) => [s.id, s.label, s.status, s.moved, s.renamedFrom]),
    [
      ['d', 'Dedication', 'changed', false, undefined],
      ['p', 'Part One: Summer', 'changed', false, 'Part One: Spring'],
      ['c1', 'Chapter 1', 'same', false, undefined],
      ['c2', 'Chapter 2', 'changed', false, undefined],
      ['c3', 'Three', 'same', false, undefined],
      ['gone', 'Gone', 'removed', false, undefined],
      ['new', 'Chapter 4', 'added', false, undefined],
    ],
  );
});

test('an inserted paragraph between unchanged ones leaves every other block in place', () => {
  const diff = diffManuscripts(book('B', chapter('c', 'T', 'First words here.', 'Last words here.')), book('B', chapter('c', 'T', 'First words here.', 'A new one.', 'Last words here.')));
  assert.deepEqual(
    diff.sections[0].blocks.map((b) => [b.type, b.status, b.parts.map((p) => p.text).join('')]),
    [
      ['chapterTitle', 'same', 'T'],
      ['paragraph', 'same', 'First words here.'],
      ['paragraph', 'inserted', 'A new one.'],
      ['paragraph', 'same', 'Last words here.'],
    ],
  );
});

test('edited blocks pair in order, each added block used once; unrelated ones are inserted before their match', () => {
  const twoIntoOne = diffManuscripts(
    book('B', chapter('c', 'T', 'alpha beta gamma delta', 'alpha beta gamma epsilon')),
    book('B', chapter('c', 'T', 'alpha beta gamma zeta')),
  );
  assert.deepEqual(twoIntoOne.sections[0].blocks.slice(1).map((b) => b.status), ['changed', 'deleted']);
  const insertedBefore = diffManuscripts(
    book('B', chapter('c', 'T', 'the old sentence stays mostly')),
    book('B', chapter('c', 'T', 'Something else entirely new', 'the old sentence stays mostly intact')),
  );
  assert.deepEqual(
    insertedBefore.sections[0].blocks.slice(1).map((b) => [b.type, b.status, b.parts.map((p) => [p.change ?? '', p.text])]),
    [
      ['paragraph', 'inserted', [['inserted', 'Something else entirely new']]],
      ['paragraph', 'changed', [['', 'the old sentence stays mostly'], ['inserted', ' intact']]],
    ],
  );
});

test('blocks are similar when they share half the words of the longer one; wordless blocks only when of one type', () => {
  const longer = diffManuscripts(book('B', chapter('c', 'T', 'alpha beta')), book('B', chapter('c', 'T', 'alpha beta c d e f g h')));
  assert.deepEqual(longer.sections[0].blocks.slice(1).map((b) => b.status), ['deleted', 'inserted']);
  const breakToEmpty = diffManuscripts(book('B', chapter('c', 'T', { type: 'sceneBreak' })), book('B', chapter('c', 'T', { type: 'paragraph' })));
  assert.deepEqual(breakToEmpty.sections[0].blocks.slice(1).map((b) => [b.type, b.status]), [
    ['sceneBreak', 'deleted'],
    ['paragraph', 'inserted'],
  ]);
});

test('a changed block is cut exactly at run edges: each part keeps its own formatting, no empty parts', () => {
  const diff = diffManuscripts(
    book('B', chapter('c', 'T', { type: 'paragraph', content: [text('one '), text('two', ['bold']), text(' three four')] })),
    book('B', chapter('c', 'T', { type: 'paragraph', content: [text('one '), text('two', ['bold']), text(' three five')] })),
  );
  assert.deepEqual(diff.sections[0].blocks[1], {
    type: 'paragraph',
    status: 'changed',
    parts: [
      { text: 'one ', marks: [] },
      { text: 'two', marks: ['bold'] },
      { text: ' three ', marks: [] },
      { text: 'four', marks: [], change: 'deleted' },
      { text: 'five', marks: [], change: 'inserted' },
    ],
  });
});

test('a paragraph deleted between unchanged ones leaves the ones after it in place', () => {
  const diff = diffManuscripts(book('B', chapter('c', 'T', 'Kept first.', 'Cut this.', 'Kept last.')), book('B', chapter('c', 'T', 'Kept first.', 'Kept last.')));
  assert.deepEqual(
    diff.sections[0].blocks.slice(1).map((b) => [b.status, b.parts.map((p) => p.text).join('')]),
    [
      ['same', 'Kept first.'],
      ['deleted', 'Cut this.'],
      ['same', 'Kept last.'],
    ],
  );
});

test('two wordless blocks of one type are an edit of each other', () => {
  const diff = diffManuscripts(book('B', chapter('c', 'T', '...')), book('B', chapter('c', 'T', '!!!')));
  assert.deepEqual(
    diff.sections[0].blocks.slice(1).map((b) => [b.status, b.parts.map((p) => [p.change ?? '', p.text])]),
    [
      [
        'changed',
        [
          ['deleted', '...'],
          ['inserted', '!!!'],
        ],
      ],
    ],
  );
});

test('a change that starts where a run starts yields no empty part before it', () => {
  const diff = diffManuscripts(
    book('B', chapter('c', 'T', { type: 'paragraph', content: [text('one '), text('two', ['bold']), text(' three')] })),
    book('B', chapter('c', 'T', { type: 'paragraph', content: [text('one '), text('owt', ['bold']), text(' three')] })),
  );
  assert.deepEqual(diff.sections[0].blocks[1].parts, [
    { text: 'one ', marks: [] },
    { text: 'two', marks: ['bold'], change: 'deleted' },
    { text: 'owt', marks: ['bold'], change: 'inserted' },
    { text: ' three', marks: [] },
  ]);
});

test('spaces gained or lost around a title are no rename', () => {
  const diff = diffManuscripts(book('B', part('p', 'Spring'), chapter('c', 'Tide', 'x')), book('B', part('p', ' Spring  '), chapter('c', 'Tide ', 'x')));
  assert.deepEqual(
    diff.sections.map((s) => [s.id, s.label, s.renamedFrom]),
    [
      ['p', 'Part One: Spring', undefined],
      ['c', 'Tide', undefined],
    ],
  );
});
