/**
 * Caret colours: each readable as a caret and behind a white name label on the light page and on
 * the dark one (relative luminance between about 0.1 and 0.3, so at least 3:1 against both), and
 * at least 25° of hue apart, so no two look alike (no orange beside an amber).
 */
export const WRITER_COLORS: readonly string[] = ['#df2040', '#c0521b', '#428413', '#138639', '#12816f', '#1b78bb', '#5a66e7', '#8f51e6', '#c51dcb'];

/** Whether `color` is one of {@link WRITER_COLORS}. */
export function isWriterColor(color: unknown): color is string {
  return typeof color === 'string' && WRITER_COLORS.includes(color);
}

/**
 * The colour for a writer who has none yet: the palette colour fewest of the people they write
 * with already have (each co-writer's colour counted once per manuscript shared), ties broken by
 * an order derived from `seed` (their account id), so two new writers do not both take the first.
 */
export function leastUsedColor(usedByCoWriters: readonly string[], seed: string): string {
  const counts = new Map<string, number>(WRITER_COLORS.map((color) => [color, 0]));
  for (const color of usedByCoWriters) if (counts.has(color)) counts.set(color, counts.get(color)! + 1);
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const start = hash % WRITER_COLORS.length;
  let best = WRITER_COLORS[start];
  for (let i = 0; i < WRITER_COLORS.length; i++) {
    const color = WRITER_COLORS[(start + i) % WRITER_COLORS.length];
    if (counts.get(color)! < counts.get(best)!) best = color;
  }
  return best;
}
