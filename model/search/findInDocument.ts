import type { Node as PMNode } from '@tiptap/pm/model';
import { findMatches, runPattern, type TextMatch } from './findMatches';
import { sectionText } from './sectionText';
import { searchPattern, type SearchQuery } from './searchQuery';

/** Every match of `query` in one section's document (the open one in the editor); throws `SearchQueryError` for a bad query. */
export function findInDocument(doc: PMNode, query: SearchQuery): TextMatch[] {
  return findMatches([sectionText(doc, query.includeSuggestions)], searchPattern(query), runPattern, { captures: query.regex })[0];
}
