import { spawn } from 'node:child_process';
import path from 'node:path';
import { killWithThisProcess } from './killWithThisProcess';
import { stopWhenDone, type TestScope } from './testScope';
import { withTimeout } from './withTimeout';

/** How a run of the test script ended and everything it printed. */
export interface TestScriptRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  /** The last line it printed that is not blank (the closing count). */
  closingLine: string;
}

/**
 * Runs scripts/test.ts (what `npm test` runs) in a child process with `args` and extra `env`, and
 * resolves once it has ended; fails after `timeoutMs`. The run is killed when `scope` ends if it
 * is still going.
 */
export function runTestScript(scope: TestScope, args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<TestScriptRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(process.cwd(), 'scripts', 'test.ts'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  killWithThisProcess(child);
  stopWhenDone(scope, `the test script (pid ${child.pid})`, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const streamsClosed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const ended = new Promise<TestScriptRun>((resolve, reject) => {
    child.on('error', reject);
    // On exit, not on close: a process the run left behind may hold its output open forever,
    // and the test must go on to find that process rather than wait for it.
    child.once('exit', async (code, signal) => {
      await Promise.race([streamsClosed, new Promise((done) => setTimeout(done, 1000))]);
      child.stdout.destroy();
      child.stderr.destroy();
      const closingLine = output.trimEnd().split('\n').at(-1) ?? '';
      resolve({ code, signal, output, closingLine });
    });
  });
  return withTimeout(ended, timeoutMs, () => `the test script run with ${args.join(' ')} did not end; it printed:\n${output}`);
}
