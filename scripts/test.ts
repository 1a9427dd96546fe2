/**
 * `npm test`: runs every suite (unit, integration, end-to-end) and ends with one line
 * `tests: N passed, N failed` covering all of them. `npm test -- unit` (or integration, e2e)
 * runs one suite; `npm test -- tests/x/y.test.ts …` runs those files as one Node suite;
 * `E2E_ONLY=<spec file name>` narrows the end-to-end suite to one spec while working on it.
 * `QUIRE_TEST_DATABASE=postgresql` (`npm run test:postgresql`) runs the suites on PostgreSQL: a
 * throwaway server is started for the run, and every test database is a fresh database on it.
 * The `postgresql` and `e2e-postgresql` suites (part of `npm test`) run the whole integration
 * and end-to-end suites again on PostgreSQL, so both databases are tested on every run.
 *
 * A test counts as passed only if it ran and passed. Skipped, todo, timed-out and cancelled tests
 * count as failed, and so does a failure outside any test; each is named, with why, before the
 * closing line. A suite whose runner exits non-zero with no failure counted, or that cannot run,
 * counts one failure; so do processes a Node suite's tests leave running (they are killed), and a
 * Node runner that does not exit after reporting. Exits non-zero unless every test passed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildIsStale } from './buildIsStale';
import { freePort } from './freePort';
import { prepareDatabase } from './prepareDatabase';
import { tallyNodeTests, type NodeTestEvent, type ProcessEnd, type Tally } from './testTally';
import { tallyPlaywright, type PlaywrightReport } from './playwrightTally';
import { killGroup, processesInGroup } from './processGroup';
import { startPostgresServer, type PostgresServer } from './postgresServer';

/**
 * node:test's `--test-timeout` for each Node suite, in ms. It bounds every test and every test file
 * as a whole (the runner stops a file that runs longer). The slowest unit file takes about 3 s; the
 * slowest integration file about 25 s (three EPUBCheck runs, whose tests allow 180 s each), so
 * these only catch hangs. `TEST_TIMEOUT_MS` overrides them.
 */
const NODE_TIMEOUT_MS: Record<string, number> = { unit: 120_000, integration: 300_000, files: 300_000 };
/**
 * Test files each Node suite runs at once (`TEST_CONCURRENCY` overrides). Every integration test
 * starts its own servers on free ports with its own database, so two files at a time share
 * nothing but the machine's two cores; most of an integration test's time is spent waiting
 * (storage windows, grace periods, restarts), which is why running several at once pays: in CI,
 * one at a time took 396 s and two 287 s; three took 254 s in one run on a machine of that kind.
 */
const NODE_CONCURRENCY: Record<string, number> = { unit: 2, integration: 3, postgresql: 3, files: 1 };
/** What an integration file that opens a database contains: a test database, or a Prisma client. */
const DATABASE_USE = /createTempDatabase|tempDatabase|prisma/;
/** How long a Node runner may take to exit once it has reported its closing counts. */
const EXIT_AFTER_REPORT_MS = 30_000;
/** How long processes in a finished runner's group may take to end before they count as left behind (ms). */
const SETTLE_MS = 2000;

const root = process.cwd();
const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const files = requested.filter((arg) => arg.endsWith('.ts'));
const named = requested.filter((arg) => !arg.endsWith('.ts'));
const onPostgresql = process.env.QUIRE_TEST_DATABASE === 'postgresql';
// On PostgreSQL every suite already runs there: the two suites that repeat others on it are not needed.
const everySuite = onPostgresql ? ['unit', 'integration', 'e2e'] : ['unit', 'integration', 'postgresql', 'e2e', 'e2e-postgresql'];
const suites = requested.length > 0 ? [...named, ...(files.length > 0 ? ['files'] : [])] : everySuite;
let postgres: PostgresServer | null = null;
/** The run's PostgreSQL server, started on first use and stopped when the run ends. */
async function postgresServer(): Promise<PostgresServer> {
  postgres ??= await startPostgresServer();
  return postgres;
}
if (onPostgresql) process.env.QUIRE_TEST_POSTGRES_URL = (await postgresServer()).url();
process.env.NEXT_TELEMETRY_DISABLED = '1';
// Tests sign tokens and sessions with a throwaway secret, never the installation's own.
process.env.BETTER_AUTH_SECRET = `test-${randomBytes(16).toString('hex')}`;

