import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, type DecorationSet } from '@tiptap/pm/view';
import { allDecorations, updateDecorations, type BlockDecorations } from './incrementalDecorations';
import { markNames } from '@model/schema/names';

/** What the highlights show: which threads are resolved (not highlighted) and which one is chosen. */
export interface CommentHighlightState {
  resolved: ReadonlySet<string>;
  active: string | null;
}

/** The plugin's key: dispatch `tr.setMeta(commentHighlightsKey, state)` to change what is shown. */
export const commentHighlightsKey = new PluginKey<CommentHighlightState>('commentHighlights');

/** A block's highlights: each run marked by an open thread, the chosen thread's more strongly. */
function blockHighlights(shown: CommentHighlightState): BlockDecorations {
  return (block, pos) => {
    const found: Decoration[] = [];
    block.forEach((node, offset) => {
      if (!node.isText) return;
      const threads = node.marks.filter((mark) => mark.type.name === markNames.comment && !shown.resolved.has(mark.attrs.threadId)).map((mark) => mark.attrs.threadId as string);
      if (threads.length === 0) return;
      const active = shown.active !== null && threads.includes(shown.active);
      const from = pos + 1 + offset;
      found.push(Decoration.inline(from, from + node.nodeSize, { class: `comment-highlight${active ? ' is-active' : ''}${threads.length > 1 ? ' is-overlapping' : ''}` }));
    });
    return found;
  };
}

/**
 * Highlights the passages of open comment threads (a resolved thread's mark stays in the text,
 * unhighlighted), the chosen thread's more strongly. Drawn as decorations, so highlighting is
 * never a change to the document.
 */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',

  addProseMirrorPlugins() {
    return [
      new Plugin<{ shown: CommentHighlightState; set: DecorationSet }>({
        key: commentHighlightsKey as unknown as PluginKey<{ shown: CommentHighlightState; set: DecorationSet }>,
        state: {
          init: (_, state) => {
            const shown = { resolved: new Set<string>(), active: null };
            return { shown, set: allDecorations(state.doc, blockHighlights(shown)) };
          },
          apply: (tr, value, _old, state) => {
            const shown = (tr.getMeta(commentHighlightsKey) as CommentHighlightState | undefined) ?? value.shown;
            // Another thread chosen or resolved: every highlight is redrawn; an edit redraws only the blocks it changed.
            if (shown !== value.shown) return { shown, set: allDecorations(state.doc, blockHighlights(shown)) };
            if (!tr.docChanged) return value;
            return { shown, set: updateDecorations(value.set, tr, blockHighlights(shown)) };
          },
        },
        props: {
          decorations(state) {
            return this.getState(state)?.set;
          },
        },
      }),
    ];
  },
});
