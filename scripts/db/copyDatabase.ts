import { existsSync } from 'node:fs';
import { createPrismaClient } from '../../server/createPrismaClient';
import { isPostgresqlUrl } from '../../server/config/databaseUrl';
import { Prisma, type PrismaClient } from '../../server/generated/prisma/client';
import { deployMigrations } from './deployMigrations';
import { sqliteFilePath } from './providers';

/** One table to copy: its Prisma delegate's name and its primary key's columns. */
interface TableCopy {
  model: string;
  key: string[];
  /** Rows per batch: smaller for tables holding documents' binary state. */
  batch: number;
}

/**
 * Every table, parents before children so that each row's references already exist. A table
 * added to the schema must be added here: {@link copyDatabase} refuses to run if the schema has
 * a model this list does not name, so nothing is ever left behind silently.
 */
const TABLES: TableCopy[] = [
  { model: 'user', key: ['id'], batch: 500 },
  { model: 'manuscript', key: ['id'], batch: 500 },
  { model: 'session', key: ['id'], batch: 500 },
  { model: 'account', key: ['id'], batch: 500 },
  { model: 'verification', key: ['id'], batch: 500 },
  { model: 'rateLimit', key: ['id'], batch: 500 },
  { model: 'signInAttempt', key: ['seq'], batch: 500 },
  { model: 'membership', key: ['manuscriptId', 'userId'], batch: 500 },
  { model: 'invitation', key: ['id'], batch: 500 },
  { model: 'manuscriptSnapshot', key: ['manuscriptId', 'docName'], batch: 50 },
  { model: 'manuscriptUpdate', key: ['seq'], batch: 200 },
  { model: 'revision', key: ['id'], batch: 50 },
  { model: 'commentThread', key: ['id'], batch: 500 },
  { model: 'comment', key: ['id'], batch: 500 },
  { model: 'notification', key: ['id'], batch: 500 },
  { model: 'suggestionDecision', key: ['id'], batch: 500 },
];

/**
 * Tables whose key PostgreSQL numbers from a sequence, which must continue after every number
 * already used: the copied rows', the source's own counter (SQLite keeps it in `sqlite_sequence`
 * after compaction has deleted the rows), and the columns that point at log entries (a revision's
 * or a snapshot's `throughSeq`), so that new log entries are never taken for old ones.
 */
const SEQUENCES: Array<{ table: string; column: string; referencedBy: Array<[table: string, column: string]> }> = [
  { table: 'ManuscriptUpdate', column: 'seq', referencedBy: [['ManuscriptSnapshot', 'throughSeq'], ['Revision', 'throughSeq']] },
  { table: 'SignInAttempt', column: 'seq', referencedBy: [] },
];

/** How long the whole copy may take inside its one transaction (`COPY_TIMEOUT_MINUTES`, default 60). */
const COPY_TIMEOUT_MS = (Number(process.env.COPY_TIMEOUT_MINUTES) || 60) * 60 * 1000;

type Delegate = {
  count(): Promise<number>;
  findMany(args: object): Promise<Array<Record<string, unknown>>>;
  createMany(args: { data: Array<Record<string, unknown>> }): Promise<{ count: number }>;
};

const delegate = (client: unknown, model: string) => (client as Record<string, Delegate>)[model];

/** The rows copied per table. */
export type CopyReport = Record<string, number>;

/**
 * Copies a Quire installation's database into an empty PostgreSQL database: migrates the target,
 * then copies every table (manuscripts and their documents' history, revisions, accounts,
 * sessions, memberships, invitations, comments, notifications, suggestion decisions, sign-in
 * limits) in one transaction, so the target ends with all of it or none; sets PostgreSQL's
 * sequences past the copied keys; and checks every table's row count against the source. The
 * source is only read. Refuses a target that already holds data.
 */
