import { Node, mergeAttributes } from '@tiptap/core';

/** The front-matter section that holds the book's epigraphs, in order. */
export const Epigraphs = Node.create({
  name: 'epigraphs',
  group: 'section',
  content: 'epigraph+',
  defining: true,
  isolating: true,

  parseHTML() {
    return [{ tag: 'section[data-type="epigraphs"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes, { 'data-type': 'epigraphs', class: 'ms-epigraphs' }), 0];
  },
});
