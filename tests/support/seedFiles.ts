import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The sample manuscripts (a novel in progress and four story openings), the import fixtures. */
export const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/seeds');

/** One seed file: its name and text. */
export interface SeedFile {
  name: string;
  text: string;
}

/** Every seed manuscript, in name order. */
export function seedFiles(): SeedFile[] {
  return readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(SEEDS_DIR, name), 'utf8') }));
}

/** One seed by the start of its name ("004"). */
export function seedFile(prefix: string): SeedFile {
  const seed = seedFiles().find((s) => s.name.startsWith(prefix));
  if (!seed) throw new Error(`No seed named ${prefix}…`);
  return seed;
}
