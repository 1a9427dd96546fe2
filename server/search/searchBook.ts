import type { Node as PMNode } from '@tiptap/pm/model';
import type { PrismaClient } from '../generated/prisma/client';
import { findMatches } from '@model/search/findMatches';
import { sectionText, type SectionText } from '@model/search/sectionText';
import { searchPattern, type SearchQuery } from '@model/search/searchQuery';
import { MAX_HITS_PER_SECTION, type BookSearchListing } from '@model/api/bookSearchListing';
import { boundedPatternRunner } from './boundedPatternRunner';
import { storedSections } from './storedSections';

// A section's text as search reads it, kept with the stored document it was read from (which
// the section cache keeps until the section changes), once for each way of counting suggestions.
const texts = new WeakMap<PMNode, Partial<Record<'accepted' | 'proposed', SectionText>>>();

function textOf(doc: PMNode, includeSuggestions: boolean): SectionText {
  const key = includeSuggestions ? 'proposed' : 'accepted';
  let entry = texts.get(doc);
  if (!entry) texts.set(doc, (entry = {}));
  return (entry[key] ??= sectionText(doc, includeSuggestions));
}

/**
 * Searches every section of a book (front matter included) as stored, for the find panel.
 * Throws `SearchQueryError` for a query that cannot be searched (the route answers 400).
 */
export async function searchBook(prisma: PrismaClient, manuscriptId: string, query: SearchQuery): Promise<BookSearchListing> {
  const pattern = searchPattern(query);
  const sections = await storedSections(prisma, manuscriptId);
  const results = findMatches(
    sections.map((section) => textOf(section.doc, query.includeSuggestions)),
    pattern,
    boundedPatternRunner(),
    { contextLimit: MAX_HITS_PER_SECTION },
  );
  const listing: BookSearchListing = { total: 0, sections: [] };
  sections.forEach((section, i) => {
    const matches = results[i];
    if (matches.length === 0) return;
    listing.total += matches.length;
    listing.sections.push({
      sectionId: section.id,
      kind: section.kind,
      count: matches.length,
      hits: matches.slice(0, MAX_HITS_PER_SECTION).map(({ from, to, text, before, after }) => ({ from, to, text, before, after })),
    });
  });
  return listing;
}
