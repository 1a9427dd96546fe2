import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  MigrationList,
  SchemaEngine,
  SchemaFilter,
  SchemasContainer,
} from '@prisma/schema-engine-wasm/schema_engine_bg';
import { bridgeAdapterFactory } from './adapterBridge';
import { loadSchemaEngine } from './loadSchemaEngine';
import { readMigrations } from './migrationFiles';
import { providerForUrl, type DatabaseProvider } from './providers';

/** Everything a migration command needs: the engine connected to one database, and its inputs. */
export interface SchemaEngineSession {
  readonly engine: SchemaEngine;
  readonly provider: DatabaseProvider;
  /** The database URL as safe to print. */
  readonly target: string;
  /** The provider's Prisma schema, as the engine takes it. */
  readonly schema: SchemasContainer;
  /** No externally managed tables or enums. */
  readonly filters: SchemaFilter;
  /** Reads the provider's migrations folder afresh. */
  readMigrations(): Promise<MigrationList>;
}

/** A migration failure with a message fit to print (no engine backtrace). */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Opens the schema engine on the database at `url` (provider chosen from the URL), runs `task`,
 * and always releases the engine and its connections. Engine errors become `MigrationError`s.
 */
export async function withSchemaEngine<T>(url: string, task: (session: SchemaEngineSession) => Promise<T>): Promise<T> {
  const provider = providerForUrl(url);
  await provider.prepare(url);
  const schemaFile = {
    path: path.relative(process.cwd(), provider.schemaPath) || provider.schemaPath,
    content: await readFile(provider.schemaPath, 'utf8'),
  };
  const { SchemaEngine } = await loadSchemaEngine();
  const bridge = bridgeAdapterFactory(provider.createAdapterFactory(url));
  let engine: SchemaEngine | undefined;
  try {
    engine = await SchemaEngine.new({ datamodels: [[schemaFile.path, schemaFile.content]] }, logEngineEvent, bridge.engineFactory);
    return await task({
      engine,
      provider,
      target: provider.describe(url),
      schema: { files: [schemaFile] },
      filters: { externalTables: [], externalEnums: [] },
      readMigrations: () => readMigrations(provider.migrationsDir),
    });
  } catch (error) {
    throw toMigrationError(error, bridge.jsErrors, provider.describe(url));
  } finally {
    engine?.free();
    await bridge.close();
  }
}

/** The engine logs JSON lines; only warnings and errors are worth showing unless debugging. */
function logEngineEvent(line: string): void {
  const debug = Boolean(process.env.MIGRATE_DEBUG);
  try {
    const event = JSON.parse(line) as { level?: string; fields?: { message?: string } };
    if (debug || event.level === 'WARN' || event.level === 'ERROR') {
      console.error(`schema engine ${event.level?.toLowerCase() ?? 'log'}: ${event.fields?.message ?? line}`);
    }
  } catch {
    if (debug) console.error(`schema engine: ${line}`);
  }
}

function toMigrationError(error: unknown, jsErrors: unknown[], target: string): Error {
  if (error instanceof MigrationError) return error;
  const code = (error as { code?: unknown } | undefined)?.code;
  const causes = jsErrors.map((cause) => `\n  caused by: ${cause instanceof Error ? cause.message : String(cause)}`);
  return new MigrationError(
    `${typeof code === 'string' ? `${code}: ` : ''}${errorMessage(error)}${causes.join('')}\n  database: ${target}`,
    { cause: error },
  );
}

/**
 * An engine error's message without the span trace it ends with ("   0: sql_schema_connector::..."),
 * which helps only when debugging the engine itself (set MIGRATE_DEBUG=1 to keep it).
 */
export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return process.env.MIGRATE_DEBUG ? message : message.split(/\n\s*\d+: \S/, 1)[0].trim();
}
