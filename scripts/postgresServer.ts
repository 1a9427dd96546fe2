/**
 * A throwaway PostgreSQL server for tests and benchmarks: a new cluster in a temporary folder
 * (`initdb`), started on a free loopback port with durability switched off (it is thrown away),
 * trusting local connections, removed when stopped. Uses Debian's PostgreSQL 15 binaries
 * (`/usr/lib/postgresql/<version>/bin`, or `POSTGRES_BIN`). PostgreSQL refuses to run as root, so
 * when this process is root the cluster belongs to, and the server runs as, the `postgres` user
 * that Debian's package creates.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './freePort';

/** A running throwaway server. */
export interface PostgresServer {
  /** `postgresql://` URL of one of its databases (`postgres` by default). */
  url(database?: string): string;
  /** Creates an empty database with a fresh name and returns its URL. */
  createDatabase(prefix?: string): Promise<string>;
  /** Drops a database made by {@link createDatabase} (closing anything still connected to it). */
  dropDatabase(url: string): Promise<void>;
  /**
   * Freezes the server and every backend (SIGSTOP), as a database host that stops answering
   * does: connections stay open and queries hang. `resume` lets them go on.
   */
  pause(): void;
  /** Undoes {@link pause}. */
  resume(): void;
  /** Stops the server and deletes its files. */
  stop(): Promise<void>;
}

const USER = 'quire';
const STARTUP_TIMEOUT_MS = 30_000;

/** The folder of PostgreSQL's server binaries, or an error saying how to install them. */
export function postgresBinaries(): string {
  const candidates = process.env.POSTGRES_BIN
    ? [process.env.POSTGRES_BIN]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => path.join('/usr/lib/postgresql', version, 'bin'))
      : [];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'initdb')));
  if (!found) throw new Error('PostgreSQL server binaries were not found: install them (apt-get install -y postgresql) or set POSTGRES_BIN.');
  return found;
}

/** The uid and gid of the `postgres` user Debian's package creates. */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const [uid, gid] = [id('-u'), id('-g')];
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('PostgreSQL will not run as root and there is no postgres user: install PostgreSQL (apt-get install -y postgresql) or run as another user.');
  return { uid, gid };
}

/** Starts a throwaway server; see the module comment. */
export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = postgresBinaries();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'quire-postgres-'));
  const dataDir = path.join(dir, 'data');
  // As root, the cluster and the server belong to the postgres user; the server is started as
  // that user directly (not through runuser), so that its process is the one signalled to stop.
  const owner = process.getuid?.() === 0 ? postgresUser() : undefined;
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chmodSync(dir, 0o755);
  }
  const initArgs = ['-D', dataDir, '-U', USER, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'];
  const init = spawnSync(path.join(bin, 'initdb'), initArgs, { encoding: 'utf8', ...owner });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr || init.stdout || init.error?.message}`);
  }
  const port = await freePort();
  const serverArgs = [
    '-D', dataDir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1',
    // Thrown away afterwards: durability buys nothing and costs every commit an fsync.
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
    '-c', 'max_connections=200',
  ];
  const server: ChildProcess = spawn(path.join(bin, 'postgres'), serverArgs, { stdio: ['ignore', 'ignore', 'pipe'], ...owner });
  let log = '';
  // A server that could not be spawned at all ends the wait below with the reason.
  server.on('error', (error) => {
    log += `\n${error.message}`;
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const url = (database = 'postgres') => `postgresql://${USER}@127.0.0.1:${port}/${database}`;
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      // SIGINT: PostgreSQL's fast shutdown (disconnects clients, exits at once).
      server.kill('SIGINT');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
      clearTimeout(timer);
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilAccepting(url(), () => server.exitCode !== null || server.signalCode !== null || (server.pid === undefined && log !== ''), () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  const signalAll = (signal: NodeJS.Signals) => {
    if (server.pid === undefined) return;
    // The server first: once it is stopped it neither starts nor reaps a backend, so the list of
    // its children read next is the whole list. A child may still have ended in between (a pooled
    // connection closing): that is no error, it needs no signal.
    const signalOne = (pid: number) => {
      try {
        process.kill(pid, signal);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
    };
    signalOne(server.pid);
    for (const pid of childrenOf(server.pid)) signalOne(pid);
  };
  return {
    url,
    pause: () => signalAll('SIGSTOP'),
    resume: () => signalAll('SIGCONT'),
    stop: async () => {
      signalAll('SIGCONT');
      await stop();
    },
    createDatabase: (prefix) => createPostgresDatabase(url(), prefix),
    dropDatabase: (databaseUrl) => dropPostgresDatabase(url(), databaseUrl),
  };
}

/** The ids of the processes whose parent is `pid` (PostgreSQL's backends and helpers), from /proc. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command (which may hold spaces, inside parentheses): state, then parent id.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

let created = 0;

/** Runs `task` on a connection to the server at `adminUrl` (its maintenance database). */
async function withAdmin<T>(adminUrl: string, task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database with a fresh name on the server at `adminUrl`; returns its URL. */
export async function createPostgresDatabase(adminUrl: string, prefix = 'quire_test'): Promise<string> {
  const name = `${prefix}_${process.pid}_${++created}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database (closing anything still connected to it) on the server at `adminUrl`. */
export async function dropPostgresDatabase(adminUrl: string, databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1)).replace(/"/g, '');
  await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Resolves once the server answers a query; rejects with its log if it exits or takes too long. */
async function waitUntilAccepting(url: string, exited: () => boolean, log: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (exited()) throw new Error(`PostgreSQL exited while starting:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not start within ${STARTUP_TIMEOUT_MS / 1000} s:\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
