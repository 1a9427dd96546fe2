/**
 * Redis stream entry ids, `<milliseconds>-<sequence>`, compared as the two numbers they are (as
 * text, "9-0" would sort after "10-0").
 */

/** The id before every entry: reading from it reads the whole stream. */
export const STREAM_START = '0-0';

/** Negative, zero or positive as stream id `a` comes before, is, or comes after `b`. */
export function compareStreamIds(a: string, b: string): number {
  const [aMs, aSeq] = split(a);
  const [bMs, bSeq] = split(b);
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  if (aSeq !== bSeq) return aSeq < bSeq ? -1 : 1;
  return 0;
}

/** The later of two stream ids. */
export function laterStreamId(a: string, b: string): string {
  return compareStreamIds(a, b) >= 0 ? a : b;
}

function split(id: string): [bigint, bigint] {
  const dash = id.indexOf('-');
  if (dash < 0) return [BigInt(id), 0n];
  return [BigInt(id.slice(0, dash)), BigInt(id.slice(dash + 1))];
}
