/** The text column's widths focus mode offers; the writer's choice is kept in this browser. */
export const MEASURES = { narrow: '32rem', medium: '38rem', wide: '46rem', full: '100%' } as const;
/** One of {@link MEASURES}. */
export type Measure = keyof typeof MEASURES;
/** Where this browser keeps the writer's choice of measure. */
export const MEASURE_KEY = 'quire:focus-measure';

/** The measure this browser last chose (medium by default). */
export function savedMeasure(): Measure {
  const saved = typeof window === 'undefined' ? null : window.localStorage.getItem(MEASURE_KEY);
  return saved && saved in MEASURES ? (saved as Measure) : 'medium';
}
