import type { JSONContent } from '@tiptap/core';
import type { SectionKind } from './manuscriptJson';

/** The content a new, empty section of the given kind starts with. */
export function emptySection(kind: SectionKind, title = ''): JSONContent {
  const text = (value: string): JSONContent[] => (value ? [{ type: 'text', text: value }] : []);
  switch (kind) {
    case 'dedication':
      return { type: 'doc', content: [{ type: 'dedication', content: [{ type: 'paragraph' }] }] };
    case 'epigraphs':
      return {
        type: 'doc',
        content: [
          {
            type: 'epigraphs',
            content: [{ type: 'epigraph', content: [{ type: 'epigraphQuote' }, { type: 'epigraphAttribution' }] }],
          },
        ],
      };
    case 'part':
      return { type: 'doc', content: [{ type: 'part', content: [{ type: 'partTitle', content: text(title) }] }] };
    case 'chapter':
      return {
        type: 'doc',
        content: [
          {
            type: 'chapter',
            content: [{ type: 'chapterTitle', content: text(title) }, { type: 'paragraph' }],
          },
        ],
      };
  }
}
