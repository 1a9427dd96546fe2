import type * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { manuscriptSchema } from '../schema';
import type { SectionJson } from './manuscriptJson';
import { listSections, sectionFragment, sectionsMap } from './manuscriptLayout';
import { newId } from './newId';
import { rankBetween } from './rankBetween';

const isFrontMatter = (kind: string) => kind === 'dedication' || kind === 'epigraphs';

/**
 * Adds imported sections to a live manuscript in one transaction: parts and chapters after the
 * last section, front matter after the book's existing front matter (before its first part or
 * chapter), each in the order given. Sections get fresh ids, so importing the same file twice
 * adds it twice rather than colliding. Throws before changing anything if a section does not fit
 * the schema. Returns the new ids.
 */
export function appendSections(doc: Y.Doc, sections: SectionJson[]): string[] {
  for (const section of sections) manuscriptSchema.nodeFromJSON(section.content).check();
  const order = listSections(doc);
  const firstBody = order.findIndex((s) => !isFrontMatter(s.kind));
  // Front matter goes between the last existing front matter and the first chapter.
  let frontBefore = firstBody > 0 ? order[firstBody - 1].rank : firstBody === 0 ? null : (order.at(-1)?.rank ?? null);
  const frontAfter = firstBody >= 0 ? order[firstBody].rank : null;
  let bodyBefore = order.at(-1)?.rank ?? null;
  const ids: string[] = [];
  doc.transact(() => {
    for (const section of sections) {
      const id = newId();
      let rank: string;
      if (isFrontMatter(section.kind)) {
        rank = rankBetween(frontBefore, frontAfter);
        frontBefore = rank;
        if (firstBody < 0) bodyBefore = rank;
      } else {
        rank = rankBetween(bodyBefore, null);
        bodyBefore = rank;
      }
      sectionsMap(doc).set(id, { kind: section.kind, rank });
      prosemirrorJSONToYXmlFragment(manuscriptSchema, section.content, sectionFragment(doc, id));
      ids.push(id);
    }
  });
  return ids;
}
