import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createPrismaClient } from '../server/db';
import { seedDatabase } from '../prisma/seed/seedDatabase';
import { deployMigrations } from './db/deployMigrations';
import { convertAllToSections } from '../server/manuscripts/sectionsConversion';

/**
 * Makes a database ready to serve: applies pending migrations (creating the SQLite file on first
 * run), switches SQLite to write-ahead logging so the app and the sync server can both use it,
 * lays out older one-document manuscripts in sections, and loads the sample novel if it is
 * missing. Idempotent.
 */
export async function prepareDatabase(url: string, options: { seed?: boolean; quiet?: boolean; /** Lay out older manuscripts in sections (default yes; tests of the upgrade say no). */ convert?: boolean } = {}): Promise<{ seeded: boolean }> {
  if (url.startsWith('file:')) mkdirSync(path.dirname(url.slice('file:'.length)), { recursive: true });
  await deployMigrations(url, { log: options.quiet ? false : undefined });
  const prisma = createPrismaClient(url);
  try {
    if (url.startsWith('file:')) await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    // Manuscripts from before books were laid out in sections are converted once, before any room opens.
    const converted = options.convert === false ? [] : await convertAllToSections(prisma);
    if (converted.length > 0 && !options.quiet) console.log(`Laid out ${converted.length} manuscript(s) as a book and a document per section.`);
    const { created } = options.seed === false ? { created: false } : await seedDatabase(prisma);
    return { seeded: created };
  } finally {
    await prisma.$disconnect();
  }
}
