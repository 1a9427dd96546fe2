const formatter = new Intl.NumberFormat('en-US');

/** A count with thousands separators, as word counts are shown (e.g. 7,005). */
export function formatCount(count: number): string {
  return formatter.format(count);
}
