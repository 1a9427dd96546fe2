import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { withTimeout } from '../tests/support/withTimeout';

/** A process's memory, read right after a full garbage collection. */
export interface MemoryAfterGc {
  rssBytes: number;
  heapUsedBytes: number;
  /** RSS in anonymous pages (the heaps), -1 where /proc/self/status does not say. */
  rssAnonBytes: number;
  /** RSS in file-backed pages (code, libraries), -1 where /proc/self/status does not say. */
  rssFileBytes: number;
}

/**
 * Environment for a Node child process that should answer {@link memoryAfterGc}: it exposes the
 * collector (`--expose-gc`) and preloads bench/gcOnSignal.mjs.
 */
export function gcOnSignalEnv(): Record<string, string> {
  const hook = pathToFileURL(path.join(process.cwd(), 'bench', 'gcOnSignal.mjs')).href;
  return { NODE_OPTIONS: [process.env.NODE_OPTIONS, '--expose-gc', `--import=${hook}`].filter(Boolean).join(' ') };
}

/** Makes `child` (started with {@link gcOnSignalEnv}) collect its garbage; resolves with its memory after. */
export function memoryAfterGc(child: ChildProcess): Promise<MemoryAfterGc> {
  let output = '';
  let onData: (chunk: Buffer) => void = () => {};
  const reading = new Promise<MemoryAfterGc>((resolve) => {
    onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /memory after gc (\{.*\})\n/.exec(output);
      if (match) resolve(JSON.parse(match[1]) as MemoryAfterGc);
    };
    child.stdout!.on('data', onData);
  });
  child.kill('SIGUSR2');
  return withTimeout(reading, 10_000, `process ${child.pid} did not report its memory after garbage collection`).finally(() => child.stdout!.off('data', onData));
}
