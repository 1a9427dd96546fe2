import type { PrismaClient } from '../generated/prisma/client';
import { liveManuscriptSession, openLiveDocument } from '../live/liveManuscriptSession';
import { PrismaDocumentStore } from '../persistence/PrismaDocumentStore';
import { BOOK_DOCUMENT } from '@model/manuscript/bookDocument';
import { sectionsRevisionCreator } from './sectionsRevisionCreator';
import { revisionCreator } from './revisionCreator';

/**
 * Names the manuscript's current state (a milestone such as "Draft 2 to editor"): a revision of
 * the live document, after everything writers have sent is stored. Named revisions are never
 * pruned. Returns the revision's id.
 */
export async function revisionNamer(prisma: PrismaClient, manuscriptId: string, userId: string, name: string): Promise<string> {
  if ((await new PrismaDocumentStore(prisma).layoutOf(manuscriptId)) === 'sections') {
    // The book's stored acknowledgement covers the sections open on the server too.
    const book = await openLiveDocument(manuscriptId, userId);
    try {
      await book.stored();
      return (await sectionsRevisionCreator(prisma, manuscriptId, new Map([[BOOK_DOCUMENT, book.doc]]), { kind: 'named', name, createdById: userId }))!;
    } finally {
      book.close();
    }
  }
  return liveManuscriptSession(manuscriptId, userId, {
    afterStored: async (doc) => (await revisionCreator(prisma, manuscriptId, doc, { kind: 'named', name, createdById: userId }))!,
  });
}
