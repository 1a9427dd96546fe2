/**
 * Preloaded into the sync server by the memory benchmark (`NODE_OPTIONS=--expose-gc --import`):
 * on SIGUSR2 the process collects its garbage, then prints its memory as one line
 * `memory after gc {"rssBytes":…,"heapUsedBytes":…}`. A reading taken without this includes
 * whatever the collector had not yet reached, so it cannot show that nothing was retained.
 */
process.on('SIGUSR2', () => {
  // The second collection frees what the first only made unreachable (weak references, finalizers).
  globalThis.gc();
  globalThis.gc();
  const { rss, heapUsed } = process.memoryUsage();
  process.stdout.write(`memory after gc ${JSON.stringify({ rssBytes: rss, heapUsedBytes: heapUsed })}\n`);
});
