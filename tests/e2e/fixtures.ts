import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { createPrismaClient } from '../../server/db';
import type { PrismaClient } from '../../server/generated/prisma/client';
import type { Role } from '@model/access/roles';
import { startSyncProcess, type SyncProcess } from '../support/syncProcess';
import { createAccount, createOwnedManuscript } from '../support/members';
import { sessionCookie } from '../support/sessionCookie';

/** Controls the sync server the app under test points at. */
export interface SyncServerControl {
  /** Kills the sync server with SIGKILL, as a crash would. */
  crash(): Promise<void>;
  /** Starts it again on the same port (after a crash). */
  start(): Promise<void>;
  /** Stops it and starts it again on the same port with these settings added (none: the defaults). */
  restart(env?: Record<string, string>): Promise<void>;
}

/** An account made for a test. */
export interface Account {
  userId: string;
  name: string;
  email: string;
  password: string;
}

interface Fixtures {
  /** A fresh manuscript and its owner's account. */
  manuscript: { id: string; owner: Account };
  /** Creates an account, optionally a member of a manuscript with a role. */
  makeAccount: (name: string, membership?: { manuscriptId: string; role: Role }) => Promise<Account>;
  /** Opens `path` in a new browser context signed in as `account`, giving the account a caret colour (null: keep its own). */
  openAs: (account: Account, path: string, color?: string | null) => Promise<Page>;
}

interface WorkerFixtures {
  syncServer: SyncServerControl;
  prisma: PrismaClient;
}

/** Signs in on the server side (not rate limited) and hands the session cookie to a new context. */
async function signedInContext(browser: Browser, baseURL: string, prisma: PrismaClient, account: Account, color: string | null) {
  const { name, value } = await sessionCookie(prisma, account.email, account.password);
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name, value, url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
  // The caret colour is the account's own, kept on the server (null: whatever the account has or is given).
  if (color) await prisma.user.update({ where: { id: account.userId }, data: { caretColor: color } });
  return context;
}

/** Playwright's `test` with Quire's fixtures. */
export const test = base.extend<Fixtures, WorkerFixtures>({
  prisma: [
    async ({}, use) => {
      const prisma = createPrismaClient();
      await use(prisma);
      await prisma.$disconnect();
    },
    { scope: 'worker' },
  ],

  syncServer: [
    async ({}, use) => {
      const port = Number(process.env.SYNC_PORT);
      const databaseUrl = process.env.DATABASE_URL!;
      const defaults = { SYNC_ROOM_GRACE_MS: '2000', SYNC_ACCESS_RECHECK_MS: '1000' };
      let env: Record<string, string> = defaults;
      let server: SyncProcess | null = await startSyncProcess(databaseUrl, { port, env });
      await use({
        async crash() {
          await server?.kill('SIGKILL');
          server = null;
        },
        async start() {
          if (!server) server = await startSyncProcess(databaseUrl, { port, env });
        },
        async restart(extra = {}) {
          await server?.kill('SIGTERM');
          env = { ...defaults, ...extra };
          server = await startSyncProcess(databaseUrl, { port, env });
        },
      });
      await server?.kill('SIGTERM');
    },
    { scope: 'worker', auto: true },
  ],

  manuscript: async ({ prisma }, use, testInfo) => {
    const { id, owner } = await createOwnedManuscript(prisma, `E2E ${testInfo.title.slice(0, 60)}`, { layout: 'sections' });
    await use({ id, owner: { ...owner, name: 'Owner' } });
  },

  makeAccount: async ({ prisma }, use) => {
    await use(async (name, membership) => {
      const account = await createAccount(prisma, name);
      if (membership) await prisma.membership.create({ data: { ...membership, userId: account.userId } });
      return { ...account, name };
    });
  },

  openAs: async ({ browser, baseURL, prisma, syncServer }, use) => {
    const pages: Page[] = [];
    await syncServer.start();
    await use(async (account, path, color = '#1d4ed8') => {
      const context = await signedInContext(browser, baseURL!, prisma, account, color);
      const page = await context.newPage();
      pages.push(page);
      await page.goto(path);
      return page;
    });
    for (const page of pages) await page.context().close();
  },
});

/**
 * The header a page of the app sends with every request that changes something: its Origin.
 * Browsers add it themselves; Playwright's request API does not, and the app refuses such
 * requests without it.
 */
export function fromApp(baseURL: string | undefined): { origin: string } {
  return { origin: new URL(baseURL!).origin };
}

/**
 * Waits until a writing room is connected to the sync server and its editor has taken the place
 * of the text the page was served with (which looks the same but takes no typing).
 */
export async function expectConnected(page: Page): Promise<void> {
  await expect(page.getByTestId('connection-link')).toHaveText('Connected');
  await expect(page.getByTestId('editor')).toBeVisible();
}

/**
 * The text the editor itself has selected (its ProseMirror state, not the browser's selection).
 * The editor takes a selection made with the mouse or Shift+arrows from the browser a moment
 * later; a key pressed before then acts on the old one. Poll this before such a key.
 */
export function editorSelection(page: Page): Promise<string> {
  // A string, not a function: tsx would wrap a named arrow function in a helper the page lacks.
  return page.evaluate(`(() => {
    const editor = document.querySelector('[data-testid="editor"]')?.editor;
    if (!editor) return '';
    const { from, to } = editor.state.selection;
    return editor.state.doc.textBetween(from, to, ' ');
  })()`);
}

export { expect };

/**
 * Chooses one of the writing room's header actions ("History", "Share", "Focus mode"…): its own
 * button where the header shows one, else from the header's menu (More, or Menu on a phone).
 */
export async function workspaceAction(page: Page, label: string): Promise<void> {
  const inline = page.locator('.workspace-actions > .action-inline').filter({ hasText: new RegExp(`^${label}`) });
  if (await inline.isVisible()) return inline.click();
  await page.locator('.action-menu-button').click();
  await page.getByRole('menuitem', { name: new RegExp(`^${label}`) }).click();
}
