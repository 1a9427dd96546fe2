/**
 * `npm run test:mutation [-- <area>…]`: mutation testing of the pure modules that guard words and
 * history, one Stryker run per area (import, history, export) in sequence, each configured in
 * scripts/mutation/<area>.stryker.mjs. Then writes docs/mutation/summary.md from the areas' JSON
 * reports (an area not run this time keeps its last report) and fails if a mutant survived
 * without a note in scripts/mutation/survivorNotes.ts saying why. Reports, with the HTML one to
 * browse, are in reports/mutation/. Not part of `npm test`: a full run takes about half an hour.
 * `npm run test:mutation -- --summary` only rewrites the summary from the last reports (after
 * editing survivorNotes.ts, say).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { readMutationReport } from './mutationReport';
import { mutationSummary, type AreaRun } from './mutationSummary';
import { survivorNotes } from './survivorNotes';

const AREAS = ['import', 'history', 'export'];
const root = process.cwd();
const summaryOnly = process.argv.includes('--summary');
const requested = summaryOnly ? [] : process.argv.slice(2);
const unknown = requested.filter((area) => !AREAS.includes(area));
if (unknown.length > 0) {
  console.error(`unknown area ${unknown.join(', ')}; the areas are ${AREAS.join(', ')}`);
  process.exit(2);
}
const reportsDir = path.join(root, 'reports', 'mutation');
mkdirSync(reportsDir, { recursive: true });

let failedRuns = 0;
for (const area of summaryOnly ? [] : requested.length > 0 ? requested : AREAS) {
  console.log(`\n== mutation testing: ${area} ==`);
  const started = Date.now();
  const run = spawnSync(path.join(root, 'node_modules', '.bin', 'stryker'), ['run', path.join('scripts', 'mutation', `${area}.stryker.mjs`)], { stdio: 'inherit' });
  const seconds = (Date.now() - started) / 1000;
  if (run.status !== 0) {
    console.error(`stryker exited with ${run.status ?? run.signal} for ${area}`);
    failedRuns += 1;
    continue;
  }
  writeFileSync(path.join(reportsDir, `${area}.run.json`), `${JSON.stringify({ ranAt: new Date().toISOString(), seconds })}\n`);
  console.log(`${area}: ${Math.round(seconds)} s`);
}

const runs: AreaRun[] = AREAS.flatMap((area) => {
  const report = readMutationReport(path.join(reportsDir, `${area}.json`));
  const meta = path.join(reportsDir, `${area}.run.json`);
  if (!report || !existsSync(meta)) return [];
  return [{ area, report, ...(JSON.parse(readFileSync(meta, 'utf8')) as { ranAt: string; seconds: number }) }];
});
const strykerVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules', '@stryker-mutator', 'core', 'package.json'), 'utf8')) as { version: string }).version;
const { markdown, unexplained, unusedNotes } = mutationSummary(runs, survivorNotes, strykerVersion);
const summaryFile = path.join(root, 'docs', 'mutation', 'summary.md');
mkdirSync(path.dirname(summaryFile), { recursive: true });
writeFileSync(summaryFile, markdown);
console.log(`\nwritten ${path.relative(root, summaryFile)}`);

for (const key of unusedNotes) console.log(`note for a mutant that no longer survives (remove it): ${key}`);
if (unexplained.length > 0) {
  console.log(`\n${unexplained.length} surviving mutant(s) with neither a test that kills them nor a note saying why:`);
  for (const key of unexplained) console.log(`  ✖ ${key}`);
}
process.exit(failedRuns > 0 || unexplained.length > 0 ? 1 : 0);
