import { Node, mergeAttributes } from '@tiptap/core';

/** An optional line under a chapter's title. */
export const ChapterSubtitle = Node.create({
  name: 'chapterSubtitle',
  content: 'text*',
  marks: 'italic',
  defining: true,

  parseHTML() {
    return [{ tag: 'p[data-type="chapter-subtitle"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes(HTMLAttributes, { 'data-type': 'chapter-subtitle', class: 'ms-chapter-subtitle' }), 0];
  },
});
