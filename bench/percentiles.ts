/** Fewest samples for a p95 that is not simply one of the few slowest values. */
export const MIN_SAMPLES_P95 = 20;
/** Fewest samples for a p99 that is not simply the maximum. */
export const MIN_SAMPLES_P99 = 100;

/**
 * A list of timings summarised as far as its size allows, named `<prefix>P50` etc., rounded to
 * 0.1: the median always; `P95` from 20 samples and `P99` from 100 on (by nearest rank, below
 * those counts either would be the maximum or next to it, which is no percentile); and always
 * `<prefix>Max` and `<prefix>Samples`, so a reader sees what the tail rests on.
 */
export function percentiles(values: number[], prefix: string): Record<string, number> {
  if (values.length === 0) throw new Error(`no samples for ${prefix}`);
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    [`${prefix}P50`]: round(at(0.5)),
    ...(sorted.length >= MIN_SAMPLES_P95 ? { [`${prefix}P95`]: round(at(0.95)) } : {}),
    ...(sorted.length >= MIN_SAMPLES_P99 ? { [`${prefix}P99`]: round(at(0.99)) } : {}),
    [`${prefix}Max`]: round(sorted[sorted.length - 1]),
    [`${prefix}Samples`]: sorted.length,
  };
}
