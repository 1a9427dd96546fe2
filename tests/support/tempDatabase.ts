import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '../../server/db';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { prepareDatabase } from '../../scripts/prepareDatabase';
import { isTestScope, stopWhenDone, type TestScope } from './testScope';
import { withTimeout } from './withTimeout';

/** A migrated SQLite database in a temporary folder. */
export interface TempDatabase {
  url: string;
  prisma: PrismaClient;
  /** Disconnects and deletes the folder; done by the scope's teardown when there is one. */
  cleanup(): Promise<void>;
}

/** Options for {@link createTempDatabase}. */
export interface TempDatabaseOptions {
  /** Load the sample novel (default: no). */
  seed?: boolean;
}

/** Migrating runs the schema engine (WebAssembly): seconds on a busy machine, never a minute. */
const PREPARE_TIMEOUT_MS = 60_000;

/**
 * Creates a real, migrated SQLite database file. With a test scope, it is disconnected and deleted
 * when that test (or file) ends, pass or fail.
 */
export function createTempDatabase(scope: TestScope, options?: TempDatabaseOptions): Promise<TempDatabase>;
/** For scripts that are not tests (benchmarks): the caller calls `cleanup`. */
export function createTempDatabase(options?: TempDatabaseOptions): Promise<TempDatabase>;
export async function createTempDatabase(first?: TestScope | TempDatabaseOptions, second?: TempDatabaseOptions): Promise<TempDatabase> {
  const [scope, options = {}] = isTestScope(first) ? [first, second] : [null, first];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'quire-test-'));
  const url = `file:${path.join(dir, 'quire.db')}`;
  let prisma: PrismaClient | null = null;
  let cleaned: Promise<void> | null = null;
  const cleanup = () =>
    (cleaned ??= (async () => {
      await prisma?.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    })());
  if (scope) stopWhenDone(scope, `the test database in ${dir}`, cleanup);
  await withTimeout(prepareDatabase(url, { seed: options.seed ?? false, quiet: true }), PREPARE_TIMEOUT_MS, `the test database in ${dir} was not migrated`);
  prisma = createPrismaClient(url);
  return { url, prisma, cleanup };
}
