import * as Y from 'yjs';
import type { PrismaClient } from '../generated/prisma/client';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { writeManuscriptToYDoc } from '@model/manuscript/manuscriptToYDoc';
import { newId } from '@model/manuscript/newId';
import { summarizeManuscript } from '../sync/summarizeManuscript';
import { retryWhenBusy } from '../persistence/retryWhenBusy';

/**
 * Creates a manuscript from its JSON: the database row, its first snapshot and its owner's
 * membership, in one transaction. The sync server loads the snapshot when the first writer opens
 * it. Returns the new manuscript's id.
 */
export async function manuscriptCreator(
  prisma: PrismaClient,
  manuscript: ManuscriptJson,
  options: { ownerId: string; id?: string },
): Promise<string> {
  const id = options.id ?? newId();
  const doc = writeManuscriptToYDoc(manuscript);
  const state = new Uint8Array(Y.encodeStateAsUpdateV2(doc));
  const summary = summarizeManuscript(doc);
  doc.destroy();
  await retryWhenBusy(() =>
    prisma.manuscript.create({
      data: {
        id,
        title: summary.title,
        wordCount: summary.wordCount,
        snapshot: { create: { state, throughSeq: 0 } },
        memberships: { create: { userId: options.ownerId, role: 'owner' } },
      },
    }),
  );
  return id;
}
