import * as Y from 'yjs';
import type { SectionKind } from './manuscriptJson';

/**
 * How a manuscript is laid out in its Y.Doc (one doc per manuscript, one sync room):
 * - `meta` (Y.Map): `title`, and `language` once set (see bookLanguage.ts).
 * - `sections` (Y.Map): section id -> {@link SectionEntry}. Order comes from each entry's
 *   fractional `rank`, so a reorder rewrites one entry and concurrent moves never duplicate a
 *   section the way delete-and-insert in a Y.Array would.
 * - `section:<id>` (Y.XmlFragment): the section's text, bound to the editor when it is open.
 */
export interface SectionEntry {
  kind: SectionKind;
  /** Fractional index (see the fractional-indexing package); ties break by id. */
  rank: string;
}

/** A section's entry together with its id, as listed in reading order. */
export interface SectionRef extends SectionEntry {
  id: string;
}

/** The manuscript's metadata map (title). */
export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

/** The map from section id to {@link SectionEntry}. */
export function sectionsMap(doc: Y.Doc): Y.Map<SectionEntry> {
  return doc.getMap<SectionEntry>('sections');
}

/** The Yjs fragment that holds one section's text. */
export function sectionFragment(doc: Y.Doc, sectionId: string): Y.XmlFragment {
  return doc.getXmlFragment(`section:${sectionId}`);
}

/** The manuscript's title as stored in the document. */
export function readTitle(doc: Y.Doc): string {
  const title = metaMap(doc).get('title');
  return typeof title === 'string' ? title : '';
}

/** Every section in reading order. */
export function listSections(doc: Y.Doc): SectionRef[] {
  const refs: SectionRef[] = [];
  sectionsMap(doc).forEach((entry, id) => {
    if (entry && typeof entry.rank === 'string') refs.push({ id, kind: entry.kind, rank: entry.rank });
  });
  // Compare ranks by code unit, as fractional-indexing requires (not localeCompare).
  return refs.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
