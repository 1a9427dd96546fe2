import { updateYFragment } from '@tiptap/y-tiptap';
import type { PrismaClient } from '../generated/prisma/client';
import { HttpError } from '../http/HttpError';
import { openLiveDocument } from '../live/liveManuscriptSession';
import { PrismaDocumentStore } from '../persistence/PrismaDocumentStore';
import { sectionsRevisionCreator } from '../revisions/sectionsRevisionCreator';
import { BOOK_DOCUMENT } from '@model/manuscript/bookDocument';
import { listSections } from '@model/manuscript/manuscriptLayout';
import { readSectionContent, sectionContent } from '@model/manuscript/sectionDocument';
import { manuscriptSchema } from '@model/schema';
import { acceptAll, acceptedText } from '@model/suggestions/pendingSuggestions';
import { hasSuggestions, listSuggestions } from '@model/suggestions/listSuggestions';
import { recordDecisions } from './suggestionDecisions';

/**
 * Accepts or rejects every pending suggestion in a book, section by section, through the live
 * documents (as `userId`, so co-writers see it at once and the history credits them). The book
 * as it was is kept as a revision first, and the result is recorded as a named revision, so the
 * whole operation can be undone by restoring; each suggestion's outcome is recorded with who
 * decided it. Returns how many sections changed.
 */
export async function settleBookSuggestions(prisma: PrismaClient, input: { manuscriptId: string; userId: string; accept: boolean }): Promise<number> {
  const { manuscriptId, userId, accept } = input;
  if ((await new PrismaDocumentStore(prisma).layoutOf(manuscriptId)) !== 'sections') throw new HttpError(409, 'This manuscript has not been converted to sections yet; open it once and try again.');
  const book = await openLiveDocument(manuscriptId, userId);
  try {
    await book.stored();
    const docs = new Map([[BOOK_DOCUMENT, book.doc]]);
    await sectionsRevisionCreator(prisma, manuscriptId, docs, { kind: 'auto' });
    let changed = 0;
    for (const { id } of listSections(book.doc)) {
      const live = await openLiveDocument(manuscriptId, userId, id);
      try {
        const node = manuscriptSchema.nodeFromJSON(readSectionContent(live.doc));
        if (!hasSuggestions(node)) continue;
        const settled = accept ? acceptAll(node) : acceptedText(node);
        updateYFragment(live.doc, sectionContent(live.doc), settled, { mapping: new Map(), isOMark: new Map() });
        await live.stored();
        const outcome = accept ? 'accepted' : 'rejected';
        await recordDecisions(prisma, manuscriptId, userId, listSuggestions(node).map((suggestion) => ({ suggestionId: suggestion.id, outcome })));
        changed++;
      } finally {
        live.close();
      }
    }
    if (changed > 0) {
      const name = accept ? 'Accepted every suggestion' : 'Rejected every suggestion';
      await sectionsRevisionCreator(prisma, manuscriptId, docs, { kind: 'named', name, createdById: userId });
    }
    return changed;
  } finally {
    book.close();
  }
}
