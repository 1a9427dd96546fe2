import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '../../server/db';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { prepareDatabase } from '../../scripts/prepareDatabase';

/** A migrated SQLite database in a temporary folder, deleted by `cleanup`. */
export interface TempDatabase {
  url: string;
  prisma: PrismaClient;
  cleanup(): Promise<void>;
}

/** Creates a real, migrated SQLite database file for one test file. */
export async function createTempDatabase(options: { seed?: boolean } = {}): Promise<TempDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'quire-test-'));
  const url = `file:${path.join(dir, 'quire.db')}`;
  await prepareDatabase(url, { seed: options.seed ?? false, quiet: true });
  const prisma = createPrismaClient(url);
  return {
    url,
    prisma,
    async cleanup() {
      await prisma.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
