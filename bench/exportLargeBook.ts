import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { percentiles } from './percentiles';
import { sized } from './benchQuick';

/**
 * Times exporting a 120,000-word, 30-chapter book to every format, end to end as the export
 * route does it, on one core: the measurement runs in a child process pinned to CPU 0 with
 * taskset (where taskset exists). Reports the median and the slowest of `runs` exports per
 * format after the PDF exporter's start-up warm-up (as the app does it), the warm-up's own time,
 * each file's size, and, from a second fresh process that skips the warm-up, its first PDF.
 */
export async function measureExportLargeBook(runs = sized(5, 1)): Promise<Record<string, number>> {
  const { words, warmUpMs, results } = pinned<{ words: number; warmUpMs: number; results: Record<string, { ms: number[]; bytes: number }> }>(String(runs));
  const { coldMs } = pinned<{ coldMs: number }>('1', 'cold');
  const out: Record<string, number> = { words, pdfWarmUpMs: Math.round(warmUpMs), pdfColdFirstMs: Math.round(coldMs) };
  for (const [format, { ms, bytes }] of Object.entries(results)) {
    out[`${format}MedianMs`] = Math.round(percentiles(ms, 'ms').msP50);
    out[`${format}MaxMs`] = Math.round(Math.max(...ms));
    out[`${format}KB`] = Math.round(bytes / 1024);
  }
  return out;
}

/** Runs exportLargeBookRun.ts pinned to CPU 0 with these arguments and returns what it printed last, parsed. */
function pinned<T>(...args: string[]): T {
  const script = path.join(process.cwd(), 'bench', 'exportLargeBookRun.ts');
  const node = [process.execPath, '--import', 'tsx', script, ...args];
  let output: string;
  try {
    output = execFileSync('taskset', ['-c', '0', ...node], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 24 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    output = execFileSync(node[0], node.slice(1), { encoding: 'utf8', env: process.env, maxBuffer: 1 << 24 });
  }
  return JSON.parse(output.trim().split('\n').at(-1)!) as T;
}
