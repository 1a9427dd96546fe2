import type * as Y from 'yjs';

/**
 * A manuscript is one small **book document** plus one Yjs document per section. The book holds
 * what the binder needs without opening any section: in `meta` the title, in `sections` each
 * section's kind and rank (see manuscriptLayout.ts, whose readers work on the book document),
 * and in `sectionStats` each section's title and word count, kept current by the sync server
 * from the section documents. Its storage name is this; its sync room is `/<manuscriptId>`.
 */
export const BOOK_DOCUMENT = 'book';

/** What the binder shows of a section without opening it. */
export interface SectionStats {
  /** A chapter's or part's title as typed ('' when untitled or front matter). */
  title: string;
  words: number;
}

/** The map from section id to {@link SectionStats} in a book document. */
export function sectionStatsMap(book: Y.Doc): Y.Map<SectionStats> {
  return book.getMap<SectionStats>('sectionStats');
}

/** A section's stats as the book holds them, if it holds any yet. */
export function readSectionStats(book: Y.Doc, sectionId: string): SectionStats | undefined {
  const stats = sectionStatsMap(book).get(sectionId);
  return stats && typeof stats.title === 'string' && typeof stats.words === 'number' ? stats : undefined;
}

/** The sum of the sections' word counts as the book holds them. */
export function bookWordCount(book: Y.Doc, sectionIds: Iterable<string>): number {
  let words = 0;
  for (const id of sectionIds) words += readSectionStats(book, id)?.words ?? 0;
  return words;
}
