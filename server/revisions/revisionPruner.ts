import * as Y from 'yjs';
import type { PrismaClient } from '../generated/prisma/client';
import type { RevisionSummary } from '@model/revisions/revisionSummary';
import { parseRevisionSummary } from './parseRevisionSummary';
import { revisionsToPrune } from './retention';
import { encodeDeltaSnapshot, type DeleteSet } from './revisionSnapshots';
import { decodeDocumentDeltas, encodeDocumentDeltas } from './documentDeltas';
import { MAIN_DOCUMENT, asDocumentLayout, type DocumentLayout } from '../persistence/DocumentStore';

/**
 * Applies the retention policy to one manuscript's revisions. What a dropped revision recorded
 * (who changed what, and the deletions its delta snapshot holds) is folded into the next
 * revision that stays, so the history never loses an author and later revisions stay exact.
 * Returns how many revisions were dropped.
 */
export async function revisionPruner(prisma: PrismaClient, manuscriptId: string, now = new Date()): Promise<number> {
  const revisions = await prisma.revision.findMany({
    where: { manuscriptId },
    orderBy: [{ createdAt: 'asc' }, { throughSeq: 'asc' }],
    select: { id: true, kind: true, createdAt: true, summary: true, snapshot: true, layout: true },
  });
  const prune = new Set(revisionsToPrune(revisions, now));
  const updates = foldPrunedRevisions(
    revisions.map((revision) => ({ id: revision.id, layout: asDocumentLayout(revision.layout), snapshot: new Uint8Array(revision.snapshot), summary: parseRevisionSummary(revision.summary) })),
    prune,
  );
  // Revisions after the last kept one cannot hand their deletions on: they stay.
  const deletable = [...prune].filter((id) => revisions.findIndex((r) => r.id === id) < revisions.findLastIndex((r) => !prune.has(r.id)));
  if (deletable.length === 0) return 0;
  await prisma.$transaction([
    ...[...updates].map(([id, update]) =>
      prisma.revision.update({ where: { id }, data: { summary: JSON.stringify(update.summary), snapshot: new Uint8Array(update.snapshot) } }),
    ),
    prisma.revision.deleteMany({ where: { id: { in: deletable } } }),
  ]);
  return deletable.length;
}

/** A revision as pruning reads it. */
export interface FoldableRevision {
  id: string;
  layout: DocumentLayout;
  snapshot: Uint8Array;
  summary: RevisionSummary;
}

/**
 * What the revisions that stay must hold once `prune` is dropped (oldest first in, new summary and
 * snapshot out, only for those that change): each dropped revision's summary is added into the
 * next one kept; its deletions go into the next kept revision of the same layout, per document
 * in the sections layout, where a document the kept revision did not change gets the dropped
 * revision's state vector with the carried deletions (it did not change since then).
 */
export function foldPrunedRevisions(revisions: FoldableRevision[], prune: Set<string>): Map<string, { summary: RevisionSummary; snapshot: Uint8Array }> {
  const updates = new Map<string, { summary: RevisionSummary; snapshot: Uint8Array }>();
  let summary: RevisionSummary | null = null;
  let oneDocument: DeleteSet[] = [];
  let sections = new Map<string, { sv: Map<number, number>; deletions: DeleteSet[] }>();
  for (const revision of revisions) {
    const own = parseDeltas(revision);
    if (prune.has(revision.id)) {
      summary = summary ? mergeSummaries(summary, revision.summary) : revision.summary;
      if (revision.layout === 'one-document') oneDocument.push(own.get(MAIN_DOCUMENT)!.ds);
      else {
        for (const [name, delta] of own) {
          const carried = sections.get(name);
          sections.set(name, { sv: delta.sv, deletions: [...(carried?.deletions ?? []), delta.ds] });
        }
      }
      continue;
    }
    let snapshot: Uint8Array | null = null;
    if (revision.layout === 'one-document' && oneDocument.length > 0) {
      const delta = own.get(MAIN_DOCUMENT)!;
      snapshot = encodeDeltaSnapshot(delta.sv, Y.mergeDeleteSets([...oneDocument, delta.ds]));
      oneDocument = [];
    } else if (revision.layout === 'sections' && sections.size > 0) {
      const deltas = new Map<string, Uint8Array>();
      for (const [name, delta] of own) deltas.set(name, encodeDeltaSnapshot(delta.sv, Y.mergeDeleteSets([...(sections.get(name)?.deletions ?? []), delta.ds])));
      for (const [name, carried] of sections) if (!own.has(name)) deltas.set(name, encodeDeltaSnapshot(carried.sv, Y.mergeDeleteSets(carried.deletions)));
      snapshot = encodeDocumentDeltas(deltas);
      sections = new Map();
    }
    if (summary || snapshot) {
      updates.set(revision.id, { summary: summary ? mergeSummaries(summary, revision.summary) : revision.summary, snapshot: snapshot ?? revision.snapshot });
      summary = null;
    }
  }
  return updates;
}

/** A revision's delta snapshots by document (the one document is named {@link MAIN_DOCUMENT}). */
function parseDeltas(revision: FoldableRevision): Map<string, Y.Snapshot> {
  if (revision.layout === 'one-document') return new Map([[MAIN_DOCUMENT, Y.decodeSnapshotV2(revision.snapshot)]]);
  return new Map([...decodeDocumentDeltas(revision.snapshot)].map(([name, delta]) => [name, Y.decodeSnapshotV2(delta)]));
}

/** Adds an earlier summary's counts into a later one's. */
function mergeSummaries(earlier: RevisionSummary, later: RevisionSummary): RevisionSummary {
  const authors = new Map(later.authors.map((a) => [a.userId, { ...a }]));
  for (const author of earlier.authors) {
    const into = authors.get(author.userId);
    if (into) {
      into.added += author.added;
      into.removed += author.removed;
      const notWritten = (into.notWritten ?? 0) + (author.notWritten ?? 0);
      if (notWritten > 0) into.notWritten = notWritten;
    } else authors.set(author.userId, { ...author });
  }
  const sections = new Map(later.sections.map((s) => [s.sectionId, { ...s }]));
  for (const section of earlier.sections) {
    const into = sections.get(section.sectionId);
    if (into) {
      into.added += section.added;
      into.removed += section.removed;
    } else sections.set(section.sectionId, { ...section });
  }
  return { authors: [...authors.values()], sections: [...sections.values()] };
}
