import { test } from 'node:test';
import assert from 'node:assert/strict';
import { postgresqlPoolSettings } from '../../server/config/databaseUrl';

test("Prisma's pool parameters size the pool and are taken out of the URL the driver sees", () => {
  const settings = postgresqlPoolSettings('postgresql://quire:secret@db:5432/quire?connection_limit=40&pool_timeout=20&sslmode=require');
  assert.equal(settings.max, 40);
  assert.equal(settings.connectionTimeoutMillis, 20_000);
  assert.equal(settings.connectionString, 'postgresql://quire:secret@db:5432/quire?sslmode=require');
});

test('without pool parameters the URL is unchanged and the driver keeps its defaults', () => {
  const settings = postgresqlPoolSettings('postgresql://quire:secret@db:5432/quire');
  assert.deepEqual(settings, { connectionString: 'postgresql://quire:secret@db:5432/quire' });
  assert.equal(postgresqlPoolSettings('postgres://db/quire?pool_timeout=0').connectionTimeoutMillis, 0);
});

test('a pool size that is not a whole number above 0 is refused, naming the parameter', () => {
  for (const bad of ['0', '-1', 'ten', '1.5', '', '999999']) {
    assert.throws(() => postgresqlPoolSettings(`postgresql://db/quire?connection_limit=${bad}`), /connection_limit/);
  }
  assert.throws(() => postgresqlPoolSettings('postgresql://db/quire?pool_timeout=soon'), /pool_timeout/);
});
