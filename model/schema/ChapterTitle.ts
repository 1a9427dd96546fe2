import { Node, mergeAttributes } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';

/** A chapter's title, shown large at the head of the chapter and in the binder. */
export const ChapterTitle = Node.create({
  name: 'chapterTitle',
  content: 'text*',
  marks: 'italic',
  defining: true,

  parseHTML() {
    return [{ tag: 'h2' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['h2', mergeAttributes(HTMLAttributes, { class: 'ms-chapter-title' }), 0];
  },

  addKeyboardShortcuts() {
    return {
      // Enter in the title (or subtitle) moves into the next block instead of splitting it.
      Enter: ({ editor }) => {
        const { $from } = editor.state.selection;
        const name = $from.parent.type.name;
        if (name !== 'chapterTitle' && name !== 'chapterSubtitle') return false;
        const next = $from.after() + 1;
        return editor.commands.command(({ tr }) => {
          tr.setSelection(TextSelection.near(tr.doc.resolve(next)));
          return true;
        });
      },
    };
  },
});
