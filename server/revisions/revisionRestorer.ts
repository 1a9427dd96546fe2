import type { PrismaClient } from '../generated/prisma/client';
import { HttpError } from '../http/HttpError';
import { liveManuscriptSession, openLiveDocument } from '../live/liveManuscriptSession';
import { PrismaDocumentStore } from '../persistence/PrismaDocumentStore';
import { BOOK_DOCUMENT } from '@model/manuscript/bookDocument';
import { manuscriptVersions } from './manuscriptVersions';
import { restoreSections } from './restoreSections';
import { sectionsRevisionCreator } from './sectionsRevisionCreator';
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
  const when = revision.name ? `“${revision.name}”` : revision.createdAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const name = `Restored ${input.label} to ${when}`;
  if ((await new PrismaDocumentStore(prisma).layoutOf(input.manuscriptId)) === 'sections') {
    const past = (await manuscriptVersions(prisma, input.manuscriptId, [input.revisionId])).get(input.revisionId)!;
    const book = await openLiveDocument(input.manuscriptId, input.userId);
    try {
      await book.stored();
      await sectionsRevisionCreator(prisma, input.manuscriptId, new Map([[BOOK_DOCUMENT, book.doc]]), { kind: 'auto' });
      await restoreSections(book, past, input.userId, input.manuscriptId, input.sectionId);
      return (await sectionsRevisionCreator(prisma, input.manuscriptId, new Map([[BOOK_DOCUMENT, book.doc]]), { kind: 'restore', name, createdById: input.userId, notWriting: true }))!;
    } finally {
      book.close();
    }
  }
  const snapshot = await revisionSnapshot(prisma, input.manuscriptId, input.revisionId);
  return liveManuscriptSession(input.manuscriptId, input.userId, {
    beforeChange: async (doc) => {
      await revisionCreator(prisma, input.manuscriptId, doc, { kind: 'auto' });
    },
    change: (doc) => restoreRevision(doc, snapshot, input.sectionId),
    afterStored: async (doc) =>
      (await revisionCreator(prisma, input.manuscriptId, doc, {
        kind: 'restore',
        name,
        createdById: input.userId,
      }))!,
  });
}
