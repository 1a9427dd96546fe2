/**
 * `npm run test:coverage [-- <suite>…]`: line coverage of the server and the document model by
 * the Node suites (unit and integration by default; the end-to-end suite runs the app's bundles in
 * a browser, which this does not measure). Runs them through scripts/test.ts, so the counting is
 * the same as `npm test`, under c8 (V8's own coverage, mapped back to the TypeScript through tsx's
 * source maps; every sync server a test starts is measured too, as long as it exits rather than
 * being killed). Files no test loads count as 0 %. Prints the figure per area (see
 * coverageAreas.ts) and writes reports/coverage/ (HTML in reports/coverage/index.html).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { linesByArea, type FileLines } from './coverageAreas';

const root = process.cwd();
const suites = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['unit', 'integration'];
const reportsDir = path.join(root, 'reports', 'coverage');
rmSync(reportsDir, { recursive: true, force: true });
mkdirSync(reportsDir, { recursive: true });

const c8 = [
  '--reports-dir', reportsDir,
  '--temp-directory', path.join(reportsDir, 'v8'),
  '--reporter=html', '--reporter=json-summary', '--reporter=text-summary',
  '--all', '--src', root,
  '--include=server/**/*.ts', '--include=model/**/*.ts', '--include=components/**/*.ts',
  '--exclude=server/generated/**', '--exclude=**/*.d.ts',
  '--extension=.ts',
  // The tests' exit code is reported below; c8 should not turn a coverage figure into a failure.
  '--check-coverage=false',
];
const run = spawnSync(path.join(root, 'node_modules', '.bin', 'c8'), [...c8, process.execPath, '--import', 'tsx', 'scripts/test.ts', ...suites], { stdio: 'inherit' });

const summary = JSON.parse(readFileSync(path.join(reportsDir, 'coverage-summary.json'), 'utf8')) as Record<string, { lines: FileLines }>;
const files = Object.fromEntries(
  Object.entries(summary)
    .filter(([file]) => file !== 'total')
    .map(([file, { lines }]) => [path.relative(root, file), lines]),
);
const rows = linesByArea(files);
const table = [
  `Line coverage by the ${suites.join(' and ')} suite${suites.length > 1 ? 's' : ''}, ${new Date().toISOString().slice(0, 10)}:`,
  '',
  '| area | files | lines covered | lines | coverage |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.name} | ${row.files} | ${row.covered} | ${row.total} | ${row.total ? ((row.covered / row.total) * 100).toFixed(1) : '–'} % |`),
  (() => {
    const covered = Object.values(files).reduce((sum, f) => sum + f.covered, 0);
    const total = Object.values(files).reduce((sum, f) => sum + f.total, 0);
    return `| **all measured** | ${Object.keys(files).length} | ${covered} | ${total} | **${((covered / total) * 100).toFixed(1)} %** |`;
  })(),
  '',
].join('\n');
writeFileSync(path.join(reportsDir, 'areas.md'), table);
console.log(`\n${table}\nwritten ${path.relative(root, path.join(reportsDir, 'areas.md'))} and ${path.relative(root, path.join(reportsDir, 'index.html'))}`);
process.exit(run.status ?? 1);
