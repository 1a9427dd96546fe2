import * as Y from 'yjs';
import type { PrismaClient } from '../generated/prisma/client';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { appendSectionEntries } from '@model/manuscript/bookOperations';
import { measureSection, writeSectionContent } from '@model/manuscript/sectionDocument';
import { manuscriptSchema } from '@model/schema';
import { newId } from '@model/manuscript/newId';
import { PrismaDocumentStore } from '../persistence/PrismaDocumentStore';
import { openLiveDocument } from '../live/liveManuscriptSession';
import { sectionsRevisionCreator } from '../revisions/sectionsRevisionCreator';
import { HttpError } from '../http/HttpError';

/**
 * Appends an imported file's sections to a manuscript laid out in sections. Each new section's
 * document is stored first, credited to the importing writer (its id is new, so no room can have
 * it open); then the sections are listed in the live book document, so co-writers see them at
 * once. The state just before is kept as a revision and the import is recorded as a named one,
 * so it can be undone from the history. Returns the new section ids.
 */
export async function appendToSections(
  prisma: PrismaClient,
  input: { manuscriptId: string; userId: string; imported: ManuscriptJson; fileName: string },
): Promise<string[]> {
  for (const section of input.imported.sections) manuscriptSchema.nodeFromJSON(section.content).check();
  const store = new PrismaDocumentStore(prisma);
  const book = await openLiveDocument(input.manuscriptId, input.userId);
  let listed = false;
  try {
    await book.stored();
    await sectionsRevisionCreator(prisma, input.manuscriptId, new Map([['book', book.doc]]), { kind: 'auto' });
    const sections = input.imported.sections.map((section) => {
      const doc = new Y.Doc();
      writeSectionContent(doc, section.content);
      const added = { id: newId(), kind: section.kind, stats: measureSection(doc), update: Y.encodeStateAsUpdateV2(doc) };
      doc.destroy();
      return added;
    });
    for (const section of sections) {
      await store.append(input.manuscriptId, section.id, [{ update: section.update, userId: input.userId }]);
    }
    appendSectionEntries(book.doc, sections);
    listed = true;
    await book.stored();
    await sectionsRevisionCreator(prisma, input.manuscriptId, new Map([['book', book.doc]]), {
      kind: 'named',
      name: `Imported “${input.fileName}”`,
      createdById: input.userId,
      notWriting: true,
    });
    return sections.map((section) => section.id);
  } catch (error) {
    // Once the sections were listed, "nothing was changed" may not be true: a retry could add them twice.
    if (listed && error instanceof HttpError) {
      throw new HttpError(error.status, 'The chapters were sent, but the sync server did not confirm it stored them. Check the binder before importing again.');
    }
    throw error;
  } finally {
    book.close();
  }
}
