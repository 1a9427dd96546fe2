import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The sync server running as its own process, as in production. */
export interface SyncProcess {
  port: number;
  child: ChildProcess;
  /** Kills the process with the given signal and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `server/sync/main.ts` in a child process against `databaseUrl`, on `port` (0 picks a
 * free one), and resolves once it is listening.
 */
export function startSyncProcess(databaseUrl: string, options: { port?: number; env?: Record<string, string> } = {}): Promise<SyncProcess> {
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
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`sync server did not start: ${output}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`sync server exited with ${code}: ${output}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on port (\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        port: Number(match[1]),
        child,
        kill(signal: NodeJS.Signals = 'SIGTERM') {
          if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
          return new Promise((done) => {
            child.once('exit', () => done());
            child.kill(signal);
          });
        },
      });
    });
  });
}
