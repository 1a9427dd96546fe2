import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * The running processes (zombies aside) in process group `pgid`, with their command lines. A
 * suite's runner is started as the leader of its own group, which everything it starts inherits,
 * so after it exits whatever is left in the group was left behind by a test. Linux only (reads
 * /proc); elsewhere it finds nothing.
 */
export function processesInGroup(pgid: number): Array<{ pid: number; command: string }> {
  if (!existsSync('/proc/self/stat')) return [];
  const found: Array<{ pid: number; command: string }> = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After the command name (in parentheses, which may hold spaces): state, ppid, pgrp, …
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(group) !== pgid || state === 'Z' || state === 'X') continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
      // A process the kernel is still tearing down after SIGKILL has released its memory, and
      // with it its command line, but is not a zombie yet: it is gone, not left behind.
      if (!command) continue;
      found.push({ pid: Number(entry), command });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** Sends SIGKILL to every process in group `pgid`; a group that is already empty is fine. */
export function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // Nothing left in the group.
  }
}
