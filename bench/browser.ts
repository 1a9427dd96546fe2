import * as Y from 'yjs';
import { signSyncToken } from '../server/access/syncToken';
import { manuscriptCreator } from '../server/manuscripts/manuscriptCreator';
import { createTempDatabase } from '../tests/support/tempDatabase';
import { createAccount } from '../tests/support/members';
import { connectStockClient } from '../tests/support/stockClient';
import { sectionContent } from '@model/manuscript/sectionDocument';
import { largeManuscript } from './largeManuscript';
import { percentiles } from './percentiles';
import { startAppUnderTest } from './appUnderTest';
import { sized } from './benchQuick';
import { commentedManuscript, storeThreads } from './commentedManuscript';
import type { Page } from '@playwright/test';
import type { AppUnderTest } from './appUnderTest';

/**
 * Records, in the page, each keydown's latency to the start of the next animation frame, and to
 * that frame's paint: a task queued from inside the frame's callback runs once the frame's style,
 * layout and paint are done, so the keystroke is on screen by then.
 */
const RECORD_KEY_LATENCY = `
  window.__keyLatencies = [];
  window.__keyPaintLatencies = [];
  document.addEventListener('keydown', (event) => {
    const pressed = event.timeStamp;
    requestAnimationFrame((frame) => {
      window.__keyLatencies.push(frame - pressed);
      setTimeout(() => window.__keyPaintLatencies.push(performance.now() - pressed), 0);
    });
  }, true);
`;

/** Opens measured after the warm-up: enough for a p95 (see bench/percentiles.ts). */
const OPEN_RUNS = sized(30, 3);
/** The sentence the page types, this many times over (554 keystrokes in a full run: enough for a p99 of several). */
const TYPED_REPEATS = sized(8, 1);
/**
 * After the measured opens' pages close, how long to wait before typing: the sync server unloads
 * a room 10 s after its last writer leaves (compacting it and recording a revision), work that
 * belongs to no typing measurement.
 */
const UNLOAD_SETTLE_MS = 15_000;

/**
 * Chromium with the app and the sync server running as in production, on a 120,000-word,
 * 30-chapter manuscript laid out in sections: how long until its first chapter is editable
 * (fresh browser, warm server; 30 opens after a warm-up one), and keydown latency, to the next
 * frame and to its paint, while four other writers type 8 characters a second into the same
 * chapter's room, in turns with the same book carrying 500 open comment threads and 1,000
 * pending suggestions; and how long that book's comment list takes to open.
 */
export async function measureBrowser(): Promise<Record<string, number>> {
  const database = await createTempDatabase();
  const writer = await createAccount(database.prisma, 'Bench');
  const id = await manuscriptCreator(database.prisma, largeManuscript(), { ownerId: writer.userId, layout: 'sections' });
  const app = await startAppUnderTest(database.url, database.prisma);
  const results: Record<string, number> = {};
  try {
    // Warm the server: the first open loads the manuscript into the sync server.
    const warm = await app.open(id, writer);
    const opens: number[] = [];
    const texts: number[] = [];
    const phases = { html: [] as number[], scriptsToConnect: [] as number[], sync: [] as number[], syncToEditable: [] as number[] };
    for (let run = 0; run < OPEN_RUNS; run++) {
      const { context, marks } = await app.open(id, writer);
      opens.push(marks.editable);
      texts.push(marks.text);
      phases.html.push(marks.html);
      phases.scriptsToConnect.push(marks.connecting - marks.html);
      phases.sync.push(marks.synced - marks.connecting);
      phases.syncToEditable.push(marks.editable - marks.synced);
      await context.close();
    }
    Object.assign(results, percentiles(opens, 'openMs'), percentiles(texts, 'openTextMs'));
    // Where opening spends its time (medians): HTML, scripts until the socket opens, the sync, rendering.
    // The editor now mounts on the served state, so it can be editable before the book has synced
    // (a negative last phase); the phases are kept as they were so that earlier figures compare.
    const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]);
    Object.assign(results, {
      openPhaseHtmlMs: median(phases.html),
      openPhaseScriptsMs: median(phases.scriptsToConnect),
      openPhaseSyncMs: median(phases.sync),
      openPhaseRenderMs: median(phases.syncToEditable),
    });

    const closedAt = Date.now();

    // The same book after an editor's pass: 500 open comment threads (their passages highlighted)
    // and 1,000 pending suggestions (struck and proposed words), typed into in turns with the plain one.
    const reviewed = commentedManuscript(writer.userId);
    const reviewedId = await manuscriptCreator(database.prisma, reviewed.manuscript, { ownerId: writer.userId, layout: 'sections' });
    await storeThreads(database.prisma, reviewedId, writer.userId, reviewed.threads);
    const reviewedPage = await app.open(reviewedId, writer);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, closedAt + UNLOAD_SETTLE_MS - Date.now())));
    Object.assign(
      results,
      await typeInTurns(app, writer.userId, [
        { page: warm.page, manuscriptId: id, prefix: 'typing' },
        { page: reviewedPage.page, manuscriptId: reviewedId, prefix: 'typingReviewed' },
      ]),
      { commentThreads: reviewed.threads.length, suggestions: reviewed.suggestions },
    );
    await warm.context.close();
    Object.assign(results, await openCommentList(reviewedPage.page));
  } finally {
    await app.stop();
    await database.cleanup();
  }
  return results;
}

