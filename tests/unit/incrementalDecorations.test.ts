import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState } from '@tiptap/pm/state';
import { Decoration, type DecorationSet } from '@tiptap/pm/view';
import { Slice, type Node as PMNode } from '@tiptap/pm/model';
import { manuscriptSchema } from '@model/schema';
import { allDecorations, updateDecorations, type BlockDecorations } from '../../components/editor/incrementalDecorations';

/** One decoration per bold or commented run, naming its text, so a stale one shows. */
const build: BlockDecorations = (block, pos) => {
  const found: Decoration[] = [];
  block.forEach((node, offset) => {
    if (!node.isText || node.marks.length === 0) return;
    const from = pos + 1 + offset;
    found.push(Decoration.inline(from, from + node.nodeSize, { class: node.marks.map((m) => m.type.name).join(' '), 'data-text': node.text! }));
  });
  return found;
};

const described = (set: DecorationSet, doc: PMNode) =>
  set
    .find()
    .map((d) => `${d.from}-${d.to}:${doc.textBetween(d.from, d.to)}:${JSON.stringify((d as unknown as { type: { attrs: object } }).type.attrs)}`)
    .sort();

/** A small deterministic random source (so a failure can be replayed). */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

test('decorations carried through edits block by block equal decorations built afresh', () => {
  const paragraph = (text: string, bold = false) => ({ type: 'paragraph', content: [{ type: 'text', text, ...(bold ? { marks: [{ type: 'bold' }] } : {}) }] });
  const start = manuscriptSchema.nodeFromJSON({
    type: 'doc',
    content: [{ type: 'chapter', content: [{ type: 'chapterTitle', content: [{ type: 'text', text: 'Title' }] }, paragraph('Rain on the lot.', true), paragraph('All night long.'), paragraph('Morning came.', true)] }],
  });
  const next = random(7);
  let state = EditorState.create({ doc: start });
  let set = allDecorations(state.doc, build);
  for (let round = 0; round < 300; round++) {
    const size = state.doc.content.size;
    const at = 2 + Math.floor(next() * (size - 4));
    const tr = state.tr;
    const choice = next();
    try {
      if (choice < 0.3) tr.insertText('xy', at);
      else if (choice < 0.45) tr.delete(at, Math.min(size - 2, at + 1 + Math.floor(next() * 6)));
      else if (choice < 0.6) tr.split(at);
      else if (choice < 0.8) tr.addMark(at, Math.min(size - 2, at + 5), manuscriptSchema.marks.comment.create({ threadId: `t${round}` }));
      else tr.removeMark(at, Math.min(size - 2, at + 5), manuscriptSchema.marks.bold);
    } catch {
      continue; // a split or delete the schema does not allow at that place
    }
    if (!tr.docChanged) continue;
    state = state.apply(tr);
    set = updateDecorations(set, tr, build);
    assert.deepEqual(described(set, state.doc), described(allDecorations(state.doc, build), state.doc), `round ${round}`);
  }
});

test("a co-writer's change, arriving as one step that replaces the whole document, rebuilds only the block it touched", () => {
  const paragraph = (text: string, threadId?: string) => ({ type: 'paragraph', content: [{ type: 'text', text, ...(threadId ? { marks: [{ type: 'comment', attrs: { threadId } }] } : {}) }] });
  const chapter = (paragraphs: object[]) =>
    manuscriptSchema.nodeFromJSON({ type: 'doc', content: [{ type: 'chapter', content: [{ type: 'chapterTitle', content: [{ type: 'text', text: 'Title' }] }, ...paragraphs] }] });
  const texts = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} of the chapter.`);
  const next = random(11);
  let state = EditorState.create({ doc: chapter(texts.map((text, i) => paragraph(text, i % 3 === 0 ? `t${i}` : undefined))) });
  let set = allDecorations(state.doc, build);
  for (let round = 0; round < 60; round++) {
    // As y-tiptap does it: the co-writer's edit is made on a copy, and the whole content replaced by the result.
    const edited = state.tr;
    const at = 8 + Math.floor(next() * (state.doc.content.size - 12));
    if (next() < 0.5) edited.insertText('r', at);
    else if (next() < 0.5) edited.delete(at, at + 1);
    else edited.addMark(at, at + 3, manuscriptSchema.marks.comment.create({ threadId: `new${round}` }));
    if (!edited.docChanged) continue;
    const tr = state.tr.replace(0, state.doc.content.size, new Slice(edited.doc.content, 0, 0));
    let built = 0;
    const counting: BlockDecorations = (block, pos) => {
      built++;
      return build(block, pos);
    };
    state = state.apply(tr);
    set = updateDecorations(set, tr, counting);
    assert.deepEqual(described(set, state.doc), described(allDecorations(state.doc, build), state.doc), `round ${round}`);
    assert.ok(built <= 2, `round ${round}: ${built} blocks rebuilt for one co-writer's edit`);
  }
});
