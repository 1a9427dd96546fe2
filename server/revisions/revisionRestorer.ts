import type { PrismaClient } from '../generated/prisma/client';
import { HttpError } from '../http/HttpError';
import { liveManuscriptSession } from '../live/liveManuscriptSession';
import { revisionCreator } from './revisionCreator';
import { restoreRevision } from './restoreRevision';
import { revisionSnapshot } from './revisionSnapshots';

/**
 * Restores the whole book, or one section, to a revision, through the live document so that
 * co-writers see it at once. The state just before is recorded as a revision first, so the
 * restore can be undone by restoring that one; the restore itself is recorded as a revision.
 * Returns the id of the restore's revision.
 */
export async function revisionRestorer(
  prisma: PrismaClient,
  input: { manuscriptId: string; revisionId: string; userId: string; sectionId?: string; label: string },
): Promise<string> {
  const revision = await prisma.revision.findFirst({
    where: { id: input.revisionId, manuscriptId: input.manuscriptId },
    select: { createdAt: true, name: true },
  });
  if (!revision) throw new HttpError(404, 'There is no such revision.');
  const snapshot = await revisionSnapshot(prisma, input.manuscriptId, input.revisionId);
  const when = revision.name ? `“${revision.name}”` : revision.createdAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  return liveManuscriptSession(input.manuscriptId, input.userId, {
    beforeChange: async (doc) => {
      await revisionCreator(prisma, input.manuscriptId, doc, { kind: 'auto' });
    },
    change: (doc) => restoreRevision(doc, snapshot, input.sectionId),
    afterStored: async (doc) =>
      (await revisionCreator(prisma, input.manuscriptId, doc, {
        kind: 'restore',
        name: `Restored ${input.label} to ${when}`,
        createdById: input.userId,
      }))!,
  });
}
