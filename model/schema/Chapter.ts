import { Node, mergeAttributes } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { BLOCK_SUGGESTION_MARKS } from './Suggestion';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    chapter: {
      /** Adds an empty subtitle under the chapter title, or removes the subtitle if there is one. */
      toggleChapterSubtitle: () => ReturnType;
    };
  }
}

/**
 * A chapter: its title, an optional subtitle, the epigraphs it opens with (often none), then
 * the body (paragraphs, scene headings and scene breaks). The chapter's number is not stored: it follows from the chapter's place in the
 * book.
 */
export const Chapter = Node.create({
  name: 'chapter',
  group: 'section',
  content: 'chapterTitle chapterSubtitle? epigraph* block+',
  // Suggesting marks a whole block it adds or removes; the editor then moves the mark onto its text.
  marks: BLOCK_SUGGESTION_MARKS,
  defining: true,
  isolating: true,

  parseHTML() {
    return [{ tag: 'section[data-type="chapter"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes, { 'data-type': 'chapter', class: 'ms-chapter' }), 0];
  },

  addCommands() {
    return {
      toggleChapterSubtitle:
        () =>
        ({ state, tr, dispatch }) => {
          const chapter = state.doc.firstChild;
          if (!chapter || chapter.type.name !== 'chapter') return false;
          const title = chapter.child(0);
          const titleEnd = 1 + title.nodeSize;
          const second = chapter.childCount > 1 ? chapter.child(1) : null;
          if (dispatch) {
            if (second?.type.name === 'chapterSubtitle') {
              tr.delete(titleEnd, titleEnd + second.nodeSize);
            } else {
              tr.insert(titleEnd, state.schema.nodes.chapterSubtitle.create());
              tr.setSelection(TextSelection.create(tr.doc, titleEnd + 1));
            }
          }
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      // Select the chapter's text, never the chapter node itself, so select-all + type cannot
      // replace the chapter with another kind of section.
      'Mod-a': ({ editor }) => {
        const { doc } = editor.state;
        if (doc.firstChild?.type.name !== 'chapter') return false;
        return editor.commands.setTextSelection({ from: 2, to: doc.content.size - 2 });
      },
    };
  },
});
