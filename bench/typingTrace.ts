import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One transaction of a recorded editing session: when, and its patches [position, deleted, inserted]. */
export interface TraceTransaction {
  time: string;
  patches: Array<[number, number, string]>;
}

/** A recorded editing session (see ../shared/traces/README.md). */
export interface TypingTrace {
  endContent: string;
  txns: TraceTransaction[];
}

/**
 * Loads the real typing trace `seph-blog1.json.gz`: Joseph Gentle's keystroke-by-keystroke
 * recording of writing a blog post, from the editing-traces collection, CC BY 4.0 (see
 * bench/data/README.md). Read from bench/data; TRACE_PATH overrides, and ../shared/traces beside
 * the repository is the fallback.
 */
export function loadTypingTrace(): TypingTrace {
  const candidates = [
    process.env.TRACE_PATH,
    path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'seph-blog1.json.gz'),
    path.join(process.cwd(), '..', 'shared', 'traces', 'seph-blog1.json.gz'),
  ].filter((file): file is string => Boolean(file));
  const file = candidates.find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`the typing trace is not in ${candidates.join(' nor ')}`);
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as TypingTrace;
}
