/**
 * `npm start` (and `npm run dev` with --dev): prepares the database, builds the app if the build
 * is missing or older than the sources, then runs the sync server and the app (Next.js behind its
 * own front, server/web/main.ts) side by side and stops both together.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import '../server/config/loadEnv';
import { databaseUrl, describeDatabaseUrl } from '../server/config/databaseUrl';
import { syncConfig } from '../server/config/syncConfig';
import { prepareDatabase } from './prepareDatabase';
import { authSecret } from '../server/config/authSecret';
import { DEMO_ACCOUNT } from '../server/auth/demoAccount';
import { buildIsStale } from './buildIsStale';
import { announcedAppUrl } from '../server/config/appUrl';
import { trustedProxies } from '../server/config/trustedProxies';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const dev = process.argv.includes('--dev');
const root = process.cwd();
const appUrl = announcedAppUrl();

try {
  // Checked before anything starts: a typo here would otherwise only show in the app's log.
  trustedProxies();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const url = databaseUrl();
const { seeded } = await prepareDatabase(url).catch((error: Error) => {
  console.error(`Could not prepare the database (${describeDatabaseUrl(url)}):\n${error.message}`);
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
  spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'web', 'main.ts'), ...(dev ? ['--dev'] : [])], { stdio: 'inherit', env: process.env }),
];

setTimeout(() => {
  console.log(`\nQuire is running: ${appUrl}  (sample novel: ${appUrl}/m/sample)`);
  console.log(`Sign in as ${DEMO_ACCOUNT.email} with the password ${DEMO_ACCOUNT.password} (owner of the sample novel).`);
  console.log(`Sync server: ws://${new URL(appUrl).hostname}:${syncConfig().port}/<manuscriptId>[/<sectionId>]   Database: ${describeDatabaseUrl(url)}\n`);
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
