import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { canJoin, canSplit } from '@tiptap/pm/transform';
import type { EditorState, Transaction } from '@tiptap/pm/state';

/**
 * What a writer typed into the served text before the editor was ready (recorded by the page's
 * inline script, `earlyInputScript`), in the order typed. A place is a textblock's index
 * among the section's textblocks, in document order, and a character offset within it (a line
 * break counts as one, as in ProseMirror); each edit's place is read after the edits before it.
 */
export type EarlyEdit =
  | { type: 'insert'; block: number; offset: number; text: string }
  /** Enter in a paragraph: its text after `offset` starts a new paragraph. */
  | { type: 'split'; block: number; offset: number }
  /** Backspace: `length` characters before `offset`. */
  | { type: 'delete'; block: number; offset: number; length: number }
  /** Backspace at the start of `block`, a paragraph the writer split off: the two become one again. */
  | { type: 'join'; block: number };

/** Where each textblock's content starts, in document order. */
export function textblockStarts(doc: ProseMirrorNode): { start: number; node: ProseMirrorNode }[] {
  const blocks: { start: number; node: ProseMirrorNode }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    blocks.push({ start: pos + 1, node });
    return false;
  });
  return blocks;
}

/**
 * The document position of `offset` within textblock `block`, or null when there is no such
 * block. An offset past the block's end (a co-writer shortened it meanwhile) is its end.
 */
export function positionOf(doc: ProseMirrorNode, block: number, offset: number): number | null {
  const target = textblockStarts(doc)[block];
  if (!target || !Number.isInteger(offset)) return null;
  return target.start + Math.min(Math.max(offset, 0), target.node.content.size);
}

/** The end of the section's last textblock: where typing that has no place left goes. */
export function endOfSection(doc: ProseMirrorNode): number {
  const last = textblockStarts(doc).at(-1);
  return last ? last.start + last.node.content.size : doc.content.size;
}

/** The editor (a ProseMirror view, or anything that applies a transaction to its state). */
export interface ReplayTarget {
  readonly state: EditorState;
  dispatch(tr: Transaction): void;
}

/**
 * Applies the early edits to the editor, each as an ordinary transaction (so they sync and are
 * stored like any typing), and returns the position just after the last one, for the caret.
 * Typed text is never dropped: text whose block is gone goes to the end of the section. A
 * Backspace or Enter that no longer has its place is skipped; it removes or adds no words.
 */
export function replayEarlyEdits(target: ReplayTarget, edits: readonly EarlyEdit[]): number {
  let caret = target.state.selection.head;
  for (const edit of edits) {
    const { doc } = target.state;
    const tr = target.state.tr;
    if (edit.type === 'insert') {
      if (!edit.text) continue;
      const at = positionOf(doc, edit.block, edit.offset) ?? endOfSection(doc);
      tr.insertText(edit.text, at);
      caret = at + edit.text.length;
    } else if (edit.type === 'split') {
      const at = positionOf(doc, edit.block, edit.offset) ?? endOfSection(doc);
      if (doc.resolve(at).parent.type.name !== 'paragraph' || !canSplit(doc, at)) continue;
      tr.split(at);
      caret = at + 2;
    } else if (edit.type === 'delete') {
      const at = positionOf(doc, edit.block, edit.offset);
      const from = at === null ? null : at - edit.length;
      if (at === null || from === null || edit.length <= 0 || from < textblockStarts(doc)[edit.block].start) continue;
      tr.delete(from, at);
      caret = from;
    } else {
      const blocks = textblockStarts(doc);
      const [before, block] = [blocks[edit.block - 1], blocks[edit.block]];
      const paragraphs = [before, block].every((b) => b?.node.type.name === 'paragraph');
      if (!paragraphs || !canJoin(doc, block.start - 1)) continue;
      tr.join(block.start - 1);
      caret = block.start - 2;
    }
    target.dispatch(tr);
  }
  return Math.min(caret, target.state.doc.content.size);
}
