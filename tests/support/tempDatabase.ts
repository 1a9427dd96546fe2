import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '../../server/db';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { prepareDatabase } from '../../scripts/prepareDatabase';
import { createPostgresDatabase, dropPostgresDatabase } from '../../scripts/postgresServer';
import { isTestScope, stopWhenDone, type TestScope } from './testScope';
import { withTimeout } from './withTimeout';

/** A migrated database: SQLite in a temporary folder, or a fresh PostgreSQL database when the tests run on PostgreSQL. */
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
  /** Make it on this PostgreSQL server (its maintenance database's URL), whatever the suite. */
  postgresAdminUrl?: string;
}

/** Migrating runs the schema engine (WebAssembly): seconds on a busy machine, never a minute. */
const PREPARE_TIMEOUT_MS = 60_000;

/**
 * Creates a real, migrated database: a SQLite file, or on PostgreSQL (QUIRE_TEST_POSTGRES_URL set) a
 * fresh database on that server. With a test scope, it is disconnected and deleted
 * when that test (or file) ends, pass or fail.
 */
export function createTempDatabase(scope: TestScope, options?: TempDatabaseOptions): Promise<TempDatabase>;
/** For scripts that are not tests (benchmarks): the caller calls `cleanup`. */
export function createTempDatabase(options?: TempDatabaseOptions): Promise<TempDatabase>;
export async function createTempDatabase(first?: TestScope | TempDatabaseOptions, second?: TempDatabaseOptions): Promise<TempDatabase> {
  const [scope, options = {}] = isTestScope(first) ? [first, second] : [null, first];
  // `npm run test:postgresql` (QUIRE_TEST_POSTGRES_URL set): a fresh database on that server.
  const postgres = options.postgresAdminUrl ?? process.env.QUIRE_TEST_POSTGRES_URL;
  const dir = postgres ? null : mkdtempSync(path.join(os.tmpdir(), 'quire-test-'));
  const url = postgres ? await createPostgresDatabase(postgres) : `file:${path.join(dir!, 'quire.db')}`;
  const where = dir ? `the test database in ${dir}` : `the test database ${url}`;
  let prisma: PrismaClient | null = null;
  let cleaned: Promise<void> | null = null;
  const cleanup = () =>
    (cleaned ??= (async () => {
      await prisma?.$disconnect();
      if (postgres) await dropPostgresDatabase(postgres, url);
      else rmSync(dir!, { recursive: true, force: true });
    })());
  if (scope) stopWhenDone(scope, where, cleanup);
  await withTimeout(prepareDatabase(url, { seed: options.seed ?? false, quiet: true }), PREPARE_TIMEOUT_MS, `${where} was not migrated`);
  prisma = createPrismaClient(url);
  return { url, prisma, cleanup };
}
