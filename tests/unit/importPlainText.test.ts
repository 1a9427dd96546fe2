import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { JSONContent } from '@tiptap/core';
import { importPlainText } from '../../server/import/importPlainText';
import { wordsOf } from '@model/manuscript/countWords';
import { manuscriptSchema } from '@model/schema';
import { SAMPLE_TEXT_PATH } from '../../prisma/seed/sampleManuscript';

const sampleText = readFileSync(SAMPLE_TEXT_PATH, 'utf8');
const counter = () => {
  let n = 0;
  return () => `s${++n}`;
};

/** Every text node's content under a node, in document order, blocks separated by newlines. */
function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(textOf).join(node.type === 'paragraph' || node.type?.startsWith('epigraph') ? '' : '\n');
}

function nodesOfType(node: JSONContent, type: string): JSONContent[] {
  const found = node.type === type ? [node] : [];
  return found.concat(...(node.content ?? []).map((child) => nodesOfType(child, type)));
}

test('the sample novel keeps every word, in order', () => {
  const manuscript = importPlainText(sampleText, { title: 'Call Time', makeId: counter() });
  const imported = manuscript.sections.map((section) => textOf(section.content)).join('\n');
  // The source's structural labels are structure after import, not text: drop them from the expectation.
  const expected = sampleText
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== 'Dedication' && line !== 'Epigraphs')
    .map((line) => line.replace(/^Chapter 1:\s*/, ''))
    .join('\n');
  const expectedWords = wordsOf(expected);
  assert.ok(expectedWords.length > 6900, `expected the whole novel, got ${expectedWords.length} words`);
  assert.deepEqual(wordsOf(imported), expectedWords);
});

test('the sample novel has its dedication, two attributed epigraphs and Chapter 1 with four scene headings', () => {
  const manuscript = importPlainText(sampleText, { title: 'Call Time', makeId: counter() });
  assert.deepEqual(
    manuscript.sections.map((s) => s.kind),
    ['dedication', 'epigraphs', 'chapter'],
  );
  const [dedication, epigraphs, chapter] = manuscript.sections;
  assert.match(textOf(dedication.content), /^For the actors waiting for a call that never comes/);

  const epigraphNodes = nodesOfType(epigraphs.content, 'epigraph');
  assert.equal(epigraphNodes.length, 2);
  assert.deepEqual(
    epigraphNodes.map((e) => textOf(nodesOfType(e, 'epigraphAttribution')[0])),
    ['Meryl Streep (Modified for the Fictional "Ashes of Empire" Press Kit)', 'Lena Cruz\'s Acting Coach'],
  );
  assert.match(textOf(nodesOfType(epigraphNodes[1], 'epigraphQuote')[0]), /^"There are no small parts/);

  assert.equal(textOf(nodesOfType(chapter.content, 'chapterTitle')[0]), 'Call Time: 4:00 AM');
  assert.deepEqual(
    nodesOfType(chapter.content, 'sceneHeading').map(textOf),
    ['The Alarm Before Dawn', 'Gate C, The Waiting Field', 'Wardrobe & Misfit Identities: Disassembling Self', 'The Backlot Twilight'],
  );
  for (const section of manuscript.sections) manuscriptSchema.nodeFromJSON(section.content).check();
});

test('chapter headings in their common spellings each open a chapter', () => {
  const text = ['Chapter 1: The Start', 'One.', 'CHAPTER TWO', 'Two.', 'Chapter III. Third', 'Three.', 'Chapter Twenty-One', 'Four.'].join('\n\n');
  const manuscript = importPlainText(text, { title: 'T', makeId: counter() });
  const titles = manuscript.sections.map((s) => textOf(nodesOfType(s.content, 'chapterTitle')[0]));
  assert.deepEqual(titles, ['The Start', '', 'Third', '']);
});

test('scene breaks become scene-break nodes and prose before any chapter opens an untitled chapter', () => {
  const text = 'It began at night.\n\n* * *\n\nMorning came.\n\n***\n\n#\n\nThe end.';
  const manuscript = importPlainText(text, { title: 'T', makeId: counter() });
  assert.equal(manuscript.sections.length, 1);
  const body = manuscript.sections[0].content.content![0].content!;
  assert.deepEqual(
    body.map((node) => node.type),
    ['chapterTitle', 'paragraph', 'sceneBreak', 'paragraph', 'sceneBreak', 'sceneBreak', 'paragraph'],
  );
});

test('a sentence, dialogue or a list line is never taken for a scene heading', () => {
  const text = 'Chapter 1\n\nThe Night Shift\n\n“Cut!” she said.\n\nLine up! Wardrobe is ready!\n\nAshes of Empire.\n\nshe whispered to no one';
  const manuscript = importPlainText(text, { title: 'T', makeId: counter() });
  const body = manuscript.sections[0].content.content![0].content!;
  assert.deepEqual(
    body.map((node) => node.type),
    ['chapterTitle', 'sceneHeading', 'paragraph', 'paragraph', 'paragraph', 'paragraph'],
  );
});

test('an empty file imports as a manuscript with no sections (callers refuse it), not an exception', () => {
  const manuscript = importPlainText('   \n\n\t\n', { title: 'Empty', makeId: counter() });
  assert.equal(manuscript.sections.length, 0);
});
