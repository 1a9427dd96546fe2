import * as Y from 'yjs';
import type { PrismaClient } from '../generated/prisma/client';
import type { RevisionSummary } from '@model/revisions/revisionSummary';
import { parseRevisionSummary } from './parseRevisionSummary';
import { revisionsToPrune } from './retention';
import { encodeDeltaSnapshot, type DeleteSet } from './revisionSnapshots';

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
    select: { id: true, kind: true, createdAt: true, summary: true, snapshot: true },
  });
  const prune = new Set(revisionsToPrune(revisions, now));
  const updates = new Map<string, { summary: RevisionSummary; snapshot: Uint8Array }>();
  let carried = null as { summary: RevisionSummary; deletions: DeleteSet[] } | null;
  for (const revision of revisions) {
    const summary = parseRevisionSummary(revision.summary);
    const delta = Y.decodeSnapshotV2(new Uint8Array(revision.snapshot));
    if (prune.has(revision.id)) {
      carried = {
        summary: carried ? mergeSummaries(carried.summary, summary) : summary,
        deletions: [...(carried?.deletions ?? []), delta.ds],
      };
    } else if (carried) {
      updates.set(revision.id, {
        summary: mergeSummaries(carried.summary, summary),
        snapshot: encodeDeltaSnapshot(delta.sv, Y.mergeDeleteSets([...carried.deletions, delta.ds])),
      });
      carried = null;
    }
  }
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

/** Adds an earlier summary's counts into a later one's. */
function mergeSummaries(earlier: RevisionSummary, later: RevisionSummary): RevisionSummary {
  const authors = new Map(later.authors.map((a) => [a.userId, { ...a }]));
  for (const author of earlier.authors) {
    const into = authors.get(author.userId);
    if (into) {
      into.added += author.added;
      into.removed += author.removed;
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
