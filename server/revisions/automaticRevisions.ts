import type { PrismaClient } from '../generated/prisma/client';
import type { RoomRevisions } from '../sync/Room';
import type { RevisionTiming } from '../sync/RevisionScheduler';
import { revisionCreator } from './revisionCreator';
import { sectionsRevisionCreator } from './sectionsRevisionCreator';
import { MAIN_DOCUMENT } from '../persistence/DocumentStore';
import { revisionPruner } from './revisionPruner';

/**
 * The sync server's automatic revisions on the database: each one is recorded with who changed
 * what, then the manuscript's revisions are pruned by the retention policy.
 */
export function automaticRevisions(prisma: PrismaClient, timing: RevisionTiming): RoomRevisions {
  return {
    timing,
    async create(manuscriptId, docs) {
      // A manuscript still in one document has only that room; otherwise its book and sections.
      const whole = docs.get(MAIN_DOCUMENT);
      if (whole) await revisionCreator(prisma, manuscriptId, whole, { kind: 'auto' });
      else await sectionsRevisionCreator(prisma, manuscriptId, docs, { kind: 'auto' });
      await revisionPruner(prisma, manuscriptId);
    },
  };
}
