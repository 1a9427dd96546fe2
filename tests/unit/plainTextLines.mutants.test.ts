// Plain text into lines and paragraph blocks: written to kill the mutants `npm run test:mutation`
// found surviving in plainTextLines and plainTextBlocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainTextLines } from '../../server/import/plainTextLines';
import { plainTextBlocks } from '../../server/import/plainTextBlocks';

test('plainTextLines: any line ending, collapsed spaces, no empty lines, only a leading byte-order mark dropped', () => {
  assert.deepEqual(plainTextLines('\uFEFFone\r\ntwo\rthree\nfour'), ['one', 'two', 'three', 'four']);
  assert.deepEqual(plainTextLines('a \t\u00A0  b\n\n   \n  c  '), ['a b', 'c']);
  // U+FEFF inside the text is no byte-order mark: like any other space it separates words.
  assert.deepEqual(plainTextLines('x\uFEFFy'), ['x y']);
  assert.deepEqual(plainTextLines(''), []);
});

test('plainTextBlocks: one paragraph per line', () => {
  assert.deepEqual(plainTextBlocks('One\n\nTwo'), [
    { kind: 'paragraph', inlines: [{ type: 'text', text: 'One' }] },
    { kind: 'paragraph', inlines: [{ type: 'text', text: 'Two' }] },
  ]);
});
