import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';

/** Where typewriter scrolling keeps the caret's line: this share of the way down the text's view. */
const CARET_HEIGHT = 0.42;

/** The key focus mode's plugin is registered under (to unregister it). */
export const focusModeKey = new PluginKey('focusMode');

/** The text block the caret is in, as a decoration marking it current. */
function currentBlock(state: EditorState): DecorationSet {
  const { $head } = state.selection;
  for (let depth = $head.depth; depth > 0; depth--) {
    const node = $head.node(depth);
    if (node.isTextblock) {
      const from = $head.before(depth);
      return DecorationSet.create(state.doc, [Decoration.node(from, from + node.nodeSize, { class: 'is-current' })]);
    }
  }
  return DecorationSet.empty;
}

/** The nearest ancestor of `element` that scrolls vertically. */
function scroller(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) return node;
  }
  return null;
}

/** Scrolls the text so that the caret's line is at {@link CARET_HEIGHT} of its view. */
function keepCaretInPlace(view: EditorView): void {
  const box = scroller(view.dom);
  if (!box) return;
  const caret = view.coordsAtPos(view.state.selection.head);
  const frame = box.getBoundingClientRect();
  box.scrollTop += caret.top - (frame.top + frame.height * CARET_HEIGHT);
}

/**
 * Focus mode's part inside the editor, registered on the open editor only while focus mode is on
 * (so the editor carries none of it otherwise, nor its code until first used): the text block
 * holding the caret carries the class `is-current` (the stylesheet dims the others), and the
 * text scrolls as the writer types so that the caret's line stays at one height, like paper in
 * a typewriter.
 */
export function focusModePlugin(): Plugin {
  return new Plugin({
    key: focusModeKey,
    props: { decorations: currentBlock },
    view: (view) => {
      keepCaretInPlace(view);
      return {
        update: (updated, previous) => {
          if (!previous.selection.eq(updated.state.selection) || !previous.doc.eq(updated.state.doc)) keepCaretInPlace(updated);
        },
      };
    },
  });
}