/** One book being typed into: its page (open on chapter 1), its id, and its figures' prefix. */
interface TypedBook {
  page: Page;
  manuscriptId: string;
  prefix: string;
}

/**
 * Rounds of typing, alternating between the books, so that drift over a run (the machine, the
 * server's housekeeping) falls on both alike rather than on whichever went second.
 */
const TYPING_ROUNDS = sized(4, 1);

/**
 * Keydown latency, to the next frame and to its paint, while a page types 554 keystrokes into
 * chapter 1 of its book and four other writers type 8 characters a second into the same chapter's
 * room. The books are typed into in turns (a quarter of the keystrokes each turn, which book goes
 * first alternating), the remote writers typing only into the book being measured. Both are
 * measured in the same state: each page has its offline copy of every section (the background
 * sync that follows an open is done), so they differ only in what the book holds. Reported per
 * book as `<prefix>KeyToFrameMs…`, `<prefix>KeyToPaintMs…` and `<prefix>Keystrokes`.
 */
async function typeInTurns(app: AppUnderTest, userId: string, books: TypedBook[]): Promise<Record<string, number>> {
  const remote = new Map<TypedBook, ReturnType<typeof connectStockClient>[]>();
  try {
    for (const book of books) {
      const clients: ReturnType<typeof connectStockClient>[] = [];
      for (let w = 0; w < 4; w++) clients.push(connectStockClient(app.sync.port, `${book.manuscriptId}/chapter1`, await signSyncToken(userId, book.manuscriptId)));
      remote.set(book, clients);
      await Promise.all(clients.map((client) => client.synced));
      await book.page.getByTestId('offline-count').filter({ hasText: 'All sections available offline' }).waitFor({ timeout: 120_000 });
      await book.page.evaluate(RECORD_KEY_LATENCY);
      await book.page.locator('.ProseMirror p').nth(8).click();
      await book.page.keyboard.press('End');
    }
    const sentence = 'The quick brown fox jumps over the lazy dog while four others write. ';
    for (let round = 0; round < TYPING_ROUNDS; round++) {
      const order = round % 2 === 0 ? books : [...books].reverse();
      for (const book of order) {
        let typing = true;
        const remoteTyping = remote.get(book)!.map((client, w) =>
          (async () => {
            const paragraph = (sectionContent(client.doc).get(0) as Y.XmlElement).get(2 + w) as Y.XmlElement;
            const text = paragraph.get(0) as Y.XmlText;
            while (typing) {
              text.insert(Math.min(10, text.length), 'r');
              await new Promise((resolve) => setTimeout(resolve, 125));
            }
          })(),
        );
        await book.page.bringToFront();
        await book.page.keyboard.type(sentence.repeat(Math.max(1, Math.round(TYPED_REPEATS / TYPING_ROUNDS))), { delay: 60 });
        typing = false;
        await Promise.all(remoteTyping);
        // The last keystroke's paint task may still be queued, and remote changes may still be arriving: let them settle.
        await book.page.waitForTimeout(500);
      }
    }
    const results: Record<string, number> = {};
    for (const book of books) {
      const { frame, paint } = await book.page.evaluate(() => {
        const recorded = window as unknown as { __keyLatencies: number[]; __keyPaintLatencies: number[] };
        return { frame: recorded.__keyLatencies, paint: recorded.__keyPaintLatencies };
      });
      Object.assign(results, percentiles(frame, `${book.prefix}KeyToFrameMs`), percentiles(paint, `${book.prefix}KeyToPaintMs`), { [`${book.prefix}Keystrokes`]: frame.length });
    }
    return results;
  } finally {
    for (const clients of remote.values()) for (const client of clients) client.destroy();
  }
}

/** In the page: clicks Comments and resolves with the time until the chapter's threads are drawn. */
const OPEN_COMMENT_LIST = `new Promise((resolve) => {
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="threads-here"] [data-testid="thread"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - start));
  });
  observer.observe(document.body, { subtree: true, childList: true });
  [...document.querySelectorAll('button')].find((button) => button.textContent.startsWith('Comments')).click();
})`;

/** Opens of the comment list measured after the first (which also loads the panel's code). */
const LIST_OPENS = sized(20, 2);

/**
 * How long the comment list takes to show the open chapter's threads after Comments is clicked
 * (to the next frame after they are in the page): the first time (the panel's code loads then)
 * and the p50/p95 of the opens after it.
 */
async function openCommentList(page: Page): Promise<Record<string, number>> {
  // A string, not a function: tsx would wrap the inner arrow functions in a helper the page lacks.
  const open = () => page.evaluate<number>(OPEN_COMMENT_LIST);
  const close = () => page.getByRole('button', { name: 'Close comments' }).click();
  // The threads are read once the chapter is ready (and every 4 s): give the first read time.
  await page.waitForFunction(() => document.querySelectorAll('.comment-highlight').length > 0, null, { timeout: 30_000 });
  await page.waitForTimeout(2000);
  const first = await open();
  await close();
  const again: number[] = [];
  for (let i = 0; i < LIST_OPENS; i++) {
    again.push(await open());
    await close();
  }
  return { commentListFirstOpenMs: Math.round(first), ...percentiles(again, 'commentListOpenMs') };
}
