import { databaseUrl } from '../../server/config/databaseUrl';
import { applyMigrations } from './applyMigrations';
import { withSchemaEngine } from './schemaEngineSession';

/** Options for {@link deployMigrations}. */
export interface DeployOptions {
  /** Where the one-line summary goes; `false` for silence. Defaults to console.log. */
  log?: ((line: string) => void) | false;
}

/**
 * Applies the pending migrations of the provider's migrations folder to the database at `url`
 * (default: the app's database), creating the database if needed, and records them in Prisma's
 * `_prisma_migrations` table exactly as `prisma migrate deploy` would. Safe to call on every
 * start: with nothing pending it only reads the migrations table.
 */
export async function deployMigrations(url: string = databaseUrl(), options: DeployOptions = {}): Promise<void> {
  const log = options.log === undefined ? console.log : options.log;
  const started = performance.now();
  const summary = await withSchemaEngine(url, async (session) => {
    const { readMigrations, target } = session;
    const migrationsList = await readMigrations();
    const total = migrationsList.migrationDirectories.length;
    const applied = await applyMigrations(session, migrationsList);
    if (total === 0) return `No migrations to apply in ${migrationsList.baseDir} (database: ${target})`;
    if (applied.length === 0) return `Database is up to date (${plural(total, 'migration')}): ${target}`;
    return `Applied ${plural(applied.length, 'migration')} to ${target}: ${applied.join(', ')}`;
  });
  if (log) log(`${summary} [${((performance.now() - started) / 1000).toFixed(2)} s]`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
