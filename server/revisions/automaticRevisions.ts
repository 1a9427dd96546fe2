import type { PrismaClient } from '../generated/prisma/client';
import type { RoomRevisions } from '../sync/Room';
import type { RevisionTiming } from '../sync/RevisionScheduler';
import { revisionCreator } from './revisionCreator';
import { revisionPruner } from './revisionPruner';

/**
 * The sync server's automatic revisions on the database: each one is recorded with who changed
 * what, then the manuscript's revisions are pruned by the retention policy.
 */
export function automaticRevisions(prisma: PrismaClient, timing: RevisionTiming): RoomRevisions {
  return {
    timing,
    async create(manuscriptId, doc) {
      await revisionCreator(prisma, manuscriptId, doc, { kind: 'auto' });
      await revisionPruner(prisma, manuscriptId);
    },
  };
}
