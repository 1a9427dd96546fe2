import { Mark, mergeAttributes } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    comment: {
      /** Marks the selection as the passage of comment thread `threadId`. */
      setComment: (threadId: string) => ReturnType;
      /** Takes thread `threadId`'s mark off wherever it is in the section. */
      unsetComment: (threadId: string) => ReturnType;
    };
  }
}

/**
 * The passage a comment thread is about. The thread itself (its comments, who wrote them, whether
 * it is resolved) lives in the database; the mark only carries the thread's id, so it moves with
 * the text through co-writers' edits, splits, undo and cut-and-paste like any other mark. Marks of
 * different threads may overlap (`excludes: ''`); in Yjs each is then stored under its own key
 * (`comment--<hash>`). Not inclusive: text typed at either end of the passage is not part of it.
 * The mark draws nothing itself; the editor highlights the passages of open threads.
 */
export const Comment = Mark.create({
  name: 'comment',
  excludes: '',
  inclusive: false,

  addAttributes() {
    return {
      threadId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-thread-id'),
        renderHTML: (attributes) => ({ 'data-thread-id': attributes.threadId }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-thread-id]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'comment-anchor' }), 0];
  },

  addCommands() {
    return {
      setComment:
        (threadId) =>
        ({ commands }) =>
          commands.setMark(this.name, { threadId }),
      unsetComment:
        (threadId) =>
        ({ tr, state, dispatch }) => {
          const type = state.schema.marks[this.name];
          let found = false;
          state.doc.descendants((node, pos) => {
            const mark = node.marks.find((m) => m.type === type && m.attrs.threadId === threadId);
            if (!mark) return;
            found = true;
            tr.removeMark(pos, pos + node.nodeSize, mark);
          });
          if (found && dispatch) dispatch(tr);
          return found;
        },
    };
  },
});
