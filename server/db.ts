import { PrismaLibSql } from '@prisma/adapter-libsql';
import { PrismaClient } from './generated/prisma/client';
import { databaseUrl } from './config/databaseUrl';

/** Creates a Prisma client for the embedded SQLite database (or the file DATABASE_URL names). */
export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaLibSql({ url }) });
}

const globalForDb = globalThis as unknown as { quireDb?: PrismaClient };

/**
 * The one Prisma client of this process. Kept on globalThis so Next.js hot reloads in
 * development reuse it instead of opening a new connection each time.
 */
export const db: PrismaClient = globalForDb.quireDb ?? createPrismaClient();
globalForDb.quireDb = db;
