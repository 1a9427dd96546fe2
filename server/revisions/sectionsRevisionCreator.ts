import type * as Y from 'yjs';
import type { PrismaClient } from '../generated/prisma/client';
import { newId } from '@model/manuscript/newId';
import { nextRevisionTime } from './nextRevisionTime';
import { changesSinceRevision } from './changesSinceRevision';
import type { RevisionKind } from './revisionCreator';

/**
 * Records a revision of a manuscript laid out in sections: a delta snapshot of every document
 * that changed since the previous revision (all of them for the first revision in this layout),
 * and who changed what, per section, from the update log. `live` holds documents open on the
 * sync server (their updates already stored); the others are read from storage. An automatic
 * revision is skipped when nothing changed. `notWriting` says the change was not anyone's writing
 * (a restore, a replace-all, an import): its authors' words are marked as not written (see
 * `AuthorChange.notWritten`). Returns the new revision's id, or null if skipped.
 */
export async function sectionsRevisionCreator(
  prisma: PrismaClient,
  manuscriptId: string,
  live: Map<string, Y.Doc>,
  options: { kind: RevisionKind; name?: string; createdById?: string; at?: Date; notWriting?: boolean },
): Promise<string | null> {
  const changes = await changesSinceRevision(prisma, manuscriptId, live, { evenIfNone: options.kind !== 'auto' });
  if (!changes) return null;
  if (options.notWriting) for (const author of changes.summary.authors) if (author.added > 0) author.notWritten = author.added;
  const id = newId();
  await prisma.revision.create({
    data: {
      id,
      manuscriptId,
      createdAt: options.at ?? nextRevisionTime(changes.latestAt ?? undefined),
      kind: options.kind,
      name: options.name ?? null,
      createdById: options.createdById ?? null,
      layout: 'sections',
      snapshot: new Uint8Array(changes.snapshot),
      throughSeq: changes.throughSeq,
      writtenAt: changes.lastLoggedAt,
      wordCount: changes.wordCount,
      summary: JSON.stringify(changes.summary),
    },
  });
  return id;
}
