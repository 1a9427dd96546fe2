/**
 * `npm test`: runs every suite (unit, integration, end-to-end) and ends with one line
 * `tests: N passed, N failed` covering all of them. `npm test -- unit` (or integration, e2e)
 * runs one suite; `E2E_ONLY=<spec file name>` narrows the end-to-end suite to one spec while working
 * on it. Exits non-zero if any test failed or a suite could not run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildIsStale } from './buildIsStale';
import { freePort } from './freePort';
import { prepareDatabase } from './prepareDatabase';

const root = process.cwd();
const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const suites = requested.length > 0 ? requested : ['unit', 'integration', 'e2e'];
process.env.NEXT_TELEMETRY_DISABLED = '1';
// Tests sign tokens and sessions with a throwaway secret, never the installation's own.
process.env.BETTER_AUTH_SECRET = `test-${randomBytes(16).toString('hex')}`;

interface Tally {
  passed: number;
  failed: number;
}
const total: Tally = { passed: 0, failed: 0 };
let broken = false;

for (const suite of suites) {
  const tally = suite === 'e2e' ? await runEndToEnd() : await runNodeSuite(suite);
  if (!tally) {
    // A suite that could not run counts as one failure, so the closing line never hides it.
    broken = true;
    total.failed += 1;
    console.log(`\n${suite}: the suite did not run to completion (counted as 1 failed)`);
    continue;
  }
  console.log(`\n${suite}: ${tally.passed} passed, ${tally.failed} failed\n`);
  total.passed += tally.passed;
  total.failed += tally.failed;
}

console.log(`tests: ${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 || broken ? 1 : 0);

/** Runs tests/<suite>/*.test.ts with Node's test runner and reads its closing counts. */
async function runNodeSuite(suite: string): Promise<Tally | null> {
  const dir = path.join(root, 'tests', suite);
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => path.join('tests', suite, file));
  console.log(`\n== ${suite} (${files.length} files) ==`);
  const output = await run(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${suite === 'unit' ? 2 : 1}`, ...files],
    { NODE_ENV: 'test' },
  );
  const passed = /^\s*ℹ pass (\d+)/m.exec(output);
  const failed = /^\s*ℹ fail (\d+)/m.exec(output);
  if (!passed || !failed) return null;
  return { passed: Number(passed[1]), failed: Number(failed[1]) };
}

/**
 * Builds the app if needed, prepares a fresh database with the sample novel, and runs
 * Playwright against free ports. The tests start and stop the sync server themselves.
 */
async function runEndToEnd(): Promise<Tally | null> {
  console.log('\n== e2e ==');
  if (buildIsStale(root)) {
    console.log('Building the app for the end-to-end tests…');
    const build = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], { stdio: 'inherit' });
    if (build.status !== 0) return null;
  }
  const dataDir = path.join(root, '.data', 'e2e');
  rmSync(dataDir, { recursive: true, force: true });
  const databaseUrl = `file:${path.join(dataDir, 'quire.db')}`;
  await prepareDatabase(databaseUrl, { quiet: true });
  const report = path.join(root, 'test-results', 'e2e-report.json');
  rmSync(report, { force: true });
  await run(path.join(root, 'node_modules', '.bin', 'playwright'), ['test', '--config', path.join('tests', 'e2e', 'playwright.config.ts'), '--reporter=list,json', ...(process.env.E2E_ONLY ? [process.env.E2E_ONLY] : [])], {
    DATABASE_URL: databaseUrl,
    E2E_APP_PORT: String(await freePort()),
    SYNC_PORT: String(await freePort()),
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
  });
  if (!existsSync(report)) return null;
  const stats = (JSON.parse(readFileSync(report, 'utf8')) as { stats: Record<string, number> }).stats;
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: (stats.unexpected ?? 0) + (stats.skipped ?? 0) };
}

/** Runs a command, echoing its output live, and resolves with everything it printed. */
function run(command: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const forward = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', forward(process.stdout));
    child.stderr.on('data', forward(process.stderr));
    child.on('close', () => resolve(output));
  });
}
