import type * as Y from 'yjs';
import { sectionStatsMap, type SectionStats } from './bookDocument';
import { appendRanks } from './appendRanks';
import type { SectionKind } from './manuscriptJson';
import { listSections, sectionsMap } from './manuscriptLayout';
import { newId } from './newId';
import { setSectionTarget } from '../progress/writingTargets';
import { rankBetween } from './rankBetween';

/**
 * Adds a section's entry to the book at the end (or right after `afterId`) and returns its new
 * id. The section's text goes into its own document (see sectionDocument.ts), written first by
 * whoever adds it, so co-writers who open it find it there.
 */
export function addSectionEntry(book: Y.Doc, kind: SectionKind, options: { afterId?: string; title?: string } = {}): string {
  const order = listSections(book);
  const index = options.afterId ? order.findIndex((s) => s.id === options.afterId) : order.length - 1;
  const before = index >= 0 ? order[index].rank : null;
  const after = index + 1 < order.length ? order[index + 1].rank : null;
  const id = newId();
  book.transact(() => {
    sectionsMap(book).set(id, { kind, rank: rankBetween(before, after) });
    sectionStatsMap(book).set(id, { title: options.title ?? '', words: 0 });
  });
  return id;
}

/**
 * Adds entries for sections whose documents already exist (an import appended to an open book)
 * in one transaction, placed as {@link appendRanks} says. Ids are the caller's.
 */
export function appendSectionEntries(book: Y.Doc, sections: Array<{ id: string; kind: SectionKind; stats: SectionStats }>): void {
  const ranks = appendRanks(listSections(book), sections.map((section) => section.kind));
  book.transact(() => {
    sections.forEach((section, index) => {
      sectionsMap(book).set(section.id, { kind: section.kind, rank: ranks[index] });
      sectionStatsMap(book).set(section.id, section.stats);
    });
  });
}

/**
 * Removes a section from the book. Its document is kept, with its history, so a later restore
 * can bring it back.
 */
export function removeSectionEntry(book: Y.Doc, sectionId: string): void {
  book.transact(() => {
    sectionsMap(book).delete(sectionId);
    sectionStatsMap(book).delete(sectionId);
    setSectionTarget(book, sectionId, null);
  });
}
