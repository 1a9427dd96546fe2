import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { describeDatabaseUrl, isPostgresqlUrl } from '../../server/config/databaseUrl';
import { postgresqlAdapterFactory } from './postgresqlAdapterFactory';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * One database provider: its own schema file, its own migrations folder (migrations are
 * provider-specific SQL) and its own driver adapter.
 */
export interface DatabaseProvider {
  /** The name used by the schema's datasource and by migration_lock.toml. */
  readonly name: 'sqlite' | 'postgresql';
  /** Absolute path of the Prisma schema file for this provider. */
  readonly schemaPath: string;
  /** Absolute path of the migrations folder for this provider. */
  readonly migrationsDir: string;
  /** Creates what must exist before connecting (for SQLite, the database file's folder). */
  prepare(url: string): Promise<void>;
  /** A driver adapter factory that can also open a shadow database. */
  createAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory;
  /** The URL as safe to print. */
  describe(url: string): string;
}

const sqlite: DatabaseProvider = {
  name: 'sqlite',
  schemaPath: path.join(projectRoot, 'prisma', 'schema.prisma'),
  migrationsDir: path.join(projectRoot, 'prisma', 'migrations'),
  async prepare(url) {
    const file = sqliteFilePath(url);
    // SQLite creates a missing file but not a missing folder.
    if (file) await mkdir(path.dirname(file), { recursive: true });
  },
  // The shadow database is an in-memory SQLite database: nothing to configure.
  createAdapterFactory: (url) => new PrismaBetterSqlite3({ url }),
  describe: (url) => sqliteFilePath(url) ?? url,
};

const postgresql: DatabaseProvider = {
  name: 'postgresql',
  schemaPath: path.join(projectRoot, 'prisma', 'postgresql', 'schema.prisma'),
  migrationsDir: path.join(projectRoot, 'prisma', 'postgresql', 'migrations'),
  // The database itself is the operator's to create (with its owner and encoding); see README.md, "PostgreSQL".
  async prepare() {},
  // Prisma's pg adapter, corrected for migrations (see postgresqlAdapterFactory.ts).
  createAdapterFactory: (url) => postgresqlAdapterFactory(url),
  describe: (url) => describeDatabaseUrl(url),
};

/** Picks the provider a database URL belongs to. */
export function providerForUrl(url: string): DatabaseProvider {
  if (url.startsWith('file:')) return sqlite;
  if (isPostgresqlUrl(url)) return postgresql;
  const scheme = url.split(':', 1)[0];
  throw new Error(`Unsupported database URL scheme "${scheme}:". Quire runs on SQLite (file:...) and PostgreSQL (postgresql://...).`);
}

/** The file path of a `file:` URL (query string dropped), or undefined for in-memory databases. */
export function sqliteFilePath(url: string): string | undefined {
  const location = url.slice('file:'.length).split('?', 1)[0];
  if (location === '' || location === ':memory:') return undefined;
  return path.resolve(location.startsWith('//') ? fileURLToPath(url.split('?', 1)[0]) : location);
}
