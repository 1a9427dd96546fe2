import type { PrismaClient } from '../generated/prisma/client';
import type { RevisionListing } from '@model/api/revisionListing';
import { parseRevisionSummary } from './parseRevisionSummary';

/**
 * A manuscript's revisions, newest first, optionally only those that changed one section or
 * that one author contributed to.
 */
export async function listRevisions(
  prisma: PrismaClient,
  manuscriptId: string,
  filter: { sectionId?: string; userId?: string } = {},
): Promise<RevisionListing[]> {
  const rows = await prisma.revision.findMany({
    where: { manuscriptId },
    orderBy: [{ createdAt: 'desc' }, { throughSeq: 'desc' }],
    select: { id: true, createdAt: true, kind: true, name: true, wordCount: true, summary: true, createdBy: { select: { name: true } } },
  });
  return rows
    .map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      kind: row.kind,
      name: row.name,
      createdBy: row.createdBy?.name ?? null,
      wordCount: row.wordCount,
      summary: parseRevisionSummary(row.summary),
    }))
    .filter(
      (revision) =>
        (!filter.sectionId || revision.summary.sections.some((s) => s.sectionId === filter.sectionId)) &&
        (!filter.userId || revision.summary.authors.some((a) => a.userId === filter.userId)),
    );
}
