import type * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { manuscriptSchema } from '../schema';
import { emptySection } from './emptySection';
import type { SectionKind } from './manuscriptJson';
import { listSections, sectionFragment, sectionsMap } from './manuscriptLayout';
import { newId } from './newId';
import { rankBetween } from './rankBetween';

/**
 * Adds a section with empty content at the end of the book (or right after `afterId`) and
 * returns its id. Entry and content are written in one transaction, so co-writers never see a
 * section without its text.
 */
export function addSection(doc: Y.Doc, kind: SectionKind, options: { afterId?: string; title?: string } = {}): string {
  const order = listSections(doc);
  const index = options.afterId ? order.findIndex((s) => s.id === options.afterId) : order.length - 1;
  const before = index >= 0 ? order[index].rank : null;
  const after = index + 1 < order.length ? order[index + 1].rank : null;
  const id = newId();
  doc.transact(() => {
    sectionsMap(doc).set(id, { kind, rank: rankBetween(before, after) });
    prosemirrorJSONToYXmlFragment(manuscriptSchema, emptySection(kind, options.title), sectionFragment(doc, id));
  });
  return id;
}

/** Moves a section to position `toIndex` of the reading order (0-based, clamped). */
export function moveSection(doc: Y.Doc, sectionId: string, toIndex: number): void {
  const others = listSections(doc).filter((s) => s.id !== sectionId);
  const entry = sectionsMap(doc).get(sectionId);
  if (!entry) return;
  const index = Math.max(0, Math.min(toIndex, others.length));
  const before = index > 0 ? others[index - 1].rank : null;
  const after = index < others.length ? others[index].rank : null;
  sectionsMap(doc).set(sectionId, { kind: entry.kind, rank: rankBetween(before, after) });
}

/**
 * Removes a section from the book. Its text stays in the document's history (the fragment is
 * not cleared), so a later restore can bring it back.
 */
export function deleteSection(doc: Y.Doc, sectionId: string): void {
  sectionsMap(doc).delete(sectionId);
}
