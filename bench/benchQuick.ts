/**
 * True when `BENCH_QUICK=1`: each measure runs with the fewest samples that still exercise its
 * code, to check that it works end to end. Its figures are not for comparison.
 */
export function benchQuick(): boolean {
  return process.env.BENCH_QUICK === '1';
}

/** `full` in a real run, `quick` under BENCH_QUICK=1. */
export function sized(full: number, quick: number): number {
  return benchQuick() ? quick : full;
}
