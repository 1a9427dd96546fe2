import type { PrismaClient } from '../generated/prisma/client';
import { liveManuscriptSession } from '../live/liveManuscriptSession';
import { revisionCreator } from './revisionCreator';

/**
 * Names the manuscript's current state (a milestone such as "Draft 2 to editor"): a revision of
 * the live document, after everything writers have sent is stored. Named revisions are never
 * pruned. Returns the revision's id.
 */
export async function revisionNamer(prisma: PrismaClient, manuscriptId: string, userId: string, name: string): Promise<string> {
  return liveManuscriptSession(manuscriptId, userId, {
    afterStored: async (doc) => (await revisionCreator(prisma, manuscriptId, doc, { kind: 'named', name, createdById: userId }))!,
  });
}
