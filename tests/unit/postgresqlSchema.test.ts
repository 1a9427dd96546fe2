import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { POSTGRESQL_SCHEMA_PATH, SQLITE_SCHEMA_PATH, postgresqlSchemaFrom } from '../../scripts/db/postgresqlSchema';

test('prisma/postgresql/schema.prisma is what `npm run db:schema` makes of prisma/schema.prisma (the two cannot drift)', () => {
  assert.equal(readFileSync(POSTGRESQL_SCHEMA_PATH, 'utf8'), postgresqlSchemaFrom(readFileSync(SQLITE_SCHEMA_PATH, 'utf8')), 'run `npm run db:schema`, then `npm run db:migrate` against a PostgreSQL database');
});

test('the PostgreSQL schema differs from SQLite’s only in its provider, its client’s folder and its opening comment', () => {
  const sqlite = readFileSync(SQLITE_SCHEMA_PATH, 'utf8');
  const postgresql = postgresqlSchemaFrom(sqlite);
  assert.match(postgresql, /provider = "postgresql"/);
  assert.match(postgresql, /output {7}= "\.\.\/\.\.\/server\/generated\/prisma-postgresql"/);
  const models = (schema: string) => schema.slice(schema.indexOf('\nmodel '));
  assert.equal(models(postgresql), models(sqlite));
  assert.throws(() => postgresqlSchemaFrom(sqlite.replace('"sqlite"', '"mysql"')), /no longer matches/);
});
