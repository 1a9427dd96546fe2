// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma (`npm run db:schema`). Run it
// after every change to the SQLite schema, then `npm run db:migrate` against a PostgreSQL
// database to add the PostgreSQL migration; tests/unit/postgresqlSchema.test.ts fails until both
// files agree.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { POSTGRESQL_SCHEMA_PATH, SQLITE_SCHEMA_PATH, postgresqlSchemaFrom } from './postgresqlSchema';

mkdirSync(path.dirname(POSTGRESQL_SCHEMA_PATH), { recursive: true });
writeFileSync(POSTGRESQL_SCHEMA_PATH, postgresqlSchemaFrom(readFileSync(SQLITE_SCHEMA_PATH, 'utf8')));
console.log(`Wrote ${path.relative(process.cwd(), POSTGRESQL_SCHEMA_PATH)}`);
