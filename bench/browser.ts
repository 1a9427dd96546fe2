import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import * as Y from 'yjs';
import type { PrismaClient } from '../server/generated/prisma/client';
import { signSyncToken } from '../server/access/syncToken';
import { manuscriptCreator } from '../server/manuscripts/manuscriptCreator';
import { buildIsStale } from '../scripts/buildIsStale';
import { freePort } from '../scripts/freePort';
import { createTempDatabase } from '../tests/support/tempDatabase';
import { createAccount } from '../tests/support/members';
import { connectStockClient } from '../tests/support/stockClient';
import { startSyncProcess } from '../tests/support/syncProcess';
import { sessionCookie } from '../tests/support/sessionCookie';
import { sectionFragment } from '@model/manuscript/manuscriptLayout';
import { largeManuscript } from './largeManuscript';
import { percentiles } from './percentiles';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Records, in the page, when the first chapter's editor became editable (ms since navigation). */
const RECORD_EDITABLE = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('.ProseMirror[contenteditable="true"] .ms-chapter-title')) {
      window.__editableAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

/** Reads the app's open-time marks (a string, so the bundler adds nothing to it). */
const READ_MARKS = `(() => {
  const at = (name) => (performance.getEntriesByName(name)[0] || { startTime: NaN }).startTime;
  return { html: performance.getEntriesByType('navigation')[0].responseEnd, connecting: at('quire:connecting'), synced: at('quire:synced'), editorReady: at('quire:editor-ready') };
})()`;

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
const OPEN_RUNS = 30;

async function signedInContext(browser: Browser, baseURL: string, prisma: PrismaClient, email: string, password: string) {
  const { name, value } = await sessionCookie(prisma, email, password);
  const context = await browser.newContext({ baseURL, viewport: { width: 1300, height: 900 } });
  await context.addCookies([{ name, value, url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/**
 * Chromium with the app and the sync server running as in production, on a 120,000-word,
 * 30-chapter manuscript: how long until its first chapter is editable (fresh browser, warm
 * server; 30 opens after a warm-up one), and keydown latency, to the next frame and to its paint,
 * while four other writers type 8 characters a second into the same chapter.
 */
export async function measureBrowser(): Promise<Record<string, number>> {
  const root = process.cwd();
  if (buildIsStale(root)) spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], { stdio: 'inherit' });
  const database = await createTempDatabase();
  const writer = await createAccount(database.prisma, 'Bench');
  const id = await manuscriptCreator(database.prisma, largeManuscript(), { ownerId: writer.userId });
  const sync = await startSyncProcess(database.url);
  const appPort = await freePort();
  const app = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(appPort), '-H', '127.0.0.1'], {
    env: { ...process.env, DATABASE_URL: database.url, SYNC_PORT: String(sync.port) },
    stdio: 'ignore',
  });
  const baseURL = `http://127.0.0.1:${appPort}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${baseURL}/sign-in`).then((r) => r.ok).catch(() => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const results: Record<string, number> = {};
  const remote: ReturnType<typeof connectStockClient>[] = [];
  try {
    const open = async () => {
      const context = await signedInContext(browser, baseURL, database.prisma, writer.email, writer.password);
      await context.addInitScript(RECORD_EDITABLE);
      const page = await context.newPage();
      await page.goto(`/m/${id}`);
      await page.waitForFunction(() => (window as unknown as { __editableAt?: number }).__editableAt !== undefined, null, { timeout: 30_000 });
      const at = await page.evaluate(() => (window as unknown as { __editableAt: number }).__editableAt);
      const marks = (await page.evaluate(READ_MARKS)) as { html: number; connecting: number; synced: number; editorReady: number };
      return { page, context, at, marks };
    };
    // Warm the server: the first open loads the manuscript into the sync server.
    const warm = await open();
    const opens: number[] = [];
    const phases = { html: [] as number[], scriptsToConnect: [] as number[], sync: [] as number[], syncToEditable: [] as number[] };
    for (let run = 0; run < OPEN_RUNS; run++) {
      const { context, at, marks } = await open();
      opens.push(at);
      phases.html.push(marks.html);
      phases.scriptsToConnect.push(marks.connecting - marks.html);
      phases.sync.push(marks.synced - marks.connecting);
      phases.syncToEditable.push(at - marks.synced);
      await context.close();
    }
    Object.assign(results, percentiles(opens, 'openMs'));
    // Where opening spends its time (medians): HTML, scripts until the socket opens, the sync, rendering.
    const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]);
    Object.assign(results, {
      openPhaseHtmlMs: median(phases.html),
      openPhaseScriptsMs: median(phases.scriptsToConnect),
      openPhaseSyncMs: median(phases.sync),
      openPhaseRenderMs: median(phases.syncToEditable),
    });

    // Four remote writers type into chapter 1 while this page types there too.
    for (let w = 0; w < 4; w++) remote.push(connectStockClient(sync.port, id, await signSyncToken(writer.userId, id)));
    await Promise.all(remote.map((client) => client.synced));
    let typing = true;
    const remoteTyping = remote.map((client, w) =>
      (async () => {
        const paragraph = (sectionFragment(client.doc, 'chapter1').get(0) as Y.XmlElement).get(2 + w) as Y.XmlElement;
        const text = paragraph.get(0) as Y.XmlText;
        while (typing) {
          text.insert(Math.min(10, text.length), 'r');
          await new Promise((resolve) => setTimeout(resolve, 125));
        }
      })(),
    );
    const page = warm.page;
    await page.evaluate(RECORD_KEY_LATENCY);
    await page.locator('.manuscript-page p').nth(8).click();
    await page.keyboard.press('End');
    await page.keyboard.type('The quick brown fox jumps over the lazy dog while four others write. '.repeat(4), { delay: 60 });
    typing = false;
    await Promise.all(remoteTyping);
    // The last keystroke's paint task may still be queued: let it run before reading.
    await page.waitForTimeout(200);
    const { frame, paint } = await page.evaluate(() => {
      const recorded = window as unknown as { __keyLatencies: number[]; __keyPaintLatencies: number[] };
      return { frame: recorded.__keyLatencies, paint: recorded.__keyPaintLatencies };
    });
    Object.assign(results, percentiles(frame, 'typingKeyToFrameMs'), percentiles(paint, 'typingKeyToPaintMs'), { typingKeystrokes: frame.length });
    await warm.context.close();
  } finally {
    for (const client of remote) client.destroy();
    await browser.close();
    app.kill('SIGTERM');
    await sync.kill('SIGTERM');
    await database.cleanup();
  }
  return results;
}
