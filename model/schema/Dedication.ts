import { Node, mergeAttributes } from '@tiptap/core';
import { BLOCK_SUGGESTION_MARKS } from './Suggestion';

/** The book's dedication: one or more paragraphs, set apart on a page of its own. */
export const Dedication = Node.create({
  name: 'dedication',
  group: 'section',
  content: 'paragraph+',
  // Suggesting marks a whole block it adds or removes; the editor then moves the mark onto its text.
  marks: BLOCK_SUGGESTION_MARKS,
  defining: true,
  isolating: true,

  parseHTML() {
    return [{ tag: 'section[data-type="dedication"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes, { 'data-type': 'dedication', class: 'ms-dedication' }), 0];
  },
});
