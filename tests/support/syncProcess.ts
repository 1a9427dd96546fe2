import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { killWithThisProcess } from './killWithThisProcess';
import { isTestScope, stopWhenDone, type TestScope } from './testScope';
import { withTimeout } from './withTimeout';

/** The sync server running as its own process, as in production. */
export interface SyncProcess {
  port: number;
  child: ChildProcess;
  /** Kills the process with the given signal and waits (up to 10 s) for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Where and how to start the sync server. */
export interface SyncProcessOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  env?: Record<string, string>;
}

/** Startup includes compiling the server's TypeScript with tsx, which is slow on a busy machine. */
const START_TIMEOUT_MS = 30_000;
const EXIT_TIMEOUT_MS = 10_000;

/**
 * Starts `server/sync/main.ts` in a child process against `databaseUrl` and resolves once it is
 * listening. With a test scope, the process is killed when that test (or file) ends, pass or fail;
 * it is registered before the first await, so even a start that fails leaves nothing behind.
 */
export function startSyncProcess(scope: TestScope, databaseUrl: string, options?: SyncProcessOptions): Promise<SyncProcess>;
/**
 * For scripts that are not tests (benchmarks, end-to-end fixtures with their own teardown): the
 * caller kills the process; it is still killed when the calling process exits.
 */
export function startSyncProcess(databaseUrl: string, options?: SyncProcessOptions): Promise<SyncProcess>;
export function startSyncProcess(...args: [TestScope, string, SyncProcessOptions?] | [string, SyncProcessOptions?]): Promise<SyncProcess> {
  const [scope, databaseUrl, options = {}] = isTestScope(args[0]) ? (args as [TestScope, string, SyncProcessOptions?]) : [null, ...(args as [string, SyncProcessOptions?])];
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(process.cwd(), 'server', 'sync', 'main.ts')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SYNC_PORT: String(options.port ?? 0),
      SYNC_HOST: '127.0.0.1',
      QUIRE_LOG: process.env.QUIRE_LOG ?? 'error',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  killWithThisProcess(child);
  const kill = (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill(signal);
    return withTimeout(exited, EXIT_TIMEOUT_MS, `the sync server (pid ${child.pid}) did not exit after ${signal}`);
  };
  // A teardown need not be gentle: whatever the test left unstored is of no interest any more.
  if (scope) stopWhenDone(scope, `the sync server (pid ${child.pid})`, () => kill('SIGKILL'));

  let output = '';
  const listening = new Promise<number>((resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`the sync server exited with ${signal ?? code} before listening: ${output}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on port (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
  });
  return withTimeout(listening, START_TIMEOUT_MS, () => `the sync server (pid ${child.pid}) did not say it was listening; it printed: ${output}`).then(
    (port) => ({ port, child, kill }),
    async (error: unknown) => {
      // Without a scope nobody else would stop a server that failed to start.
      if (!scope) await kill('SIGKILL').catch(() => {});
      throw error;
    },
  );
}
