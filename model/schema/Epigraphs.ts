import { Node, mergeAttributes } from '@tiptap/core';
import { BLOCK_SUGGESTION_MARKS } from './Suggestion';

/** The front-matter section that holds the book's epigraphs, in order. */
export const Epigraphs = Node.create({
  name: 'epigraphs',
  group: 'section',
  content: 'epigraph+',
  // Suggesting marks a whole block it adds or removes; the editor then moves the mark onto its text.
  marks: BLOCK_SUGGESTION_MARKS,
  defining: true,
  isolating: true,

  parseHTML() {
    return [{ tag: 'section[data-type="epigraphs"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes, { 'data-type': 'epigraphs', class: 'ms-epigraphs' }), 0];
  },
});
