import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JSONContent } from '@tiptap/core';
import { wordsOf } from '@model/manuscript/countWords';
import { jsonText } from '@model/manuscript/jsonText';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { importFile } from '../../server/import/importFile';
import { seedFile, seedFiles } from '../support/seedFiles';
import { checkSchema, manuscriptText } from '../support/manuscriptWords';

const importSeed = (name: string, text: string) => importFile({ name, bytes: new TextEncoder().encode(text) });
const node = (section: ManuscriptJson['sections'][number]) => section.content.content![0];
const childrenOfType = (section: ManuscriptJson['sections'][number], type: string) => (node(section).content ?? []).filter((c) => c.type === type);
const chapterTitles = (m: ManuscriptJson) =>
  m.sections.filter((s) => s.kind === 'chapter').map((s) => jsonText(childrenOfType(s, 'chapterTitle')[0] ?? {}));
const hasMark = (nodes: JSONContent[], mark: string, text: string): boolean =>
  nodes.some(
    (n) => (n.type === 'text' && n.text?.includes(text) && n.marks?.some((m) => m.type === mark)) || hasMark(n.content ?? [], mark, text),
  );

/**
 * The words a seed's story must keep: every word of the file, minus the structural labels that
 * become structure ("Dedication", "Epigraphs", "Chapter 1", the "Title:" label). Markdown markup
 * is punctuation, which words never include.
 */
function storyWords(name: string, text: string): string[] {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== 'Dedication' && line !== 'Epigraphs')
    .map((line) => line.replace(/^Chapter 1:\s*/, '').replace(/^\*\*Title:\s*/, '**'));
  return wordsOf(lines.join('\n'));
}

for (const seed of seedFiles()) {
  test(`seed ${seed.name} imports with every word of its story, in order, and fits the schema`, async () => {
    const manuscript = await importSeed(seed.name, seed.text);
    checkSchema(manuscript);
    const expected = storyWords(seed.name, seed.text);
    assert.ok(expected.length > 250, `expected a whole story, got ${expected.length} words`);
    // The title comes first in the text; when the file states none it is the file name, not story text.
    const imported = wordsOf(manuscriptText(manuscript));
    const fromFileName = wordsOf(seed.name.replace(/\.txt$/, '').replace(/_/g, ' '));
    const story = manuscript.title === seed.name.replace(/\.txt$/, '').replace(/_/g, ' ') ? imported.slice(fromFileName.length) : imported;
    assert.deepEqual(story, expected);
  });
}

test('000: two chapters from its Markdown headings, colons dropped from the titles', async () => {
  const seed = seedFile('000');
  const m = await importSeed(seed.name, seed.text);
  assert.deepEqual(m.sections.map((s) => s.kind), ['chapter', 'chapter']);
  assert.deepEqual(chapterTitles(m), ['The Story Opening', 'The Setting']);
  assert.equal(childrenOfType(m.sections[0], 'paragraph').length, 3);
  assert.equal(childrenOfType(m.sections[1], 'paragraph').length, 2);
});

test('001: two chapters, and the setting paragraph wholly in bold keeps its bold as text, not a heading', async () => {
  const seed = seedFile('001');
  const m = await importSeed(seed.name, seed.text);
  assert.deepEqual(chapterTitles(m), ['Story Opening', 'Setting']);
  assert.ok(hasMark(node(m.sections[1]).content!, 'bold', 'Culver Studios, Culver City'));
});

test('002: the chatty first line is kept in an untitled opening chapter; bold title lines are chapters; list items, bold labels and italics survive', async () => {
  const seed = seedFile('002');
  const m = await importSeed(seed.name, seed.text);
  assert.deepEqual(chapterTitles(m), ['', 'Story Opening', 'Setting']);
  assert.match(jsonText(m.sections[0].content), /^Okay, here's a story opening/m);
  assert.ok(hasMark(node(m.sections[1]).content!, 'italic', 'thwack'));
  const setting = childrenOfType(m.sections[2], 'paragraph');
  assert.equal(setting.length, 6, 'intro, four locations, closing line');
  assert.ok(hasMark(setting, 'bold', 'Soundstage 7:'));
  assert.doesNotMatch(jsonText(m.sections[2].content), /\*/, 'no Markdown left in the text');
});

test('003: the bold "Title:" line becomes the title; setting first, then the opening chapter with italic names', async () => {
  const seed = seedFile('003');
  const m = await importSeed(seed.name, seed.text);
  assert.equal(m.title, 'The Frames Between Us');
  assert.deepEqual(chapterTitles(m), ['', 'Story Opening']);
  assert.ok(hasMark(node(m.sections[0]).content!, 'bold', 'Setting:'));
  assert.ok(hasMark(node(m.sections[1]).content!, 'italic', 'Alexander Montgomery'));
});

test('004: dedication, two attributed epigraphs, and "Call Time: 4:00 AM" with its four scene headings', async () => {
  const seed = seedFile('004');
  const m = await importSeed(seed.name, seed.text);
  assert.deepEqual(m.sections.map((s) => s.kind), ['dedication', 'epigraphs', 'chapter']);
  const epigraphs = childrenOfType(m.sections[1], 'epigraph');
  assert.equal(epigraphs.length, 2);
  for (const epigraph of epigraphs) assert.ok(jsonText(epigraph.content![1]).trim().length > 0, 'each epigraph has its attribution');
  assert.deepEqual(chapterTitles(m), ['Call Time: 4:00 AM']);
  assert.deepEqual(childrenOfType(m.sections[2], 'sceneHeading').map((h) => jsonText(h)), [
    'The Alarm Before Dawn',
    'Gate C, The Waiting Field',
    'Wardrobe & Misfit Identities: Disassembling Self',
    'The Backlot Twilight',
  ]);
});
