import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPrismaClient } from '../../server/db';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { prepareDatabase } from '../../scripts/prepareDatabase';
import { stopWhenDone, type TestScope } from './testScope';
import { withTimeout } from './withTimeout';

/** Migrating runs the schema engine (WebAssembly): seconds on a busy machine, never a minute. */
const PREPARE_TIMEOUT_MS = 60_000;

/**
 * A copy of a database file from tests/fixtures/databases/ (one made by an earlier version of
 * Quire), brought up to date the way `npm start` does it (`convert: false` stops short of laying
 * its manuscripts out in sections), in a temporary folder deleted when `scope` ends.
 */
export async function openFixtureDatabase(scope: TestScope, fileName: string, options: { convert?: boolean } = {}): Promise<{ url: string; prisma: PrismaClient }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'quire-fixture-'));
  let prisma: PrismaClient | null = null;
  stopWhenDone(scope, `the fixture database in ${dir}`, async () => {
    await prisma?.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });
  const file = path.join(dir, 'quire.db');
  copyFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/databases', fileName), file);
  const url = `file:${file}`;
  await withTimeout(prepareDatabase(url, { seed: false, quiet: true, convert: options.convert }), PREPARE_TIMEOUT_MS, `the fixture database ${fileName} was not migrated`);
  prisma = createPrismaClient(url);
  return { url, prisma };
}
