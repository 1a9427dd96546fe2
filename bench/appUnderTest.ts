import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { PrismaClient } from '../server/generated/prisma/client';
import { buildIsStale } from '../scripts/buildIsStale';
import { freePort } from '../scripts/freePort';
import { startSyncProcess, type SyncProcess } from '../tests/support/syncProcess';
import { sessionCookie } from '../tests/support/sessionCookie';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Records, in the page, when the chapter's text was first on screen (`__textAt`: the frame after
 * the served or the live chapter title appeared) and when the first chapter's editor became
 * editable (`__editableAt`: a MutationObserver sees `contenteditable="true"` with the chapter
 * title in it), both in ms since navigation.
 */
const RECORD_OPEN = `
  new MutationObserver((_, observer) => {
    const w = window;
    if (w.__textSeen === undefined && document.querySelector('.manuscript-page .ms-chapter-title')) {
      w.__textSeen = performance.now();
      requestAnimationFrame(() => setTimeout(() => (w.__textAt = performance.now()), 0));
    }
    if (document.querySelector('.ProseMirror[contenteditable="true"] .ms-chapter-title')) {
      w.__editableAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

/** Reads the app's open-time marks (a string, so the bundler adds nothing to it); NaN for a mark not made. */
const READ_MARKS = `(() => {
  const at = (name) => (performance.getEntriesByName(name)[0] || { startTime: NaN }).startTime;
  const navigation = performance.getEntriesByType('navigation')[0];
  return {
    htmlStart: navigation.responseStart,
    html: navigation.responseEnd,
    htmlBytes: navigation.decodedBodySize,
    earlySockets: at('quire:early-sockets'),
    connecting: at('quire:connecting'),
    socketOpen: at('quire:socket-open'),
    synced: at('quire:synced'),
    editorReady: at('quire:editor-ready'),
    text: window.__textAt,
    editable: window.__editableAt,
  };
})()`;

/** When each step of one open happened, in ms since navigation (see {@link READ_MARKS}). */
export interface OpenMarks {
  /** The HTML's first byte. */
  htmlStart: number;
  /** The HTML's last byte. */
  html: number;
  /** The HTML's size, uncompressed (it carries the book's and the first chapter's stored state). */
  htmlBytes: number;
  earlySockets: number;
  connecting: number;
  socketOpen: number;
  synced: number;
  editorReady: number;
  /** The chapter's text on screen. */
  text: number;
  /** The first chapter's editor editable. */
  editable: number;
}

/** One page opened in a fresh browser context, with what its open took. */
export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  marks: OpenMarks;
}

/** The app and the sync server running as in production against one database, and Chromium. */
export interface AppUnderTest {
  baseURL: string;
  sync: SyncProcess;
  browser: Browser;
  /** Opens `/m/<manuscriptId>` signed in, in a fresh context (no local copy), and waits until its first chapter is editable. */
  open(manuscriptId: string, account: { email: string; password: string }): Promise<OpenedPage>;
  stop(): Promise<void>;
}

/**
 * Builds the app if the build is missing or stale, starts the sync server (its own process) and
 * `next start` against `databaseUrl`, waits until the app answers, and launches Chromium
 * (`/usr/bin/chromium`, or `CHROMIUM_PATH`).
 */
export async function startAppUnderTest(databaseUrl: string, prisma: PrismaClient): Promise<AppUnderTest> {
  const root = process.cwd();
  if (buildIsStale(root)) spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], { stdio: 'inherit' });
  const sync = await startSyncProcess(databaseUrl);
  const appPort = await freePort();
  const app: ChildProcess = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(appPort), '-H', '127.0.0.1'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SYNC_PORT: String(sync.port) },
    stdio: 'ignore',
  });
  const baseURL = `http://127.0.0.1:${appPort}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${baseURL}/sign-in`).then((r) => r.ok).catch(() => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    baseURL,
    sync,
    browser,
    async open(manuscriptId, account) {
      const { name, value } = await sessionCookie(prisma, account.email, account.password);
      const context = await browser.newContext({ baseURL, viewport: { width: 1300, height: 900 } });
      await context.addCookies([{ name, value, url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
      await context.addInitScript(RECORD_OPEN);
      const page = await context.newPage();
      await page.goto(`/m/${manuscriptId}`);
      await page.waitForFunction(() => {
        const w = window as unknown as { __editableAt?: number; __textAt?: number };
        return w.__editableAt !== undefined && w.__textAt !== undefined;
      }, null, { timeout: 30_000 });
      const marks = (await page.evaluate(READ_MARKS)) as OpenMarks;
      return { page, context, marks };
    },
    async stop() {
      await browser.close();
      app.kill('SIGTERM');
      await sync.kill('SIGTERM');
    },
  };
}
