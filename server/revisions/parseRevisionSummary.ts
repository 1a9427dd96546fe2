import type { RevisionSummary } from '@model/revisions/revisionSummary';

/** Reads a stored summary; an unreadable one reads as no changes rather than breaking the history. */
export function parseRevisionSummary(json: string): RevisionSummary {
  try {
    const value = JSON.parse(json) as RevisionSummary;
    return { authors: value.authors ?? [], sections: value.sections ?? [] };
  } catch {
    return { authors: [], sections: [] };
  }
}
