// Copies an installation's database into an empty PostgreSQL database (`npm run db:copy`):
//   npm run db:copy -- --to postgresql://user:password@host:5432/quire [--from file:.data/quire.db]
// The source defaults to the installation's own database (DATABASE_URL, else the embedded SQLite
// file). Stop the app and the sync server first, so that nothing is written during the copy;
// then point DATABASE_URL at the target and start them again. See README.md, "PostgreSQL".
import { parseArgs } from 'node:util';
import '../../server/config/loadEnv';
import { databaseUrl } from '../../server/config/databaseUrl';
import { providerForUrl } from './providers';
import { copyDatabase } from './copyDatabase';

const USAGE = 'Usage: npm run db:copy -- --to postgresql://… [--from file:…]';

try {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } });
  if (!values.to) throw new Error(`Missing --to.\n${USAGE}`);
  const from = values.from ?? databaseUrl();
  const started = performance.now();
  const report = await copyDatabase(from, values.to);
  const rows = Object.values(report).reduce((sum, count) => sum + count, 0);
  console.log(`Copied ${rows} rows from ${providerForUrl(from).describe(from)} to ${providerForUrl(values.to).describe(values.to)} in ${((performance.now() - started) / 1000).toFixed(1)} s; every table's row count checked.`);
} catch (error) {
  console.error(`Copy failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