const total: Tally = { passed: 0, failed: 0, notPassed: [] };
for (const suite of suites) {
  const startedAt = Date.now();
  const tally =
    suite === 'e2e'
      ? await runEndToEnd(onPostgresql)
      : suite === 'e2e-postgresql'
        ? await runEndToEnd(true)
        : suite === 'postgresql'
          ? await runOnPostgresql()
          : await runNodeSuite(suite);
  console.log(`\n${suite}: ${tally.passed} passed, ${tally.failed} failed (${Math.round((Date.now() - startedAt) / 1000)} s)`);
  for (const line of tally.notPassed) console.log(`  ✖ ${line}`);
  console.log('');
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.notPassed.push(...tally.notPassed.map((line) => `${suite}: ${line}`));
}

if (total.notPassed.length > 0) {
  console.log('Not passed:');
  for (const line of total.notPassed) console.log(`  ✖ ${line}`);
  console.log('');
}
console.log(`tests: ${total.passed} passed, ${total.failed} failed`);
// Assigned inside postgresServer(), which TypeScript's narrowing does not follow.
await (postgres as PostgresServer | null)?.stop();
process.exit(total.failed > 0 ? 1 : 0);

/** The `postgresql` suite: every integration file, with its databases on a PostgreSQL server. */
async function runOnPostgresql(): Promise<Tally> {
  let server: PostgresServer;
  try {
    server = await postgresServer();
  } catch (error) {
    return { passed: 0, failed: 1, notPassed: [`PostgreSQL could not be started (${(error as Error).message.split('\n')[0]}; counted as 1 failed)`] };
  }
  const before = process.env.QUIRE_TEST_POSTGRES_URL;
  process.env.QUIRE_TEST_POSTGRES_URL = server.url();
  try {
    const integration = path.join(root, 'tests', 'integration');
    const everyFile = readdirSync(integration).filter((file) => file.endsWith('.test.ts'));
    // A file that opens no database (an exporter's output checked, the runner's own counting) runs
    // the same code on either database: it is run once, in the integration suite.
    const usesDatabase = (file: string) => DATABASE_USE.test(readFileSync(path.join(integration, file), 'utf8'));
    const skipped = everyFile.filter((file) => !usesDatabase(file));
    if (skipped.length > 0) console.log(`\n(opening no database, run once in the integration suite: ${skipped.join(', ')})`);
    return await runNodeSuite(
      'postgresql',
      everyFile.filter(usesDatabase).map((file) => path.join('tests', 'integration', file)),
    );
  } finally {
    if (before === undefined) delete process.env.QUIRE_TEST_POSTGRES_URL;
    else process.env.QUIRE_TEST_POSTGRES_URL = before;
  }
}

/**
 * Runs tests/<suite>/*.test.ts (or the files given) with Node's test runner: the spec reporter
 * for people, scripts/testEventsReporter.mjs into a temporary file for counting.
 */
async function runNodeSuite(suite: string, listed?: string[]): Promise<Tally> {
  const dir = path.join(root, 'tests', suite);
  if (!listed && suite !== 'files' && !existsSync(dir)) return { passed: 0, failed: 1, notPassed: [`there is no suite ${suite} (no folder tests/${suite}; counted as 1 failed)`] };
  const suiteFiles =
    listed ??
    (suite === 'files'
      ? files
      : readdirSync(dir)
          .filter((file) => file.endsWith('.test.ts'))
          .map((file) => path.join('tests', suite, file)));
  const timeoutMs = Number(process.env.TEST_TIMEOUT_MS) || NODE_TIMEOUT_MS[suite] || NODE_TIMEOUT_MS.integration;
  console.log(`\n== ${suite} (${suiteFiles.length} files, each test and file within ${timeoutMs / 1000} s) ==`);
  const eventsDir = mkdtempSync(path.join(os.tmpdir(), 'quire-test-events-'));
  const eventsFile = path.join(eventsDir, 'events.jsonl');
  try {
    const end = await runNodeRunner(
      [
        '--import',
        'tsx',
        '--test',
        `--test-timeout=${timeoutMs}`,
        `--test-concurrency=${Number(process.env.TEST_CONCURRENCY) || NODE_CONCURRENCY[suite] || 1}`,
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        `--test-reporter=${path.join(root, 'scripts', 'testEventsReporter.mjs')}`,
        `--test-reporter-destination=${eventsFile}`,
        ...suiteFiles,
      ],
      eventsFile,
    );
    return tallyNodeTests(readEvents(eventsFile), end, root);
  } finally {
    rmSync(eventsDir, { recursive: true, force: true });
  }
}

/** The events file as written so far (a runner that was killed may leave a last line cut short). */
function readEvents(file: string): NodeTestEvent[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as NodeTestEvent];
      } catch {
        return [];
      }
    });
}

/**
 * Builds the app if needed, prepares a fresh database with the sample novel (on the run's
 * PostgreSQL server when `onPostgresql`, else a SQLite file), and runs Playwright against free
 * ports. The tests start and stop the sync server themselves. The build does not depend on the
 * database: the app picks its Prisma client from DATABASE_URL when it starts.
 */