export async function copyDatabase(fromUrl: string, toUrl: string, log: (line: string) => void = console.log): Promise<CopyReport> {
  if (!isPostgresqlUrl(toUrl)) throw new Error('The target must be a PostgreSQL database (postgresql://…).');
  if (fromUrl === toUrl) throw new Error('The source and the target are the same database.');
  checkEveryModelIsListed();
  const sourceFile = fromUrl.startsWith('file:') ? sqliteFilePath(fromUrl) : undefined;
  // SQLite would create a missing file and copy an empty database.
  if (sourceFile && !existsSync(sourceFile)) throw new Error(`There is no database at ${sourceFile}.`);
  const source = createPrismaClient(fromUrl);
  const target = createPrismaClient(toUrl);
  try {
    await deployMigrations(toUrl, { log });
    for (const { model } of TABLES) {
      if ((await delegate(target, model).count()) > 0) throw new Error(`The target database already holds data (table ${model}); copy into an empty database.`);
    }
    const counted = await sourceCounts(source, fromUrl);
    const report: CopyReport = {};
    await target.$transaction(
      async (tx) => {
        for (const table of TABLES) {
          report[table.model] = await copyTable(source, tx, table);
          log(`${table.model}: ${report[table.model]} rows`);
        }
        for (const { table, column, referencedBy } of SEQUENCES) {
          const used = [`SELECT MAX("${column}") AS n FROM "${table}"`, ...referencedBy.map(([other, pointer]) => `SELECT MAX("${pointer}") AS n FROM "${other}"`)].join(' UNION ALL ');
          await tx.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${table}"', '${column}'), GREATEST(${counted.counters[table]}, (SELECT COALESCE(MAX(n), 0) FROM (${used}) AS used)) + 1, false)`);
        }
        // Checked before the commit, so that a copy that does not match leaves the target empty.
        for (const { model } of TABLES) {
          const copied = await delegate(tx, model).count();
          if (copied !== counted.rows[model]) throw new Error(`Table ${model}: ${counted.rows[model]} rows in the source but ${copied} copied; nothing was copied.`);
        }
        const now = await sourceCounts(source, fromUrl);
        if (JSON.stringify(now) !== JSON.stringify(counted)) throw new Error('The source database changed during the copy (is the app or the sync server still running?); nothing was copied. Stop them and copy again.');
      },
      { timeout: COPY_TIMEOUT_MS, maxWait: 60_000 },
    );
    return report;
  } finally {
    await Promise.all([source.$disconnect(), target.$disconnect()]);
  }
}

/** Every table's row count and every sequence's counter in the source: what the copy must match, and how a write during it shows. */
async function sourceCounts(source: PrismaClient, fromUrl: string): Promise<{ rows: Record<string, number>; counters: Record<string, number> }> {
  const rows: Record<string, number> = {};
  for (const { model } of TABLES) rows[model] = await delegate(source, model).count();
  const counters: Record<string, number> = {};
  for (const { table } of SEQUENCES) counters[table] = await sourceCounter(source, fromUrl, table);
  return { rows, counters };
}

/** The last number the source's own counter gave out for `table` (SQLite's `sqlite_sequence`), or 0. */
async function sourceCounter(source: PrismaClient, fromUrl: string, table: string): Promise<number> {
  if (isPostgresqlUrl(fromUrl)) {
    const rows = await source.$queryRawUnsafe<Array<{ n: bigint | null }>>(`SELECT last_value AS n FROM pg_sequences WHERE sequencename = '${table}_seq_seq'`);
    return Number(rows[0]?.n ?? 0);
  }
  const rows = await source.$queryRawUnsafe<Array<{ seq: number | bigint }>>(`SELECT seq FROM sqlite_sequence WHERE name = '${table}'`);
  return Number(rows[0]?.seq ?? 0);
}

/** Copies one table in batches, in key order; returns the number of rows. */
async function copyTable(source: PrismaClient, target: unknown, { model, key, batch }: TableCopy): Promise<number> {
  const orderBy = key.map((column) => ({ [column]: 'asc' }));
  let copied = 0;
  let after: Record<string, unknown> | null = null;
  for (;;) {
    // A single-column key pages by cursor (the update log can be long); a composite one by offset.
    const page: Array<Record<string, unknown>> = await delegate(source, model).findMany(
      key.length === 1 && after ? { orderBy, take: batch, skip: 1, cursor: { [key[0]]: after[key[0]] } } : { orderBy, take: batch, skip: key.length === 1 ? 0 : copied },
    );
    if (page.length === 0) return copied;
    await delegate(target, model).createMany({ data: page });
    copied += page.length;
    after = page[page.length - 1];
    if (page.length < batch) return copied;
  }
}

/** Refuses to copy when the schema has a model {@link TABLES} does not list. */
function checkEveryModelIsListed(): void {
  const listed = new Set(TABLES.map((table) => table.model));
  const models = Object.values(Prisma.ModelName).map((name) => name[0].toLowerCase() + name.slice(1));
  const missing = models.filter((name) => !listed.has(name));
  if (missing.length > 0) throw new Error(`scripts/db/copyDatabase.ts does not copy ${missing.join(', ')}: add them to its list of tables.`);
}
