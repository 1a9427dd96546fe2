import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { startSyncProcess, type SyncProcess } from '../support/syncProcess';

/** Controls the sync server the app under test points at. */
export interface SyncServerControl {
  /** Kills the sync server with SIGKILL, as a crash would. */
  crash(): Promise<void>;
  /** Starts it again on the same port (after a crash). */
  start(): Promise<void>;
}

interface Fixtures {
  /** A fresh manuscript made through the library's API; its id. */
  manuscriptId: string;
  /** Opens a manuscript in a new browser context as the named writer. */
  openAsWriter: (manuscriptId: string, name: string, color: string) => Promise<Page>;
}

interface WorkerFixtures {
  syncServer: SyncServerControl;
}

/** Opens a page in its own context (its own IndexedDB and local storage) as a given writer. */
async function openWriterPage(browser: Browser, baseURL: string, manuscriptId: string, name: string, color: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  await context.addInitScript(
    ([writerName, writerColor]) => window.localStorage.setItem('quire.writer', JSON.stringify({ name: writerName, color: writerColor })),
    [name, color],
  );
  const page = await context.newPage();
  await page.goto(`/m/${manuscriptId}`);
  await expect(page.getByTestId('connection-link')).toHaveText('Connected');
  return page;
}

/** Playwright's `test` with Quire's fixtures. */
export const test = base.extend<Fixtures, WorkerFixtures>({
  syncServer: [
    async ({}, use) => {
      const port = Number(process.env.SYNC_PORT);
      const databaseUrl = process.env.DATABASE_URL!;
      const env = { SYNC_ROOM_GRACE_MS: '2000' };
      let server: SyncProcess | null = await startSyncProcess(databaseUrl, { port, env });
      await use({
        async crash() {
          await server?.kill('SIGKILL');
          server = null;
        },
        async start() {
          if (!server) server = await startSyncProcess(databaseUrl, { port, env });
        },
      });
      await server?.kill('SIGTERM');
    },
    { scope: 'worker', auto: true },
  ],

  manuscriptId: async ({ request }, use, testInfo) => {
    const response = await request.post('/api/manuscripts', { data: { title: `E2E ${testInfo.title.slice(0, 60)}` } });
    expect(response.status()).toBe(201);
    const { id } = (await response.json()) as { id: string };
    await use(id);
  },

  openAsWriter: async ({ browser, baseURL, syncServer }, use) => {
    const pages: Page[] = [];
    await syncServer.start();
    await use(async (manuscriptId, name, color) => {
      const page = await openWriterPage(browser, baseURL!, manuscriptId, name, color);
      pages.push(page);
      return page;
    });
    for (const page of pages) await page.context().close();
  },
});

export { expect };
