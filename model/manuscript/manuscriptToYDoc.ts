import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { generateNKeysBetween } from 'fractional-indexing';
import { manuscriptSchema } from '../schema';
import type { ManuscriptJson } from './manuscriptJson';
import { metaMap, sectionFragment, sectionsMap } from './manuscriptLayout';

/**
 * Writes a manuscript's JSON into a Y.Doc (normally an empty one) in one transaction: title,
 * section entries in order, and each section's fragment. Throws if a section does not fit the
 * schema, so invalid content never reaches storage.
 */
export function writeManuscriptToYDoc(manuscript: ManuscriptJson, doc: Y.Doc = new Y.Doc()): Y.Doc {
  const ranks = generateNKeysBetween(null, null, manuscript.sections.length);
  for (const section of manuscript.sections) manuscriptSchema.nodeFromJSON(section.content).check();
  doc.transact(() => {
    metaMap(doc).set('title', manuscript.title);
    if (manuscript.language) metaMap(doc).set('language', manuscript.language);
    manuscript.sections.forEach((section, index) => {
      sectionsMap(doc).set(section.id, { kind: section.kind, rank: ranks[index] });
      prosemirrorJSONToYXmlFragment(manuscriptSchema, section.content, sectionFragment(doc, section.id));
    });
  });
  return doc;
}
