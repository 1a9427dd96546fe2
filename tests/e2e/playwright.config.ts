import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium. `npm test` (scripts/test.ts) builds the app, prepares
 * a fresh database with the sample novel, and passes free ports; the app server is started here,
 * the sync server by a worker fixture (fixtures.ts) because tests kill and restart it.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const appPort = Number(process.env.E2E_APP_PORT ?? 3100);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // One worker: tests stop the one sync server the app points at.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: path.join(root, 'test-results', 'e2e'),
  use: {
    baseURL: `http://127.0.0.1:${appPort}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: [
    {
      // The app's own server (Next.js behind the front that decides the client's address), as `npm start` runs it.
      command: `"${process.execPath}" --import tsx ${path.join(root, 'server', 'web', 'main.ts')}`,
      cwd: root,
      url: `http://127.0.0.1:${appPort}/api/manuscripts`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        ...(process.env as Record<string, string>),
        DATABASE_URL: process.env.DATABASE_URL ?? '',
        PORT: String(appPort),
        HOST: '127.0.0.1',
        SYNC_PORT: process.env.SYNC_PORT ?? '1234',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  ],
});
