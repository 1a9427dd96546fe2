/** What one author changed since the previous revision. `userId` null: changes with no author (imports). */
export interface AuthorChange {
  userId: string | null;
  name: string;
  added: number;
  removed: number;
}

/** How one section changed since the previous revision. */
export interface SectionChange {
  sectionId: string;
  label: string;
  status: 'added' | 'removed' | 'changed';
  added: number;
  removed: number;
}

/** Who changed what between a revision and the one before it: words added and removed. */
export interface RevisionSummary {
  authors: AuthorChange[];
  sections: SectionChange[];
}

/** Reads a stored summary; an unreadable one reads as no changes rather than breaking the history. */
export function parseRevisionSummary(json: string): RevisionSummary {
  try {
    const value = JSON.parse(json) as RevisionSummary;
    return { authors: value.authors ?? [], sections: value.sections ?? [] };
  } catch {
    return { authors: [], sections: [] };
  }
}
