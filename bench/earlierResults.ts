import { existsSync, readFileSync } from 'node:fs';

/** What bench/run.ts writes: when, on what machine, and each measure's named values. */
export interface BenchResults {
  date: string;
  machine: { cpus: number; memoryGiB: number; node: string };
  results: Record<string, Record<string, number>>;
}

/**
 * The results file as it stands before this run overwrites it (in a checkout, the committed
 * figures), so each new value can be printed beside the earlier one and a regression shows;
 * null when there is none or it cannot be read.
 */
export function readEarlierResults(file: string): BenchResults | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
  } catch {
    return null;
  }
}
