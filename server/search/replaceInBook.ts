import { updateYFragment } from '@tiptap/y-tiptap';
import type { PrismaClient } from '../generated/prisma/client';
import { HttpError } from '../http/HttpError';
import { memberAccess } from '../access/memberAccess';
import { openLiveDocument } from '../live/liveManuscriptSession';
import { PrismaDocumentStore } from '../persistence/PrismaDocumentStore';
import { sectionsRevisionCreator } from '../revisions/sectionsRevisionCreator';
import { BOOK_DOCUMENT } from '@model/manuscript/bookDocument';
import { listSections } from '@model/manuscript/manuscriptLayout';
import { readSectionContent, sectionContent } from '@model/manuscript/sectionDocument';
import { manuscriptSchema } from '@model/schema';
import { findMatches } from '@model/search/findMatches';
import { sectionText } from '@model/search/sectionText';
import { replaceMatches } from '@model/search/replaceMatches';
import { SearchQueryError, searchPattern, type SearchQuery } from '@model/search/searchQuery';
import { replacementRevisionName } from '@model/search/replacementRevisionName';
import { boundedPatternRunner } from './boundedPatternRunner';

/** Sections rewritten at once: well under the sync server's 20 connections per account, beside the writer's own tab (about five). */
const CONCURRENCY = 6;
/** How long the writer's expression may run in all, across every section of one replace (ms). */
const REPLACE_PATTERN_BUDGET_MS = 1000;

/** What a replace-all did: how many matches it replaced, in how many sections, and the revision that names it. */
export interface ReplaceOutcome {
  replaced: number;
  sections: number;
  revisionId: string | null;
}

/**
 * Replaces every match of `query` in the book, or in one section, with `replacement`, through the
 * live documents as `userId`: each section changes in one transaction that co-writers see at
 * once and the log credits to them. The book as it was is kept as a revision first and the
 * result is recorded as a revision named after the change ("Replaced “Lena” with “Lina” (214)"),
 * so restoring the one before undoes it. The query is searched in each section as it is live,
 * not as a result list the writer saw a moment ago.
 */
export async function replaceInBook(
  prisma: PrismaClient,
  input: { manuscriptId: string; userId: string; query: SearchQuery; replacement: string; sectionId?: string },
): Promise<ReplaceOutcome> {
  const { manuscriptId, userId, query, replacement } = input;
  const pattern = searchPattern(query);
  // Checked here too, not only by the route: the live documents are opened as this writer.
  await memberAccess(prisma, manuscriptId, userId, ['owner', 'editor']);
  if ((await new PrismaDocumentStore(prisma).layoutOf(manuscriptId)) !== 'sections') throw new HttpError(409, 'This manuscript has not been converted to sections yet; open it once and try again.');
  const book = await openLiveDocument(manuscriptId, userId);
  try {
    await book.stored();
    const ids = listSections(book.doc).map((section) => section.id);
    const targets = input.sectionId ? ids.filter((id) => id === input.sectionId) : ids;
    if (input.sectionId && targets.length === 0) throw new HttpError(404, 'There is no such section in this book.');
    const docs = new Map([[BOOK_DOCUMENT, book.doc]]);
    await sectionsRevisionCreator(prisma, manuscriptId, docs, { kind: 'auto' });
    const counts: number[] = [];
    const queue = [...targets];
    // One budget for the expression's own running time across every section, not one per
    // section; waiting for the sync server and the database to store each section is not spent
    // from it (on a slower database a large book's replace otherwise ran out of it partway).
    let patternBudget = REPLACE_PATTERN_BUDGET_MS;
    let failure: unknown = null;
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined && failure === null; id = queue.shift()) {
        try {
          const live = await openLiveDocument(manuscriptId, userId, id);
          try {
            const node = manuscriptSchema.nodeFromJSON(readSectionContent(live.doc));
            if (patternBudget <= 0) throw new SearchQueryError('That expression takes too long to search the book; make it simpler.');
            const text = sectionText(node, query.includeSuggestions);
            const searchedFrom = performance.now();
            let matches;
            try {
              matches = findMatches([text], pattern, boundedPatternRunner(patternBudget), { captures: query.regex, contextLimit: 0 })[0];
            } finally {
              patternBudget -= performance.now() - searchedFrom;
            }
            if (matches.length === 0) continue;
            updateYFragment(live.doc, sectionContent(live.doc), replaceMatches(node, matches, replacement, query.regex), { mapping: new Map(), isOMark: new Map() });
            await live.stored();
            counts.push(matches.length);
          } finally {
            live.close();
          }
        } catch (error) {
          // The first failure stops every worker from taking another section.
          failure ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, targets.length) }, worker));
    const replaced = counts.reduce((sum, count) => sum + count, 0);
    // What was replaced before a failure is named in the history all the same, so it can be undone.
    const revisionId = replaced > 0 ? await sectionsRevisionCreator(prisma, manuscriptId, docs, { kind: 'named', name: replacementRevisionName(query.text, replacement, replaced), createdById: userId, notWriting: true }) : null;
    if (failure !== null) {
      if (replaced === 0) throw failure;
      const reason = failure instanceof Error ? failure.message : String(failure);
      throw new HttpError(failure instanceof HttpError ? failure.status : failure instanceof SearchQueryError ? 400 : 500, `Replaced ${replaced} in ${counts.length} ${counts.length === 1 ? 'section' : 'sections'}, then stopped: ${reason} What was replaced is in the history; restoring the version before it undoes it.`);
    }
    return { replaced, sections: counts.length, revisionId };
  } finally {
    book.close();
  }
}
