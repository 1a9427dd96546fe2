import type { PrismaClient } from '../generated/prisma/client';
import { parseRevisionSummary, type RevisionSummary } from './RevisionSummary';
import { revisionsToPrune } from './retention';

/**
 * Applies the retention policy to one manuscript's revisions. What a dropped revision recorded
 * (who changed what) is folded into the next revision that stays, so the history never loses an
 * author. Returns how many revisions were dropped.
 */
export async function revisionPruner(prisma: PrismaClient, manuscriptId: string, now = new Date()): Promise<number> {
  const revisions = await prisma.revision.findMany({
    where: { manuscriptId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, kind: true, createdAt: true, summary: true },
  });
  const prune = new Set(revisionsToPrune(revisions, now));
  if (prune.size === 0) return 0;
  const updates = new Map<string, RevisionSummary>();
  let carried: RevisionSummary | null = null;
  for (const revision of revisions) {
    const summary = parseRevisionSummary(revision.summary);
    const merged: RevisionSummary = carried ? mergeSummaries(carried, summary) : summary;
    if (prune.has(revision.id)) {
      carried = merged;
    } else {
      if (carried) updates.set(revision.id, merged);
      carried = null;
    }
  }
  await prisma.$transaction([
    ...[...updates].map(([id, summary]) => prisma.revision.update({ where: { id }, data: { summary: JSON.stringify(summary) } })),
    prisma.revision.deleteMany({ where: { id: { in: [...prune] } } }),
  ]);
  return prune.size;
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