async function runEndToEnd(onPostgresql: boolean): Promise<Tally> {
  console.log(`\n== e2e${onPostgresql ? ' on PostgreSQL' : ''} ==`);
  if (buildIsStale(root)) {
    console.log('Building the app for the end-to-end tests…');
    const build = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], { stdio: 'inherit' });
    if (build.status !== 0) return { passed: 0, failed: 1, notPassed: [`the app did not build (next build exited with ${build.status ?? build.signal}; counted as 1 failed)`] };
  }
  const dataDir = path.join(root, '.data', 'e2e');
  rmSync(dataDir, { recursive: true, force: true });
  let databaseUrl: string;
  try {
    databaseUrl = onPostgresql ? await (await postgresServer()).createDatabase('quire_e2e') : `file:${path.join(dataDir, 'quire.db')}`;
  } catch (error) {
    return { passed: 0, failed: 1, notPassed: [`PostgreSQL could not be started (${(error as Error).message.split('\n')[0]}; counted as 1 failed)`] };
  }
  await prepareDatabase(databaseUrl, { quiet: true });
  const report = path.join(root, 'test-results', 'e2e-report.json');
  rmSync(report, { force: true });
  const end = await run(
    path.join(root, 'node_modules', '.bin', 'playwright'),
    ['test', '--config', path.join('tests', 'e2e', 'playwright.config.ts'), '--reporter=list,json', ...(process.env.E2E_ONLY ? [process.env.E2E_ONLY] : [])],
    {
      DATABASE_URL: databaseUrl,
      E2E_APP_PORT: String(await freePort()),
      SYNC_PORT: String(await freePort()),
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
    },
  );
  return tallyPlaywright(existsSync(report) ? (JSON.parse(readFileSync(report, 'utf8')) as PlaywrightReport) : null, end);
}

/**
 * Runs Node's test runner as the leader of a new process group, which every test file and every
 * process a test starts joins. Once the runner has ended, anything still running in the group was
 * left behind by a test: it is named and killed. A runner that has reported its closing counts
 * (seen in `eventsFile`) but not exited 30 s later is killed with its group too.
 */
function runNodeRunner(args: string[], eventsFile: string): Promise<ProcessEnd> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test' };
  // When this script is itself run from a test, node:test marks the environment as a test's; the
  // runner started here must not take itself for one of that run's test files.
  delete env.NODE_TEST_CONTEXT;
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  const group = child.pid!;
  // Detached from our group, the runner no longer hears a Ctrl-C meant for the whole run.
  const stop = () => {
    killGroup(group);
    // The run's PostgreSQL server is ours, not the group's: stop it too (SIGINT, its fast shutdown).
    const server = postgres as PostgresServer | null;
    if (server) void server.stop().finally(() => process.exit(130));
    else process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let hungAfterReport = false;
  let reportedAt: number | null = null;
  const leftRunning: string[] = [];
  const noteLeftRunning = () => {
    for (const { pid, command } of processesInGroup(group)) if (pid !== group) leftRunning.push(`${pid} ${command.slice(0, 120)}`);
  };
  const watch = setInterval(() => {
    if (reportedAt === null && existsSync(eventsFile) && /"message":"duration_ms /.test(readFileSync(eventsFile, 'utf8'))) reportedAt = Date.now();
    if (reportedAt !== null && !hungAfterReport && Date.now() - reportedAt > EXIT_AFTER_REPORT_MS) {
      hungAfterReport = true;
      noteLeftRunning();
      killGroup(group);
    }
  }, 1000);
  return new Promise((resolve) => {
    child.on('error', (error) => console.error(`could not run the Node test runner: ${error.message}`));
    child.on('close', (code, signal) => {
      clearInterval(watch);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void (async () => {
        // A process killed together with its runner may still be tearing down for a moment:
        // only what is still there after a short wait was left behind.
        if (!hungAfterReport) {
          const settleBy = Date.now() + SETTLE_MS;
          while (processesInGroup(group).some(({ pid }) => pid !== group) && Date.now() < settleBy) await new Promise((done) => setTimeout(done, 100));
          noteLeftRunning();
        }
        killGroup(group);
        resolve({ code, signal, hungAfterReport, leftRunning });
      })();
    });
  });
}

/** Runs a command with its output going straight to ours, and resolves with how it ended. */
function run(command: string, args: string[], env: Record<string, string>): Promise<ProcessEnd> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (error) => {
      console.error(`could not run ${command}: ${error.message}`);
      resolve({ code: null, signal: null });
    });
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
}
