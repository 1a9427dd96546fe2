/**
 * `npm run bench`: runs the benchmarks, prints a table (each value beside the earlier one from
 * bench/results/latest.json) and writes bench/results/latest.json. `BENCH_QUICK=1` shrinks every
 * measure to the fewest samples that still run its code, for checking that it works; its figures
 * are not comparable and go to bench/results/quick.json instead. `BENCH_DATABASE=postgresql` runs
 * them with every database on a throwaway PostgreSQL server instead of SQLite files; its figures
 * go to bench/results/postgresql.json (beside the last such run's). See docs/PERFORMANCE.md for
 * what each measure means and its target.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureCompareLargeBook } from './compareLargeBook';
import { measureHistoryCost } from './historyCost';
import { measureCrdtOverhead } from './crdtOverhead';
import { measurePropagation } from './propagation';
import { measurePresence } from './presence';
import { measureMemory } from './memory';
import { measureBrowser } from './browser';
import { measureExportLargeBook } from './exportLargeBook';
import { measureOpenTypedBook } from './openTypedBook';
import { measureServerCapacity } from './serverCapacity';
import { measureFindReplace } from './findReplace';
import { readEarlierResults } from './earlierResults';
import { benchQuick } from './benchQuick';
import { startPostgresServer } from '../scripts/postgresServer';

(process.env as Record<string, string>).NODE_ENV = 'test';
process.env.QUIRE_LOG ??= 'error';
process.env.BETTER_AUTH_SECRET ??= 'bench-secret-0123456789abcdef0123456789';
// Every y-websocket client in this process adds an exit listener; the benchmarks run a hundred.
process.setMaxListeners(0);

const measures: Record<string, () => Promise<Record<string, number>>> = {
  compare120kWords: measureCompareLargeBook,
  export120kWords: measureExportLargeBook,
  historyCost: measureHistoryCost,
  crdtOverhead: measureCrdtOverhead,
  propagation: measurePropagation,
  presence: measurePresence,
  memory: measureMemory,
  browser: measureBrowser,
  openTypedBook: measureOpenTypedBook,
  serverCapacity: measureServerCapacity,
  findReplace: measureFindReplace,
};
// Read before anything can overwrite it: these are the figures a regression is measured against.
const onPostgresql = process.env.BENCH_DATABASE === 'postgresql';
// Every benchmark database (tests/support/tempDatabase.ts) is then a fresh database on this server.
const postgres = onPostgresql ? await startPostgresServer() : null;
if (postgres) process.env.QUIRE_TEST_POSTGRES_URL = postgres.url();
const latest = path.join(process.cwd(), 'bench', 'results', onPostgresql ? 'postgresql.json' : 'latest.json');
const earlier = readEarlierResults(latest)?.results ?? {};
const only = process.argv.slice(2);
const results: Record<string, Record<string, number>> = {};
for (const [name, measure] of Object.entries(measures)) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stdout.write(`running ${name}…\n`);
  results[name] = await measure();
}

const rows = Object.entries(results).flatMap(([name, values]) =>
  Object.entries(values).map(([key, value]) => [name, key, String(value), earlier[name]?.[key] === undefined ? '' : String(earlier[name][key])]),
);
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length), 8));
for (const row of [['measure', 'name', 'now', 'earlier'], ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));

// A quick run's figures would replace real ones; a run of some measures keeps the others' figures.
const file = benchQuick() ? path.join(path.dirname(latest), 'quick.json') : latest;
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(
  file,
  `${JSON.stringify({ date: new Date().toISOString(), machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, results: benchQuick() || only.length === 0 ? results : { ...earlier, ...results } }, null, 2)}\n`,
);
console.log(`\nwritten ${path.relative(process.cwd(), file)}`);
await postgres?.stop();
