/**
 * Preloaded into the sync server by the memory benchmark (`NODE_OPTIONS=--expose-gc --import`):
 * on SIGUSR2 the process collects its garbage, then prints its memory as one line
 * `memory after gc {"rssBytes":…,"heapUsedBytes":…,"rssAnonBytes":…,"rssFileBytes":…}`. A reading
 * taken without this includes whatever the collector had not yet reached, so it cannot show that
 * nothing was retained. RSS is split (on Linux) into anonymous pages (heaps: V8's and the C
 * allocator's) and file-backed ones (code, mapped libraries), which the kernel drops and reloads
 * as other processes need memory, so they move without the process doing anything.
 */
import { readFileSync } from 'node:fs';

/** A field of /proc/self/status in bytes, or -1 where there is none. */
function statusBytes(field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : -1;
  } catch {
    return -1;
  }
}

process.on('SIGUSR2', () => {
  // The second collection frees what the first only made unreachable (weak references, finalizers).
  globalThis.gc();
  globalThis.gc();
  const { rss, heapUsed } = process.memoryUsage();
  const reading = { rssBytes: rss, heapUsedBytes: heapUsed, rssAnonBytes: statusBytes('RssAnon'), rssFileBytes: statusBytes('RssFile') };
  process.stdout.write(`memory after gc ${JSON.stringify(reading)}\n`);
});
