import type * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type { ManuscriptJson } from './manuscriptJson';
import { listSections, metaMap, readTitle, sectionFragment } from './manuscriptLayout';
import { readLanguage } from './bookLanguage';

/** Reads a Y.Doc back into plain manuscript JSON, sections in reading order. */
export function yDocToManuscript(doc: Y.Doc): ManuscriptJson {
  return {
    title: readTitle(doc),
    ...(typeof metaMap(doc).get('language') === 'string' ? { language: readLanguage(doc) } : {}),
    sections: listSections(doc).map(({ id, kind }) => ({
      id,
      kind,
      content: yXmlFragmentToProsemirrorJSON(sectionFragment(doc, id)) as JSONContent,
    })),
  };
}
