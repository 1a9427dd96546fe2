// A block's text and whether it is wholly bold or italic: written to kill the mutants
// `npm run test:mutation` found in importBlock (isWhollyItalic had no test reaching it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JSONContent } from '@tiptap/core';
import { blockText, isWhollyBold, isWhollyItalic, type ImportBlock } from '../../server/import/importBlock';

const run = (text: string, ...marks: string[]): JSONContent => ({ type: 'text', text, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
const block = (...inlines: JSONContent[]): ImportBlock => ({ kind: 'paragraph', inlines });

test('blockText: runs joined, hard breaks as newlines, a run without text as nothing', () => {
  assert.equal(blockText(block(run('a'), { type: 'hardBreak' }, run('b'), { type: 'text' })), 'a\nb');
});

for (const [name, wholly, mark, other] of [
  ['isWhollyBold', isWhollyBold, 'bold', 'italic'],
  ['isWhollyItalic', isWhollyItalic, 'italic', 'bold'],
] as const) {
  test(`${name}: every run with words carries the mark; blank runs and breaks do not count`, () => {
    assert.equal(wholly(block(run('A', mark), run('  '), { type: 'hardBreak' }, run('B', mark, other))), true);
    assert.equal(wholly(block(run('A', mark), run('b'))), false, 'one plain run');
    assert.equal(wholly(block(run('A', other))), false, 'another mark only');
    assert.equal(wholly(block(run('A'))), false, 'no marks at all');
    assert.equal(wholly(block()), false, 'no runs');
    assert.equal(wholly(block(run('  ', mark))), false, 'only blank runs');
    assert.equal(wholly(block({ type: 'hardBreak' })), false, 'only a break');
  });
}
