/** p50, p95 and p99 of a list of timings, named `<prefix>P50` etc., rounded to 0.1. */
export function percentiles(values: number[], prefix: string): Record<string, number> {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (v: number) => Math.round(v * 10) / 10;
  return { [`${prefix}P50`]: round(at(0.5)), [`${prefix}P95`]: round(at(0.95)), [`${prefix}P99`]: round(at(0.99)) };
}
