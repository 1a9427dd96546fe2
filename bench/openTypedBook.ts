import { signSyncToken } from '../server/access/syncToken';
import { manuscriptCreator } from '../server/manuscripts/manuscriptCreator';
import { BOOK_DOCUMENT } from '@model/manuscript/bookDocument';
import { createTempDatabase } from '../tests/support/tempDatabase';
import { createAccount } from '../tests/support/members';
import { connectStockClient, type StockClient } from '../tests/support/stockClient';
import { sampleManuscript } from '../prisma/seed/sampleManuscript';
import { percentiles } from './percentiles';
import { startAppUnderTest, type OpenMarks } from './appUnderTest';
import { typedBookCached } from './typedBook';
import { storeBook } from './storeBook';
import { sized } from './benchQuick';

/** Opens of each book after the warm-up: enough for a p95 (see bench/percentiles.ts). */
const OPEN_RUNS = sized(30, 2);

/** The median of some values, rounded to whole ms. */
function median(values: number[]): number {
  return Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]);
}

/**
 * When each step of one book's opens happened, medians in ms since navigation (see
 * docs/PERFORMANCE.md): the steps overlap (the editor mounts on the served state without waiting
 * for the socket), so they are reported as points in time, not as phases that add up.
 */
function steps(marks: OpenMarks[], prefix: string): Record<string, number> {
  const of = (f: (m: OpenMarks) => number) => median(marks.map(f));
  return {
    [`${prefix}HtmlFirstByteMs`]: of((m) => m.htmlStart),
    [`${prefix}HtmlLastByteMs`]: of((m) => m.html),
    [`${prefix}HtmlKiB`]: of((m) => m.htmlBytes / 1024),
    [`${prefix}TextOnScreenMs`]: of((m) => m.text),
    [`${prefix}EarlySocketsMs`]: of((m) => m.earlySockets),
    [`${prefix}ProviderCreatedMs`]: of((m) => m.connecting),
    [`${prefix}BookSocketOpenMs`]: of((m) => m.socketOpen),
    [`${prefix}BookSyncedMs`]: of((m) => m.synced),
    [`${prefix}EditorCreatedMs`]: of((m) => m.editorReady),
    [`${prefix}EditableMs`]: of((m) => m.editable),
  };
}

/**
 * Opening a book that was typed, against the 7,000-word sample novel, in Chromium with a warm
 * server: the 120,000-word, 30-chapter book of bench/typedBook.ts (every chapter typed keystroke
 * by keystroke from the real trace, its history kept; built once and cached in
 * .data/bench-cache/) and the sample, each opened 30 times in a fresh browser context (no local
 * copy), the two alternating (which goes first alternates too), after one warm-up open each.
 * Stock clients stay in each book's first chapter throughout, so the server keeps both loaded.
 * Reports p50/p95 of the chapter's text on screen and of the first chapter editable, for both,
 * the typed/sample ratios, and when each step of opening happened (medians of the app's
 * performance marks).
 */
export async function measureOpenTypedBook(): Promise<Record<string, number>> {
  const typed = typedBookCached();
  const database = await createTempDatabase();
  const writer = await createAccount(database.prisma, 'Bench');
  // One copy: the sample's section ids are made anew each time it is built.
  const sample = sampleManuscript();
  const books = {
    typed: await storeBook(database.prisma, typed, writer.userId, 'typedbook'),
    sample: await manuscriptCreator(database.prisma, sample, { ownerId: writer.userId, layout: 'sections' }),
  };
  const firstChapter = {
    typed: typed.documents.find((document) => document.name !== BOOK_DOCUMENT)!.name,
    sample: sample.sections.find((section) => section.kind === 'chapter')!.id,
  };
  const app = await startAppUnderTest(database.url, database.prisma);
  const keepers: StockClient[] = [];
  const marks = { typed: [] as OpenMarks[], sample: [] as OpenMarks[] };
  try {
    for (const side of ['typed', 'sample'] as const) {
      const token = await signSyncToken(writer.userId, books[side]);
      keepers.push(connectStockClient(app.sync.port, `${books[side]}/${firstChapter[side]}`, token));
    }
    await Promise.all(keepers.map((client) => client.synced));
    // One open each first: the app's routes compiled and cached, the browser's code cache warm.
    for (const side of ['typed', 'sample'] as const) await (await app.open(books[side], writer)).context.close();
    for (let run = 0; run < OPEN_RUNS; run++) {
      for (const side of run % 2 === 0 ? (['typed', 'sample'] as const) : (['sample', 'typed'] as const)) {
        const opened = await app.open(books[side], writer);
        marks[side].push(opened.marks);
        await opened.context.close();
      }
    }
  } finally {
    for (const client of keepers) client.destroy();
    await app.stop();
    await database.cleanup();
  }
  const results: Record<string, number> = {
    typedWords: typed.words,
    typedStoredKiB: Math.round(typed.documents.reduce((sum, document) => sum + document.state.byteLength, 0) / 1024),
    ...percentiles(marks.typed.map((m) => m.text), 'typedTextMs'),
    ...percentiles(marks.typed.map((m) => m.editable), 'typedEditableMs'),
    ...percentiles(marks.sample.map((m) => m.text), 'sampleTextMs'),
    ...percentiles(marks.sample.map((m) => m.editable), 'sampleEditableMs'),
  };
  const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : Math.round((a / b) * 100) / 100);
  for (const [name, value] of Object.entries({
    textP50Ratio: ratio(results.typedTextMsP50, results.sampleTextMsP50),
    textP95Ratio: ratio(results.typedTextMsP95, results.sampleTextMsP95),
    editableP50Ratio: ratio(results.typedEditableMsP50, results.sampleEditableMsP50),
    editableP95Ratio: ratio(results.typedEditableMsP95, results.sampleEditableMsP95),
  })) {
    if (value !== undefined) results[name] = value;
  }
  return { ...results, ...steps(marks.typed, 'typedStep'), ...steps(marks.sample, 'sampleStep') };
}
