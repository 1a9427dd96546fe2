/**
 * A round top for a chart's axis at or above `max` (1, 2 or 5 times a power of ten), so its
 * gridlines fall on numbers a reader takes in at a glance. At least 1.
 */
export function niceCeiling(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}
