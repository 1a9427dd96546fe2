import type { PrismaClient } from '../generated/prisma/client';
import type { ManuscriptDiff } from '@model/revisions/manuscriptDiff';
import { diffManuscripts } from './diffManuscripts';
import { manuscriptVersions } from './manuscriptVersions';

/**
 * Compares two revisions of a manuscript, or a revision with the current text (`to` = 'now',
 * as stored, which is at most a second behind the writers). Returns the diff from `from` to `to`.
 */
export async function compareRevisions(prisma: PrismaClient, manuscriptId: string, fromId: string, toId: string): Promise<ManuscriptDiff> {
  const versions = await manuscriptVersions(prisma, manuscriptId, [fromId, toId]);
  return diffManuscripts(versions.get(fromId)!, versions.get(toId)!);
}
