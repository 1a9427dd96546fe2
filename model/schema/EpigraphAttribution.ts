import { Node, mergeAttributes } from '@tiptap/core';

/**
 * Who an epigraph is by, without the leading dash: the dash is typography, added when the
 * attribution is displayed or exported.
 */
export const EpigraphAttribution = Node.create({
  name: 'epigraphAttribution',
  content: 'inline*',
  defining: true,

  parseHTML() {
    return [{ tag: 'figcaption' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['figcaption', mergeAttributes(HTMLAttributes, { class: 'ms-epigraph-attribution' }), 0];
  },
});
