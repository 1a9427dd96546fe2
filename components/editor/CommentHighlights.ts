import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { markNames } from '@model/schema/names';

/** What the highlights show: which threads are resolved (not highlighted) and which one is chosen. */
export interface CommentHighlightState {
  resolved: ReadonlySet<string>;
  active: string | null;
}

/** The plugin's key: dispatch `tr.setMeta(commentHighlightsKey, state)` to change what is shown. */
export const commentHighlightsKey = new PluginKey<CommentHighlightState>('commentHighlights');

function decorations(state: EditorState, shown: CommentHighlightState): DecorationSet {
  const found: Decoration[] = [];
  state.doc.descendants((node, pos) => {
    if (!node.isText) return;
    const threads = node.marks.filter((mark) => mark.type.name === markNames.comment && !shown.resolved.has(mark.attrs.threadId)).map((mark) => mark.attrs.threadId as string);
    if (threads.length === 0) return;
    const active = shown.active !== null && threads.includes(shown.active);
    found.push(Decoration.inline(pos, pos + node.nodeSize, { class: `comment-highlight${active ? ' is-active' : ''}${threads.length > 1 ? ' is-overlapping' : ''}` }));
  });
  return DecorationSet.create(state.doc, found);
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
            return { shown, set: decorations(state, shown) };
          },
          apply: (tr, value, _old, state) => {
            const shown = (tr.getMeta(commentHighlightsKey) as CommentHighlightState | undefined) ?? value.shown;
            if (shown === value.shown && !tr.docChanged) return value;
            return { shown, set: decorations(state, shown) };
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
