import * as Y from 'yjs';
import { updateYFragment } from '@tiptap/y-tiptap';
import { createSyncServer } from '../server/sync/createSyncServer';
import { PrismaDocumentStore } from '../server/persistence/PrismaDocumentStore';
import { createSyncAccessControl } from '../server/access/syncAccess';
import { createAuth } from '../server/auth/createAuth';
import { searchBook } from '../server/search/searchBook';
import { replaceInBook } from '../server/search/replaceInBook';
import { boundedPatternRunner } from '../server/search/boundedPatternRunner';
import { manuscriptSchema } from '@model/schema';
import { readSectionContent, sectionContent, writeSectionContent } from '@model/manuscript/sectionDocument';
import { findMatches } from '@model/search/findMatches';
import { sectionText } from '@model/search/sectionText';
import { replaceMatches } from '@model/search/replaceMatches';
import { searchPattern, type SearchQuery } from '@model/search/searchQuery';
import { createTempDatabase } from '../tests/support/tempDatabase';
import { createOwnedManuscript } from '../tests/support/members';
import { largeManuscript } from './largeManuscript';
import { percentiles } from './percentiles';
import { sized } from './benchQuick';

const NAME: SearchQuery = { text: 'Lena', matchCase: true, wholeWords: true, regex: false, includeSuggestions: false };

/**
 * Find and replace on a 120,000-word, 30-chapter book (the sample novel's text, in which "Lena"
 * occurs 519 times), beside a floor measured in the same run:
 * - search: the search route's work for a plain word (`searchBook`: each document's version
 *   from the database, the cached section texts, the pattern run under its time limit, the
 *   listing), the first search of a book (every section read from the database) apart; floor:
 *   one plain `RegExp` over the book's text as a single string.
 * - replace: replacing every "Lena" with "Lina" in the book's section documents held in memory
 *   (search, the ProseMirror replacement, and the minimal Yjs change per section), as the
 *   replace route does in each live document; floor: `String.replaceAll` over the book's text.
 * - replaceRouteMs: the replace route end to end once, through a sync server over websockets:
 *   a revision before (the book's first, so every document is read), six sections at a time
 *   opened live, changed and stored at once, a named revision after.
 */
export async function measureFindReplace(runs = sized(30, 3)): Promise<Record<string, number>> {
  const book = largeManuscript();
  const database = await createTempDatabase();
  const server = await createSyncServer({
    store: new PrismaDocumentStore(database.prisma),
    access: createSyncAccessControl(database.prisma, createAuth(database.prisma)),
    port: 0,
    host: '127.0.0.1',
    gracePeriodMs: 100,
  });
  const previousUrl = process.env.SYNC_INTERNAL_URL;
  process.env.SYNC_INTERNAL_URL = `ws://127.0.0.1:${server.port}`;
  try {
    const { id, owner } = await createOwnedManuscript(database.prisma, book.title, { layout: 'sections', manuscript: book });

    let started = performance.now();
    const first = await searchBook(database.prisma, id, NAME);
    const firstSearchMs = Math.round(performance.now() - started);
    const search: number[] = [];
    for (let run = 0; run < runs; run++) {
      started = performance.now();
      await searchBook(database.prisma, id, NAME);
      search.push(performance.now() - started);
    }
    const plainText = book.sections
      .map((section) => {
        const node = manuscriptSchema.nodeFromJSON(section.content);
        return node.textBetween(0, node.content.size, '\n');
      })
      .join('\n');
    const floor: number[] = [];
    for (let run = 0; run < runs; run++) {
      started = performance.now();
      const found = plainText.match(/(?<![\p{L}\p{N}_])Lena(?![\p{L}\p{N}_])/gu);
      floor.push(performance.now() - started);
      if (!found) throw new Error('the floor found nothing');
    }

    const replace: number[] = [];
    const replaceFloor: number[] = [];
    const pattern = searchPattern(NAME);
    for (let run = 0; run < Math.max(3, Math.round(runs / 6)); run++) {
      const docs = book.sections.map((section) => {
        const doc = new Y.Doc();
        writeSectionContent(doc, section.content);
        return doc;
      });
      started = performance.now();
      let replaced = 0;
      for (const doc of docs) {
        const node = manuscriptSchema.nodeFromJSON(readSectionContent(doc));
        const matches = findMatches([sectionText(node, false)], pattern, boundedPatternRunner())[0];
        if (matches.length === 0) continue;
        updateYFragment(doc, sectionContent(doc), replaceMatches(node, matches, 'Lina', false), { mapping: new Map(), isOMark: new Map() });
        replaced += matches.length;
      }
      replace.push(performance.now() - started);
      if (replaced !== first.total) throw new Error(`replaced ${replaced} of ${first.total}`);
      docs.forEach((doc) => doc.destroy());
      started = performance.now();
      if (!plainText.replaceAll('Lena', 'Lina').includes('Lina')) throw new Error('the floor replaced nothing');
      replaceFloor.push(performance.now() - started);
    }

    started = performance.now();
    const outcome = await replaceInBook(database.prisma, { manuscriptId: id, userId: owner.userId, query: NAME, replacement: 'Lina' });
    const replaceRouteMs = Math.round(performance.now() - started);
    if (outcome.replaced !== first.total) throw new Error(`the route replaced ${outcome.replaced} of ${first.total}`);

    return {
      matches: first.total,
      firstSearchMs,
      ...percentiles(search, 'searchMs'),
      ...percentiles(floor, 'searchFloorMs'),
      ...percentiles(replace, 'replaceMs'),
      ...percentiles(replaceFloor, 'replaceFloorMs'),
      replaceRouteMs,
    };
  } finally {
    if (previousUrl === undefined) delete process.env.SYNC_INTERNAL_URL;
    else process.env.SYNC_INTERNAL_URL = previousUrl;
    await server.close();
    await database.cleanup();
  }
}
