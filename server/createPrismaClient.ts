import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { PrismaClient as PostgresqlPrismaClient } from './generated/prisma-postgresql/client';
import { databaseUrl, isPostgresqlUrl, postgresqlPoolSettings } from './config/databaseUrl';

/**
 * How long a write waits for another process's write lock before failing (ms). The app and the
 * sync server share the SQLite file; waiting briefly is how SQLite serialises their writes.
 */
const BUSY_TIMEOUT_MS = 5000;

/** Marks clients made for PostgreSQL; a global symbol, so that copies of this module (hot reload, bundles) agree. */
const ON_POSTGRESQL = Symbol.for('quire.databaseProvider.postgresql');

/** Which database a client made by {@link createPrismaClient} talks to (for code and libraries that ask, such as better-auth). */
export function databaseProviderOf(prisma: PrismaClient): 'sqlite' | 'postgresql' {
  return (prisma as unknown as Record<symbol, unknown>)[ON_POSTGRESQL] === true ? 'postgresql' : 'sqlite';
}

/**
 * Creates a Prisma client for the database DATABASE_URL names: the embedded SQLite file by
 * default, or a PostgreSQL server for `postgresql://` URLs. Both clients are generated from the
 * same data model (prisma/postgresql/schema.prisma is generated from prisma/schema.prisma), so
 * they have the same API (`connection_limit` and `pool_timeout` in a PostgreSQL URL size its pool); the PostgreSQL one is typed as the SQLite one so that the rest of the
 * code has one client type.
 */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  if (isPostgresqlUrl(url)) {
    // Prisma's `?schema=` is not read by the pg driver: the tables would land in `public` unseen.
    if (new URL(url).searchParams.has('schema')) throw new Error('DATABASE_URL: `?schema=` is not supported; give Quire a database of its own (its tables go in the public schema).');
    const client = new PostgresqlPrismaClient({ adapter: new PrismaPg(postgresqlPoolSettings(url)) }) as unknown as PrismaClient;
    Object.defineProperty(client, ON_POSTGRESQL, { value: true });
    return client;
  }
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: BUSY_TIMEOUT_MS }) });
}
