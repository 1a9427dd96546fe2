import { Node, mergeAttributes } from '@tiptap/core';

/** A part's title, shown on the part's divider page and in the binder. */
export const PartTitle = Node.create({
  name: 'partTitle',
  content: 'text*',
  marks: 'italic',
  defining: true,

  parseHTML() {
    return [{ tag: 'h1' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['h1', mergeAttributes(HTMLAttributes, { class: 'ms-part-title' }), 0];
  },
});
