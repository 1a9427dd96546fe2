import { Node, mergeAttributes } from '@tiptap/core';

/** The quoted words of an epigraph. Line breaks (Shift+Enter) keep verse on its lines. */
export const EpigraphQuote = Node.create({
  name: 'epigraphQuote',
  content: 'inline*',
  defining: true,

  parseHTML() {
    return [{ tag: 'blockquote' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['blockquote', mergeAttributes(HTMLAttributes, { class: 'ms-epigraph-quote' }), 0];
  },
});
