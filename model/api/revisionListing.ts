import type { RevisionSummary } from '../revisions/revisionSummary';

/** A revision as the history timeline shows it (GET /api/manuscripts/<id>/revisions). */
export interface RevisionListing {
  id: string;
  createdAt: Date;
  kind: string;
  name: string | null;
  createdBy: string | null;
  wordCount: number;
  summary: RevisionSummary;
}
