import type { DayKey } from '@model/progress/calendarDays';
import { formatCount } from '../workspace/formatCount';
import { niceCeiling } from './chartScale';
import { ChartGrid } from './ChartGrid';
import { dayLabel } from './dayLabel';

const WIDTH = 600;
const HEIGHT = 140;
const LEFT = 64;
const BOTTOM = 22;
const TOP = 8;

/**
 * The book's size at the end of each day as a line (plain SVG), with the target as a dashed
 * line when there is one. Days before anything was recorded are left out.
 */
export function BookSizeChart({ days, bookWords, target }: { days: DayKey[]; bookWords: Array<number | null>; target: number | null }) {
  const known = bookWords.flatMap((words, i) => (words === null ? [] : [{ i, words }]));
  if (known.length === 0) return null;
  const top = niceCeiling(Math.max(target ?? 0, ...known.map((k) => k.words)));
  const plotWidth = WIDTH - LEFT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / Math.max(1, days.length - 1);
  const x = (i: number) => LEFT + i * slot;
  const y = (words: number) => TOP + plotHeight - (words / top) * plotHeight;
  const points = known.map(({ i, words }) => `${x(i).toFixed(1)},${y(words).toFixed(1)}`).join(' ');
  const last = known.at(-1)!;
  return (
    <svg className="progress-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`The book's words at the end of each day, ${formatCount(last.words)} now`} data-testid="book-size-chart">
      <ChartGrid top={top} left={LEFT} width={WIDTH} y={y} />
      {target !== null && <line className="chart-target" x1={LEFT} x2={WIDTH} y1={y(target)} y2={y(target)} />}
      <polyline className="chart-line" points={points} fill="none" />
      {known.length === 1 && <circle className="chart-dot" cx={x(last.i)} cy={y(last.words)} r={3} />}
      {[0, days.length - 1].map((i) => (
        <text key={i} className="chart-day" x={x(i)} y={HEIGHT - 6} textAnchor={i === 0 ? 'start' : 'end'}>
          {dayLabel(days[i])}
        </text>
      ))}
    </svg>
  );
}
