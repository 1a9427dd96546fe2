import { Node, mergeAttributes } from '@tiptap/core';

/** The book's dedication: one or more paragraphs, set apart on a page of its own. */
export const Dedication = Node.create({
  name: 'dedication',
  group: 'section',
  content: 'paragraph+',
  defining: true,
  isolating: true,

  parseHTML() {
    return [{ tag: 'section[data-type="dedication"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes, { 'data-type': 'dedication', class: 'ms-dedication' }), 0];
  },
});
