import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { TextSelection } from '@tiptap/pm/state';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    openingEpigraph: {
      /** Adds an empty epigraph under a chapter's or part's heading (after any it has), the caret in its quotation. */
      addOpeningEpigraph: () => ReturnType;
    };
  }
}

/** Section nodes that may open with epigraphs of their own, and the nodes that come before them. */
const HEADED = new Map<string, Set<string>>([
  ['chapter', new Set(['chapterTitle', 'chapterSubtitle', 'epigraph'])],
  ['part', new Set(['partTitle', 'epigraph'])],
]);

/**
 * Where a new opening epigraph goes in the open section: after its heading, subtitle and the
 * epigraphs it already has; null if the section is not a chapter or part.
 */
export function openingEpigraphPosition(doc: ProseMirrorNode): number | null {
  const section = doc.firstChild;
  const before = section && HEADED.get(section.type.name);
  if (!section || !before) return null;
  // Inside the section node (position 1), past each leading child that comes before epigraphs.
  let position = 1;
  for (let index = 0; index < section.childCount && before.has(section.child(index).type.name); index++) position += section.child(index).nodeSize;
  return position;
}

/** Adds to `tr` an empty epigraph under its chapter's or part's heading, the caret in its quotation; false if there is no such heading. */
function insertOpeningEpigraph(tr: Transaction): boolean {
  const position = openingEpigraphPosition(tr.doc);
  if (position === null) return false;
  const { epigraph, epigraphQuote, epigraphAttribution } = tr.doc.type.schema.nodes;
  tr.insert(position, epigraph.create(null, [epigraphQuote.create(), epigraphAttribution.create()]));
  // Inside the epigraph (+1), inside its quotation (+1).
  tr.setSelection(TextSelection.create(tr.doc, position + 2)).scrollIntoView();
  return true;
}

/** ProseMirror command: adds an empty epigraph under the open chapter's or part's heading, the caret in its quotation. */
export function addOpeningEpigraph(state: EditorState, dispatch?: (tr: Transaction) => void): boolean {
  if (!dispatch) return openingEpigraphPosition(state.doc) !== null;
  const tr = state.tr;
  if (!insertOpeningEpigraph(tr)) return false;
  dispatch(tr);
  return true;
}

/**
 * ProseMirror command for Enter: in the empty quotation of an empty opening epigraph (one just
 * added), removes that epigraph and puts the caret at the start of what followed it (the text).
 */
export function leaveEmptyOpeningEpigraph(state: EditorState, dispatch?: (tr: Transaction) => void): boolean {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.type.name !== 'epigraphQuote' || $from.parent.content.size > 0 || $from.depth < 3) return false;
  const epigraph = $from.node($from.depth - 1);
  const section = $from.node($from.depth - 2);
  if (!HEADED.has(section.type.name) || epigraph.textContent.length > 0) return false;
  if (dispatch) {
    const start = $from.before($from.depth - 1);
    const tr = state.tr.delete(start, start + epigraph.nodeSize);
    tr.setSelection(TextSelection.near(tr.doc.resolve(start + 1)));
    dispatch(tr.scrollIntoView());
  }
  return true;
}

/**
 * A chapter's or part's own epigraphs: the command that adds one under the heading (toolbar
 * "Add epigraph", Ctrl/Cmd+Alt+E), and Enter in the empty quotation of a new one, which removes it
 * and goes on to the text, so the writer can leave the epigraphs by keyboard.
 */
export const OpeningEpigraph = Extension.create({
  name: 'openingEpigraph',
  // Before the epigraph's own Enter (which moves from the quotation to the attribution).
  priority: 1000,

  addCommands() {
    return {
      addOpeningEpigraph:
        () =>
        ({ tr, dispatch }) =>
          dispatch ? insertOpeningEpigraph(tr) : openingEpigraphPosition(tr.doc) !== null,
    };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-e': ({ editor }) => editor.commands.addOpeningEpigraph(),
      Enter: ({ editor }) => leaveEmptyOpeningEpigraph(editor.state, editor.view.dispatch),
    };
  },
});
