import type { JSONContent } from '@tiptap/core';
import { nodeNames as n } from '../schema/names';
import type { SectionKind } from './manuscriptJson';

/** The content a new, empty section of the given kind starts with. */
export function emptySection(kind: SectionKind, title = ''): JSONContent {
  const text = (value: string): JSONContent[] => (value ? [{ type: n.text, text: value }] : []);
  switch (kind) {
    case 'dedication':
      return { type: n.doc, content: [{ type: n.dedication, content: [{ type: n.paragraph }] }] };
    case 'epigraphs':
      return {
        type: n.doc,
        content: [
          {
            type: n.epigraphs,
            content: [{ type: n.epigraph, content: [{ type: n.epigraphQuote }, { type: n.epigraphAttribution }] }],
          },
        ],
      };
    case 'part':
      return { type: n.doc, content: [{ type: n.part, content: [{ type: n.partTitle, content: text(title) }] }] };
    case 'chapter':
      return {
        type: n.doc,
        content: [
          {
            type: n.chapter,
            content: [{ type: n.chapterTitle, content: text(title) }, { type: n.paragraph }],
          },
        ],
      };
  }
}
