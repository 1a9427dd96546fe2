import path from 'node:path';
import { databaseUrl } from '../../server/config/databaseUrl';
import { applyMigrations } from './applyMigrations';
import { migrationSlug, writeMigration } from './migrationFiles';
import { MigrationError, withSchemaEngine } from './schemaEngineSession';

/** Options for {@link migrateDev}. */
export interface MigrateDevOptions {
  /** The new migration's name (slugified into the folder name). Default "migration". */
  name?: string;
  /** The development database. Default: the app's database. */
  url?: string;
  /** Where progress lines go. Default console.log. */
  log?: (line: string) => void;
  /**
   * Only check: report whether the schema differs from the migrations (`drift`) without writing
   * a migration. Pending migrations are still applied to the database given.
   */
  check?: boolean;
}

/** What {@link migrateDev} did. */
export interface MigrateDevResult {
  /** Folder name of the migration created, or undefined if the schema had not changed. */
  created?: string;
  /** Migrations applied to the database during the run (pending ones and the new one). */
  applied: string[];
  /** With `check`: the schema has changes no migration holds yet. */
  drift?: boolean;
}

/**
 * The `prisma migrate dev` workflow: brings the database up to date with the existing
 * migrations, then writes a new migration for whatever `prisma/schema.prisma` changed since,
 * and applies it. Creates nothing when the schema matches the migrations.
 */
export async function migrateDev(options: MigrateDevOptions = {}): Promise<MigrateDevResult> {
  const { name = 'migration', url = databaseUrl(), log = console.log, check = false } = options;
  return withSchemaEngine(url, async (session) => {
    const { engine, provider, schema, filters, readMigrations, target } = session;
    let migrationsList = await readMigrations();
    // Applying first also creates the migrations table, which the diagnostics below need on a
    // fresh database.
    const pending = await applyMigrations(session, migrationsList);
    if (pending.length > 0) log(`Applied pending migrations: ${pending.join(', ')}`);

    // Needed before evaluateDataLoss and createMigration: in the WebAssembly engine those fail
    // ("SQLite shadow DB must be provided through an external factory") unless devDiagnostic
    // has run on the same engine first.
    const diagnostic = await engine.devDiagnostic({ migrationsList, filters });
    if (diagnostic.action.tag === 'reset') {
      throw new MigrationError(
        `The database ${target} does not match the migration history, so no migration was created.\n` +
          `${diagnostic.action.reason.trim()}\n` +
          'Move the development database aside (or delete it) and run this again to rebuild it from the migrations.',
      );
    }

    const risk = await engine.evaluateDataLoss({ migrationsList, schema, filters });
    if (risk.migrationSteps === 0) {
      log(`No schema changes: ${relative(provider.schemaPath)} matches the migrations. Nothing created.`);
      return { applied: pending, ...(check ? { drift: false } : {}) };
    }
    if (check) return { applied: pending, drift: true };
    if (risk.unexecutableSteps.length > 0) {
      throw new MigrationError(
        `This schema change cannot be applied to the data in ${target}, so no migration was created:\n` +
          risk.unexecutableSteps.map((step) => `  - ${step.message}`).join('\n') +
          '\nGive the new columns a default value or make them optional, or start from an empty database.',
      );
    }
    for (const warning of risk.warnings) log(`Warning: ${warning.message}`);

    const generated = await engine.createMigration({
      migrationsList,
      schema,
      filters,
      migrationName: migrationSlug(name),
      draft: false,
    });
    if (generated.migrationScript === null) {
      log(`No schema changes: ${relative(provider.schemaPath)} matches the migrations. Nothing created.`);
      return { applied: pending };
    }
    const scriptPath = await writeMigration(provider.migrationsDir, {
      folderName: generated.generatedMigrationName,
      extension: generated.extension,
      script: generated.migrationScript,
      provider: generated.connectorType,
    });
    log(`Created ${relative(scriptPath)}`);

    migrationsList = await readMigrations();
    const applied = await applyMigrations(session, migrationsList);
    log(`Applied ${applied.join(', ')} to ${target}`);
    return { created: generated.generatedMigrationName, applied: [...pending, ...applied] };
  });
}

function relative(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
