import type { PrismaClient } from '../generated/prisma/client';
import { withDeadline } from './deadline';

/** Resolves if the database answers a trivial query within `timeoutMs`; for `/health`. */
export async function databaseReachable(prisma: PrismaClient, timeoutMs = 2000): Promise<void> {
  await withDeadline(prisma.$queryRaw`SELECT 1`, timeoutMs, 'the database did not answer in time');
}
