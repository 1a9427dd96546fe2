/** What one author changed since the previous revision. `userId` null: changes with no author (imports). */
export interface AuthorChange {
  userId: string | null;
  name: string;
  added: number;
  removed: number;
  /**
   * Of `added`, words that were put in but not written: brought back by a restore, put in by a
   * replace-all or an import. The history credits them; the Progress view does not count them.
   */
  notWritten?: number;
}

/** How one section changed since the previous revision. */
export interface SectionChange {
  sectionId: string;
  label: string;
  status: 'added' | 'removed' | 'changed';
  added: number;
  removed: number;
}

/**
 * Who changed what between a revision and the one before it: words added and removed. Stored
 * as JSON with each revision and shown in the history timeline.
 */
export interface RevisionSummary {
  authors: AuthorChange[];
  sections: SectionChange[];
}
