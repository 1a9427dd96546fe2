import { existsSync, readFileSync } from 'node:fs';

/**
 * Whether the process `pid` is still running. A process that was killed but not yet reaped by its
 * parent (a zombie, state Z in /proc) has stopped and holds nothing, so it does not count.
 */
export function processIsRunning(pid: number): boolean {
  if (!existsSync('/proc/self/stat')) {
    // No /proc (not Linux): signal 0 only checks that the process exists.
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  // The state follows the command name, which is in parentheses and may itself hold spaces.
  const state = stat.slice(stat.lastIndexOf(')') + 2).charAt(0);
  return state !== 'Z' && state !== 'X';
}
