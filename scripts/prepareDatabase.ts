import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createPrismaClient } from '../server/db';
import { seedDatabase } from '../prisma/seed/seedDatabase';
import { deployMigrations } from './db/deployMigrations';

/**
 * Makes a database ready to serve: applies pending migrations (creating the SQLite file on first
 * run), switches SQLite to write-ahead logging so the app and the sync server can both use it,
 * and loads the sample novel if it is missing. Idempotent.
 */
export async function prepareDatabase(url: string, options: { seed?: boolean; quiet?: boolean } = {}): Promise<{ seeded: boolean }> {
  if (url.startsWith('file:')) mkdirSync(path.dirname(url.slice('file:'.length)), { recursive: true });
  await deployMigrations(url, { log: options.quiet ? false : undefined });
  const prisma = createPrismaClient(url);
  try {
    if (url.startsWith('file:')) await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    const { created } = options.seed === false ? { created: false } : await seedDatabase(prisma);
    return { seeded: created };
  } finally {
    await prisma.$disconnect();
  }
}
