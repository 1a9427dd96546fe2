import type { PrismaClient } from '../generated/prisma/client';

/** Resolves if the database answers a trivial query within `timeoutMs`; for `/health`. */
export async function databaseReachable(prisma: PrismaClient, timeoutMs = 2000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the database did not answer in time')), timeoutMs);
  });
  try {
    await Promise.race([prisma.$queryRaw`SELECT 1`, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
