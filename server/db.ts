import type { PrismaClient } from './generated/prisma/client';
import { createPrismaClient } from './createPrismaClient';

export { createPrismaClient, databaseProviderOf } from './createPrismaClient';

const globalForDb = globalThis as unknown as { quireDb?: PrismaClient };

/**
 * The one Prisma client of this process. Kept on globalThis so Next.js hot reloads in
 * development reuse it instead of opening a new connection each time.
 */
export const db: PrismaClient = globalForDb.quireDb ?? createPrismaClient();
globalForDb.quireDb = db;
