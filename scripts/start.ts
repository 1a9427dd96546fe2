/**
 * `npm start` (and `npm run dev` with --dev): prepares the database, builds the app if the build
 * is missing or older than the sources, then runs the sync server and Next.js side by side and
 * stops both together.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import '../server/config/loadEnv';
import { databaseUrl } from '../server/config/databaseUrl';
import { syncConfig } from '../server/config/syncConfig';
import { prepareDatabase } from './prepareDatabase';
import { authSecret } from '../server/config/authSecret';
import { DEMO_ACCOUNT } from '../server/auth/demoAccount';
import { buildIsStale } from './buildIsStale';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const dev = process.argv.includes('--dev');
const root = process.cwd();
const appPort = Number(process.env.PORT ?? 3000);
const appHost = process.env.HOST ?? '0.0.0.0';

const url = databaseUrl();
const { seeded } = await prepareDatabase(url).catch((error: Error) => {
  console.error(`Could not prepare the database (${url}):\n${error.message}`);
  process.exit(1);
});
if (seeded) console.log('Loaded the sample novel as manuscript "sample".');
// Made before the two processes start, so they never race to create it.
authSecret();

const next = path.join(root, 'node_modules', '.bin', 'next');
if (!dev && buildIsStale(root)) {
  console.log('Building the app (first start, or the sources changed)…');
  const build = spawnSync(next, ['build'], { stdio: 'inherit', env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const children: ChildProcess[] = [
  spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'sync', 'main.ts')], { stdio: 'inherit', env: process.env }),
  spawn(next, [dev ? 'dev' : 'start', '-p', String(appPort), '-H', appHost], { stdio: 'inherit', env: process.env }),
];

const shown = appHost === '0.0.0.0' ? 'localhost' : appHost;
setTimeout(() => {
  console.log(`\nQuire is running: http://${shown}:${appPort}  (sample novel: http://${shown}:${appPort}/m/sample)`);
  console.log(`Sign in as ${DEMO_ACCOUNT.email} with the password ${DEMO_ACCOUNT.password} (owner of the sample novel).`);
  console.log(`Sync server: ws://${shown}:${syncConfig().port}/<manuscriptId>   Database: ${url}\n`);
}, 1500).unref();

let stopping = false;
const stopAll = (code: number) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5000).unref();
  Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve))))).then(() =>
    process.exit(code),
  );
};
for (const child of children) child.once('exit', (code) => stopAll(code ?? 1));
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
