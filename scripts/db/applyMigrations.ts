import type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { errorMessage, MigrationError, type SchemaEngineSession } from './schemaEngineSession';

/**
 * Applies the not-yet-applied migrations of `migrationsList` and returns their names. The engine
 * reports a failing migration script as a bare database error; this names the migration.
 */
export async function applyMigrations(session: SchemaEngineSession, migrationsList: MigrationList): Promise<string[]> {
  const { engine, filters, target } = session;
  try {
    return (await engine.applyMigrations({ migrationsList, filters })).appliedMigrationNames;
  } catch (error) {
    if ((error as { code?: unknown }).code) throw error; // a Prisma error (P3xxx) says it all
    const history = await engine
      .diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters })
      .catch(() => undefined);
    const failed = history?.failedMigrationNames ?? [];
    if (failed.length === 0) throw error;
    throw new MigrationError(
      `Migration ${failed.join(', ')} failed on ${target}: ${errorMessage(error)}\n` +
        'The database may be partly migrated; see https://pris.ly/d/migrate-resolve',
      { cause: error },
    );
  }
}
