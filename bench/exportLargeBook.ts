import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { percentiles } from './percentiles';
import { sized } from './benchQuick';

/**
 * Times exporting a 120,000-word, 30-chapter book to every format, end to end as the export
 * route does it, on one core: the measurement runs in a child process pinned to CPU 0 with
 * taskset (where taskset exists). Reports the median and the slowest of `runs` exports per
 * format (the first includes warming up), and each file's size.
 */
export async function measureExportLargeBook(runs = sized(5, 1)): Promise<Record<string, number>> {
  const script = path.join(process.cwd(), 'bench', 'exportLargeBookRun.ts');
  const node = [process.execPath, '--import', 'tsx', script, String(runs)];
  let output: string;
  try {
    output = execFileSync('taskset', ['-c', '0', ...node], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 24 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    output = execFileSync(node[0], node.slice(1), { encoding: 'utf8', env: process.env, maxBuffer: 1 << 24 });
  }
  const { words, results } = JSON.parse(output.trim().split('\n').at(-1)!) as {
    words: number;
    results: Record<string, { ms: number[]; bytes: number }>;
  };
  const out: Record<string, number> = { words };
  for (const [format, { ms, bytes }] of Object.entries(results)) {
    out[`${format}MedianMs`] = Math.round(percentiles(ms, 'ms').msP50);
    out[`${format}MaxMs`] = Math.round(Math.max(...ms));
    out[`${format}KB`] = Math.round(bytes / 1024);
  }
  return out;
}
