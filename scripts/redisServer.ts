/**
 * A throwaway Redis for tests and benchmarks: Debian's `redis-server` on a free loopback port,
 * with persistence off (nothing is written to disk, so a restart comes back empty, as a Redis
 * without persistence does in production). It can be stopped and started again on the same port,
 * which is how tests take Redis away from running sync servers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './freePort';

/** A running throwaway Redis. */
export interface RedisServer {
  readonly port: number;
  /** `redis://` URL of one of its numbered databases (0 by default). */
  url(database?: number): string;
  /** Stops it (SIGKILL: no goodbye to clients) and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty). */
  restart(): Promise<void>;
  /** Stops it for good. */
  stop(): Promise<void>;
}

const BINARY = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
const STARTUP_TIMEOUT_MS = 15_000;

/** Starts a throwaway Redis; see the module comment. */
export async function startRedisServer(): Promise<RedisServer> {
  if (!existsSync(BINARY)) throw new Error(`redis-server was not found at ${BINARY}: install it (apt-get install -y redis-server) or set REDIS_SERVER.`);
  const port = await freePort();
  let child: ChildProcess | null = null;
  const onExit = () => child?.kill('SIGKILL');
  process.once('exit', onExit);

  const start = async () => {
    const started = spawn(BINARY, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'notice'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start within ${STARTUP_TIMEOUT_MS} ms:\n${output}`)), STARTUP_TIMEOUT_MS);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Ready to accept connections/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      started.stdout!.on('data', read);
      started.stderr!.on('data', read);
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}) while starting:\n${output}`));
      });
    });
  };
  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGKILL');
    await exited;
  };

  await start();
  return {
    port,
    url: (database = 0) => `redis://127.0.0.1:${port}/${database}`,
    kill,
    restart: async () => {
      await kill();
      await start();
    },
    stop: async () => {
      await kill();
      process.off('exit', onExit);
    },
  };
}
