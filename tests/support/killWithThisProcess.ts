import type { ChildProcess } from 'node:child_process';

const running = new Set<ChildProcess>();

/**
 * Makes sure `child` does not outlive this process. Teardown hooks stop children when a test ends,
 * but they never run when the test process itself is ended: the runner stops a file that exceeds
 * `--test-timeout` (node:test then exits through `process.exit`), or a test calls
 * `process.exit`. The `exit` event still fires then, and a synchronous SIGKILL is all it allows.
 */
export function killWithThisProcess(child: ChildProcess): void {
  if (!process.listeners('exit').includes(killAll)) process.on('exit', killAll);
  running.add(child);
  child.once('exit', () => running.delete(child));
}

function killAll(): void {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
