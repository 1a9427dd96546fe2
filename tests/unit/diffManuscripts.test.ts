import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JSONContent } from '@tiptap/core';
import { diffManuscripts } from '../../server/revisions/diffManuscripts';
import type { ManuscriptJson, SectionJson } from '@model/manuscript/manuscriptJson';

const text = (value: string, marks: string[] = []): JSONContent => ({ type: 'text', text: value, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
function chapter(id: string, title: string, ...paragraphs: Array<string | JSONContent[]>): SectionJson {
  return {
    id,
    kind: 'chapter',
    content: {
      type: 'doc',
      content: [
        {
          type: 'chapter',
          content: [
            { type: 'chapterTitle', content: [text(title)] },
            ...paragraphs.map((p) => ({ type: 'paragraph', content: typeof p === 'string' ? [text(p)] : p })),
          ],
        },
      ],
    },
  };
}
const book = (...sections: SectionJson[]): ManuscriptJson => ({ title: 'Book', sections });

test('an edited sentence shows its deleted and inserted words, the rest unchanged', () => {
  const diff = diffManuscripts(
    book(chapter('c1', 'One', 'The quick brown fox jumps.')),
    book(chapter('c1', 'One', 'The slow brown fox leaps high.')),
  );
  const paragraph = diff.sections[0].blocks[1];
  assert.equal(paragraph.status, 'changed');
  assert.deepEqual(
    paragraph.parts.filter((p) => p.change).map((p) => [p.change, p.text]),
    [
      ['deleted', 'quick'],
      ['inserted', 'slow'],
      ['deleted', 'jumps'],
      ['inserted', 'leaps high'],
    ],
  );
  assert.equal(paragraph.parts.map((p) => (p.change === 'deleted' ? '' : p.text)).join(''), 'The slow brown fox leaps high.');
  assert.equal(diff.sections[0].status, 'changed');
  assert.deepEqual([diff.added, diff.removed], [3, 2]);
});

test('a chapter moved to another place is reported as moved, not deleted and added', () => {
  const a = chapter('a', 'Alpha', 'First text.');
  const b = chapter('b', 'Beta', 'Second text.');
  const c = chapter('c', 'Gamma', 'Third text.');
  const diff = diffManuscripts(book(a, b, c), book(b, c, a));
  assert.deepEqual(
    diff.sections.map((s) => [s.id, s.status, s.moved]),
    [
      ['b', 'same', false],
      ['c', 'same', false],
      ['a', 'same', true],
    ],
  );
  assert.deepEqual([diff.added, diff.removed], [0, 0]);
});

test('added, removed and renamed chapters are told apart', () => {
  const diff = diffManuscripts(
    book(chapter('a', 'Alpha', 'Kept.'), chapter('b', 'Beta', 'Goes away.')),
    book(chapter('a', 'Alpha Prime', 'Kept.'), chapter('n', 'New', 'Fresh words here.')),
  );
  assert.deepEqual(
    diff.sections.map((s) => [s.id, s.status, s.renamedFrom ?? null]),
    [
      ['a', 'changed', 'Alpha'],
      ['b', 'removed', null],
      ['n', 'added', null],
    ],
  );
  assert.equal(diff.sections[2].added, 4);
  assert.equal(diff.sections[1].removed, 3);
});

test('a paragraph inserted between others is an insertion, and formatting-only changes are noted', () => {
  const diff = diffManuscripts(
    book(chapter('c', 'T', 'Before.', 'Styled words.', 'After.')),
    book(chapter('c', 'T', 'Before.', 'A new paragraph.', [text('Styled', ['italic']), text(' words.')], 'After.')),
  );
  assert.deepEqual(
    diff.sections[0].blocks.map((b) => b.status),
    ['same', 'same', 'inserted', 'formatted', 'same'],
  );
  assert.deepEqual(diff.sections[0].blocks[3].parts[0], { text: 'Styled', marks: ['italic'] });
});

test('deleted words keep the formatting they had', () => {
  const diff = diffManuscripts(
    book(chapter('c', 'T', [text('A '), text('bold', ['bold']), text(' claim.')])),
    book(chapter('c', 'T', 'A claim.')),
  );
  const deleted = diff.sections[0].blocks[1].parts.filter((p) => p.change === 'deleted');
  assert.ok(deleted.some((p) => p.text === 'bold' && p.marks.join() === 'bold'), JSON.stringify(deleted));
  assert.ok(deleted.every((p) => p.text.trim() === '' || p.marks.join() === 'bold'));
});

test('an unrelated paragraph that replaces another is a deletion and an insertion, not a word soup', () => {
  const diff = diffManuscripts(
    book(chapter('c', 'T', 'Kept as it was.', 'The phone lay on the nightstand in the dark.')),
    book(chapter('c', 'T', 'Kept as it was.', 'Across town a siren wailed for nobody at all.')),
  );
  assert.deepEqual(
    diff.sections[0].blocks.map((b) => b.status),
    ['same', 'same', 'deleted', 'inserted'],
  );
});

function part(id: string, title: string): SectionJson {
  return { id, kind: 'part', content: { type: 'doc', content: [{ type: 'part', content: [{ type: 'partTitle', content: title ? [text(title)] : [] }] }] } };
}
function dedication(id: string, words: string): SectionJson {
  return { id, kind: 'dedication', content: { type: 'doc', content: [{ type: 'dedication', content: [{ type: 'paragraph', content: [text(words)] }] }] } };
}

test('swapped parts and moved untitled chapters are moves, not renames, though their numbers change', () => {
  const diff = diffManuscripts(
    book(part('p1', 'Seeds'), chapter('a', '', 'One.'), part('p2', 'Roots'), chapter('b', '', 'Two.'), chapter('c', 'Named', 'Three.')),
    book(part('p2', 'Roots'), chapter('b', '', 'Two.'), part('p1', 'Seeds'), chapter('a', '', 'One.'), chapter('c', 'Named', 'Three.')),
  );
  assert.deepEqual(
    diff.sections.map((s) => [s.id, s.label, s.status, s.moved, s.renamedFrom ?? null]),
    [
      ['p2', 'Part One: Roots', 'same', false, null],
      ['b', 'Chapter 1', 'same', false, null],
      ['p1', 'Part Two: Seeds', 'same', true, null],
      ['a', 'Chapter 2', 'same', true, null],
      ['c', 'Named', 'same', false, null],
    ],
  );
});

test('a renamed part is a rename whatever its number, and an untitled chapter given a title is too', () => {
  const diff = diffManuscripts(
    book(part('p1', 'Seeds'), chapter('a', '', 'One.')),
    book(part('p0', 'Prelude'), part('p1', 'Sprouts'), chapter('a', 'Dawn', 'One.')),
  );
  assert.deepEqual(
    diff.sections.map((s) => [s.id, s.label, s.renamedFrom ?? null]),
    [
      ['p0', 'Part One: Prelude', null],
      ['p1', 'Part Two: Sprouts', 'Part One: Seeds'],
      ['a', 'Dawn', 'Chapter 1'],
    ],
  );
});

test('a section removed from the start of the book is shown first, as removed, with its words counted', () => {
  const diff = diffManuscripts(
    book(dedication('d', 'For my sister, always.'), chapter('a', 'Alpha', 'Kept.')),
    book(chapter('a', 'Alpha', 'Kept.')),
  );
  assert.deepEqual(
    diff.sections.map((s) => [s.id, s.label, s.status]),
    [
      ['d', 'Dedication', 'removed'],
      ['a', 'Alpha', 'same'],
    ],
  );
  assert.equal(diff.sections[0].removed, 4);
  assert.deepEqual(diff.sections[0].blocks.map((b) => [b.status, b.parts.map((p) => p.text).join('')]), [['deleted', 'For my sister, always.']]);
  assert.deepEqual([diff.added, diff.removed], [0, 4]);
});

test('a section whose only change is formatting is changed, not the same, and its block is marked formatted', () => {
  const diff = diffManuscripts(
    book(chapter('a', 'Alpha', 'Plain words here.'), chapter('b', 'Beta', 'Untouched.')),
    book(chapter('a', 'Alpha', [text('Plain '), text('words', ['bold']), text(' here.')]), chapter('b', 'Beta', 'Untouched.')),
  );
  assert.deepEqual(
    diff.sections.map((s) => [s.id, s.status]),
    [
      ['a', 'changed'],
      ['b', 'same'],
    ],
  );
  assert.deepEqual(diff.sections[0].blocks.map((b) => b.status), ['same', 'formatted']);
  assert.deepEqual([diff.added, diff.removed], [0, 0]);
});

test('a comment added or removed is a comment change, not a text or formatting change', () => {
  const commented = (threadId: string, value: string): JSONContent => ({ type: 'text', text: value, marks: [{ type: 'comment', attrs: { threadId } }] });
  const diff = diffManuscripts(
    book(chapter('c1', 'One', [text('Rain '), commented('old000000001', 'all night.')])),
    book(chapter('c1', 'One', [commented('new000000001', 'Rain '), text('all night.')])),
  );
  const [section] = diff.sections;
  assert.equal(section.status, 'same', 'no text or formatting changed');
  assert.deepEqual(section.blocks.map((b) => b.status), ['same', 'same']);
  assert.deepEqual(section.comments, { added: [{ threadId: 'new000000001', quote: 'Rain ' }], removed: [{ threadId: 'old000000001', quote: 'all night.' }] });
  assert.equal(diffManuscripts(book(chapter('c1', 'One', 'Plain.')), book(chapter('c1', 'One', 'Plain.'))).sections[0].comments, undefined);
});
