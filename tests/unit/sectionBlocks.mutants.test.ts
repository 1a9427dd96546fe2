// A section flattened into the blocks the diff compares: written to kill the mutants
// `npm run test:mutation` found surviving in sectionBlocks (block types, breaks, sorted marks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sectionBlocks } from '../../server/revisions/sectionBlocks';

test('every kind of text block is one block, in reading order, with its runs', () => {
  const blocks = sectionBlocks({
    type: 'doc',
    content: [
      { type: 'part', content: [{ type: 'partTitle', content: [{ type: 'text', text: 'Spring' }] }] },
      {
        type: 'chapter',
        content: [
          { type: 'chapterTitle', content: [{ type: 'text', text: 'One' }] },
          { type: 'chapterSubtitle', content: [{ type: 'text', text: 'sub' }] },
          { type: 'sceneHeading', content: [{ type: 'text', text: 'Night' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'a', marks: [{ type: 'italic' }, { type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: 'b' }] },
          { type: 'sceneBreak' },
          { type: 'paragraph' },
        ],
      },
      { type: 'epigraphs', content: [{ type: 'epigraph', content: [{ type: 'epigraphQuote', content: [{ type: 'text', text: 'Q' }] }, { type: 'epigraphAttribution', content: [{ type: 'text', text: 'A' }] }] }] },
    ],
  });
  assert.deepEqual(blocks, [
    { type: 'partTitle', text: 'Spring', runs: [{ text: 'Spring', marks: [] }] },
    { type: 'chapterTitle', text: 'One', runs: [{ text: 'One', marks: [] }] },
    { type: 'chapterSubtitle', text: 'sub', runs: [{ text: 'sub', marks: [] }] },
    { type: 'sceneHeading', text: 'Night', runs: [{ text: 'Night', marks: [] }] },
    { type: 'paragraph', text: 'a\nb', runs: [{ text: 'a', marks: ['bold', 'italic'] }, { text: '\n', marks: [] }, { text: 'b', marks: [] }] },
    { type: 'sceneBreak', text: '', runs: [] },
    { type: 'paragraph', text: '', runs: [] },
    { type: 'epigraphQuote', text: 'Q', runs: [{ text: 'Q', marks: [] }] },
    { type: 'epigraphAttribution', text: 'A', runs: [{ text: 'A', marks: [] }] },
  ]);
});
