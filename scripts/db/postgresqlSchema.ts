import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** SQLite's schema: the one to edit. */
export const SQLITE_SCHEMA_PATH = path.join(projectRoot, 'prisma', 'schema.prisma');

/** PostgreSQL's schema, generated from SQLite's by {@link postgresqlSchemaFrom}; never edited by hand. */
export const POSTGRESQL_SCHEMA_PATH = path.join(projectRoot, 'prisma', 'postgresql', 'schema.prisma');

const HEADER = [
  '// GENERATED from prisma/schema.prisma by `npm run db:schema`: edit that file, not this one.',
  '// The same data model for PostgreSQL (Prisma allows one provider per schema file); its',
  '// migrations are in prisma/postgresql/migrations and its client in server/generated/prisma-postgresql.',
].join('\n');

/**
 * The PostgreSQL schema for the data model `sqlite` describes: the same models, with the
 * datasource's provider and the generated client's folder changed. Every type the model uses
 * (String, Int, BigInt, Boolean, DateTime, Bytes) maps to a native PostgreSQL type, so nothing else
 * differs. Throws if the SQLite schema no longer has the lines this rewrites.
 */
export function postgresqlSchemaFrom(sqlite: string): string {
  const replacements: Array<[RegExp, string]> = [
    [/^(\s*provider\s*=\s*)"sqlite"/m, '$1"postgresql"'],
    [/^(\s*output\s*=\s*)"\.\.\/server\/generated\/prisma"/m, '$1"../../server/generated/prisma-postgresql"'],
  ];
  let schema = sqlite;
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(schema)) throw new Error(`prisma/schema.prisma no longer matches ${pattern}: update scripts/db/postgresqlSchema.ts`);
    schema = schema.replace(pattern, replacement);
  }
  // The SQLite schema's own opening comment lines describe SQLite; the generated file says what it is.
  const body = schema.replace(/^(\/\/.*\n)+\n*/, '');
  return `${HEADER}\n\n${body}`;
}
