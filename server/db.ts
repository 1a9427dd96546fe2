import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/prisma/client';
import { databaseUrl } from './config/databaseUrl';

/**
 * How long a write waits for another process's write lock before failing (ms). The app and the
 * sync server share the SQLite file; waiting briefly is how SQLite serialises their writes.
 */
const BUSY_TIMEOUT_MS = 5000;

/** Creates a Prisma client for the embedded SQLite database (or the file DATABASE_URL names). */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: BUSY_TIMEOUT_MS }) });
}

const globalForDb = globalThis as unknown as { quireDb?: PrismaClient };

/**
 * The one Prisma client of this process. Kept on globalThis so Next.js hot reloads in
 * development reuse it instead of opening a new connection each time.
 */
export const db: PrismaClient = globalForDb.quireDb ?? createPrismaClient();
globalForDb.quireDb = db;
