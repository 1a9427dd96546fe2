import type { PrismaClient } from '../generated/prisma/client';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { appendSections } from '@model/manuscript/appendSections';
import { liveManuscriptSession } from '../live/liveManuscriptSession';
import { revisionCreator } from '../revisions/revisionCreator';
import { HttpError } from '../http/HttpError';
import { PrismaDocumentStore } from '../persistence/PrismaDocumentStore';
import { appendToSections } from './appendToSections';

/**
 * Appends an imported file's sections to a manuscript through its live document, so co-writers
 * see the new chapters at once. The state just before is kept as a revision and the import is
 * recorded as a named one, so it can be undone from the history. Returns the new section ids.
 */
export async function importAppender(
  prisma: PrismaClient,
  input: { manuscriptId: string; userId: string; imported: ManuscriptJson; fileName: string },
): Promise<string[]> {
  const layout = await new PrismaDocumentStore(prisma).layoutOf(input.manuscriptId);
  if (!layout) throw new HttpError(404, 'There is no such manuscript.');
  if (layout === 'sections') return appendToSections(prisma, input);
  let added: string[] = [];
  try {
    await liveManuscriptSession(input.manuscriptId, input.userId, {
      beforeChange: async (doc) => {
        await revisionCreator(prisma, input.manuscriptId, doc, { kind: 'auto' });
      },
      change: (doc) => {
        added = appendSections(doc, input.imported.sections);
      },
      afterStored: async (doc) => {
        await revisionCreator(prisma, input.manuscriptId, doc, {
          kind: 'named',
          name: `Imported “${input.fileName}”`,
          createdById: input.userId,
        });
      },
    });
  } catch (error) {
    // Once the sections were sent, "nothing was changed" may not be true: a retry could add them twice.
    if (added.length > 0 && error instanceof HttpError) {
      throw new HttpError(error.status, 'The chapters were sent, but the sync server did not confirm it stored them. Check the binder before importing again.');
    }
    throw error;
  }
  return added;
}
