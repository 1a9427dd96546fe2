import type { SectionKind } from '../manuscript/manuscriptJson';

/** One match in the find panel's list: where it is in its section's document, and its context. */
export interface SearchHit {
  from: number;
  to: number;
  text: string;
  before: string;
  after: string;
}

/** The matches in one section (its first {@link MAX_HITS_PER_SECTION} listed, all counted). */
export interface SectionHits {
  sectionId: string;
  kind: SectionKind;
  count: number;
  hits: SearchHit[];
}

/** What `GET /api/manuscripts/:id/search` answers: sections with matches, in reading order. */
export interface BookSearchListing {
  total: number;
  sections: SectionHits[];
}

/** Matches listed per section; the count covers them all. */
export const MAX_HITS_PER_SECTION = 100;
