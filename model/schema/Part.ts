import { Node, mergeAttributes } from '@tiptap/core';
import { BLOCK_SUGGESTION_MARKS } from './Suggestion';

/**
 * A part of the book ("Part One: The City"): a divider page with a title, the epigraphs it opens
 * with, and, optionally, a few paragraphs of its own. The part's number is not stored: it follows from its place in the book.
 */
export const Part = Node.create({
  name: 'part',
  group: 'section',
  content: 'partTitle epigraph* paragraph*',
  // Suggesting marks a whole block it adds or removes; the editor then moves the mark onto its text.
  marks: BLOCK_SUGGESTION_MARKS,
  defining: true,
  isolating: true,

  parseHTML() {
    return [{ tag: 'section[data-type="part"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes, { 'data-type': 'part', class: 'ms-part' }), 0];
  },
});
