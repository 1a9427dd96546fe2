// Where an appended file's title goes, for every shape of book it can meet: written to kill the
// mutants `npm run test:mutation` found surviving in keepTitleAsHeading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JSONContent } from '@tiptap/core';
import type { ManuscriptJson, SectionJson } from '@model/manuscript/manuscriptJson';
import { keepTitleAsHeading } from '../../server/import/keepTitleAsHeading';

const text = (value: string): JSONContent[] => (value ? [{ type: 'text', text: value }] : []);
const section = (id: string, kind: SectionJson['kind'], content: JSONContent = { type: 'doc', content: [{ type: kind }] }): SectionJson => ({ id, kind, content });
const chapter = (id: string, title: string) => section(id, 'chapter', { type: 'doc', content: [{ type: 'chapter', content: [{ type: 'chapterTitle', content: text(title) }, { type: 'paragraph', content: text('Words.') }] }] });
const part = (id: string, title: string) => section(id, 'part', { type: 'doc', content: [{ type: 'part', content: [{ type: 'partTitle', content: text(title) }] }] });
const book = (title: string, ...sections: SectionJson[]): ManuscriptJson => ({ title, sections });
const newPart = (title: string) => ({ id: 'new', kind: 'part', content: { type: 'doc', content: [{ type: 'part', content: [{ type: 'partTitle', content: [{ type: 'text', text: title }] }] }] } });
const makeId = () => 'new';

test('the title, trimmed, names an untitled (or blank-titled) first chapter after the front matter', () => {
  const result = keepTitleAsHeading(book(' The Storm ', section('d', 'dedication'), chapter('c1', ''), chapter('c2', 'Two')), makeId);
  assert.deepEqual(result.sections.map((s) => s.id), ['d', 'c1', 'c2']);
  assert.deepEqual(result.sections[1].content.content![0].content![0], { type: 'chapterTitle', content: [{ type: 'text', text: 'The Storm' }] });
  assert.equal(result.title, ' The Storm ', 'the manuscript title itself is left as given');
  const blank = keepTitleAsHeading(book('Storm', chapter('c1', '   ')), makeId);
  assert.deepEqual(blank.sections[0].content.content![0].content![0], { type: 'chapterTitle', content: [{ type: 'text', text: 'Storm' }] });
});

test('before a titled first chapter, or a first part, the title becomes a part of its own', () => {
  const titled = keepTitleAsHeading(book('Book Two', section('d', 'dedication'), chapter('c1', 'Arrival')), makeId);
  assert.deepEqual(titled.sections.map((s) => s.id), ['d', 'new', 'c1']);
  assert.deepEqual(titled.sections[1], newPart('Book Two'));
  const parted = keepTitleAsHeading(book('Book Two', section('e', 'epigraphs'), part('p1', 'Spring'), chapter('c1', '')), makeId);
  assert.deepEqual(parted.sections.map((s) => s.id), ['e', 'new', 'p1', 'c1']);
  assert.deepEqual(parted.sections[2], part('p1', 'Spring'), 'the existing part is untouched');
});

test('a file of front matter only gets the title as a part at its end', () => {
  const result = keepTitleAsHeading(book('Notes', section('d', 'dedication'), section('e', 'epigraphs')), makeId);
  assert.deepEqual(result.sections.map((s) => s.id), ['d', 'e', 'new']);
  assert.deepEqual(keepTitleAsHeading(book('Empty'), makeId).sections, [newPart('Empty')]);
});

test('a first chapter without the usual title node is left alone and the title becomes a part', () => {
  for (const content of [{ type: 'doc' }, { type: 'doc', content: [] }, { type: 'doc', content: [{ type: 'chapter' }] }, { type: 'doc', content: [{ type: 'chapter', content: [{ type: 'paragraph' }] }] }]) {
    const result = keepTitleAsHeading(book('T', section('c1', 'chapter', content)), makeId);
    assert.deepEqual(result.sections.map((s) => s.id), ['new', 'c1'], JSON.stringify(content));
    assert.deepEqual(result.sections[1].content, content);
  }
});
