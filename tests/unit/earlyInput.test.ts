import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import type { JSONContent } from '@tiptap/core';
import { manuscriptSchema } from '@model/schema';
import { endOfSection, positionOf, replayEarlyEdits, type EarlyEdit } from '../../components/editor/earlyInput';

const text = (value: string): JSONContent => ({ type: 'text', text: value });

/** A chapter as the page serves it: title, then paragraphs (one with a line break, one italic). */
const chapter: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'chapter',
      attrs: { id: 'c1' },
      content: [
        { type: 'chapterTitle', content: [text('Rain')] },
        { type: 'paragraph', content: [text('It was late.')] },
        { type: 'paragraph', content: [text('One'), { type: 'hardBreak' }, { type: 'text', text: 'two', marks: [{ type: 'italic' }] }] },
      ],
    },
  ],
};

/** An editor stand-in: applies each dispatched transaction, and counts them. */
function editor(content: JSONContent = chapter) {
  const transactions: Transaction[] = [];
  const target = {
    state: EditorState.create({ doc: manuscriptSchema.nodeFromJSON(content) }),
    dispatch(tr: Transaction) {
      transactions.push(tr);
      target.state = target.state.apply(tr);
    },
  };
  return { target, transactions };
}

const blocks = (state: EditorState) => {
  const texts: string[] = [];
  state.doc.descendants((node) => {
    if (!node.isTextblock) return true;
    texts.push(node.textBetween(0, node.content.size, undefined, '\n'));
    return false;
  });
  return texts;
};

test('a place is a textblock index and an offset that counts a line break as one', () => {
  const { doc } = editor().target.state;
  // doc(0) chapter(1) title(2) "Rain" ... paragraph 1 starts at 2 + 4 + 2 = 8.
  assert.equal(positionOf(doc, 0, 0), 2);
  assert.equal(positionOf(doc, 1, 3), 11);
  assert.equal(doc.textBetween(positionOf(doc, 2, 4)!, positionOf(doc, 2, 7)!), 'two');
  assert.equal(positionOf(doc, 1, 99), positionOf(doc, 1, 12), 'past the end is the end');
  assert.equal(positionOf(doc, 3, 0), null, 'no such block');
  assert.equal(endOfSection(doc), positionOf(doc, 2, 7));
});

test('typed text lands where it was typed, each edit as its own transaction, caret after it', () => {
  const { target, transactions } = editor();
  const edits: EarlyEdit[] = [
    { type: 'insert', block: 1, offset: 0, text: 'So. ' },
    { type: 'insert', block: 1, offset: 16, text: ' Very' },
  ];
  const caret = replayEarlyEdits(target, edits);
  assert.deepEqual(blocks(target.state), ['Rain', 'So. It was late. Very', 'One\ntwo']);
  assert.equal(transactions.length, 2);
  assert.equal(caret, positionOf(target.state.doc, 1, 21));
});

test('Enter splits a paragraph, Backspace removes typed characters and joins the split again', () => {
  const { target } = editor();
  replayEarlyEdits(target, [
    { type: 'insert', block: 1, offset: 12, text: ' Then' },
    { type: 'split', block: 1, offset: 17 },
    { type: 'insert', block: 2, offset: 0, text: 'Dawnx' },
    { type: 'delete', block: 2, offset: 5, length: 1 },
  ]);
  assert.deepEqual(blocks(target.state), ['Rain', 'It was late. Then', 'Dawn', 'One\ntwo']);

  const { target: joined } = editor();
  const caret = replayEarlyEdits(joined, [
    { type: 'split', block: 1, offset: 12 },
    { type: 'join', block: 2 },
    { type: 'insert', block: 1, offset: 12, text: '!' },
  ]);
  assert.deepEqual(blocks(joined.state), ['Rain', 'It was late.!', 'One\ntwo']);
  assert.equal(caret, positionOf(joined.state.doc, 1, 13));
});

test('typing inside marked text takes its marks, as typing in the editor does', () => {
  const { target } = editor();
  replayEarlyEdits(target, [{ type: 'insert', block: 2, offset: 5, text: 'X' }]);
  const paragraph = target.state.doc.firstChild!.child(2);
  assert.equal(paragraph.textContent, 'OnetXwo');
  assert.deepEqual(paragraph.lastChild!.marks.map((mark) => mark.type.name), ['italic']);
});

test('text whose place is gone goes to the end of the section; nothing typed is dropped', () => {
  const { target } = editor();
  const caret = replayEarlyEdits(target, [
    { type: 'insert', block: 7, offset: 0, text: ' lost?' },
    { type: 'insert', block: 1, offset: 400, text: ' No.' },
  ]);
  assert.deepEqual(blocks(target.state), ['Rain', 'It was late. No.', 'One\ntwo lost?']);
  assert.equal(caret, positionOf(target.state.doc, 1, 16));
});

test('an Enter or Backspace without its place is skipped and changes no words', () => {
  const { target, transactions } = editor();
  const caret = replayEarlyEdits(target, [
    { type: 'split', block: 0, offset: 2 }, // in the chapter title: Enter there splits nothing
    { type: 'delete', block: 1, offset: 0, length: 1 }, // before the block's start
    { type: 'delete', block: 9, offset: 3, length: 1 },
    { type: 'join', block: 1 }, // a paragraph into the title
    { type: 'join', block: 0 },
  ]);
  assert.deepEqual(blocks(target.state), ['Rain', 'It was late.', 'One\ntwo']);
  assert.equal(transactions.length, 0);
  assert.equal(caret, target.state.selection.head);
});
