import { readFileSync } from 'node:fs';
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
 * recording of writing a blog post, from the editing-traces collection, CC BY 4.0. Looked for
 * in ../shared/traces beside the repository (TRACE_PATH overrides).
 */
export function loadTypingTrace(): TypingTrace {
  const file = process.env.TRACE_PATH ?? path.join(process.cwd(), '..', 'shared', 'traces', 'seph-blog1.json.gz');
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as TypingTrace;
}
