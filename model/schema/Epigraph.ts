import { Node, mergeAttributes } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { BLOCK_SUGGESTION_MARKS } from './Suggestion';

/**
 * One epigraph: a quotation followed by its attribution. Enter in the quotation moves to the
 * attribution; Enter at the end of an attribution starts a new epigraph.
 */
export const Epigraph = Node.create({
  name: 'epigraph',
  content: 'epigraphQuote epigraphAttribution',
  // Suggesting marks a whole block it adds or removes; the editor then moves the mark onto its text.
  marks: BLOCK_SUGGESTION_MARKS,
  defining: true,

  parseHTML() {
    return [{ tag: 'figure[data-type="epigraph"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes(HTMLAttributes, { 'data-type': 'epigraph', class: 'ms-epigraph' }), 0];
  },

  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        if (!empty) return false;
        const parentName = $from.parent.type.name;
        if (parentName === 'epigraphQuote') {
          // The attribution starts right after the quotation's closing token.
          const attributionStart = $from.after() + 1;
          return editor.commands.command(({ tr }) => {
            tr.setSelection(TextSelection.create(tr.doc, attributionStart));
            return true;
          });
        }
        if (parentName === 'epigraphAttribution' && $from.parentOffset === $from.parent.content.size) {
          const afterEpigraph = $from.after($from.depth - 1);
          return editor
            .chain()
            .insertContentAt(afterEpigraph, {
              type: 'epigraph',
              content: [{ type: 'epigraphQuote' }, { type: 'epigraphAttribution' }],
            })
            .setTextSelection(afterEpigraph + 2)
            .run();
        }
        return false;
      },
    };
  },
});
