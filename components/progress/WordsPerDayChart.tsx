import type { WriterProgressListing } from '@model/api/progressListing';
import type { DayKey } from '@model/progress/calendarDays';
import { formatCount } from '../workspace/formatCount';
import { niceCeiling } from './chartScale';
import { ChartGrid } from './ChartGrid';
import { dayLabel } from './dayLabel';

const WIDTH = 600;
const HEIGHT = 180;
const LEFT = 56;
const BOTTOM = 22;
const TOP = 8;

/**
 * Words written per day as bars, one colour per co-writer stacked on each day, in plain SVG
 * that scales to the panel and prints as drawn. Each bar names its writer, words and day (its
 * title); the table beside it carries the same figures for screen readers.
 */
export function WordsPerDayChart({ days, writers }: { days: DayKey[]; writers: WriterProgressListing[] }) {
  const totals = days.map((_, i) => writers.reduce((sum, w) => sum + w.perDay[i].added, 0));
  const top = niceCeiling(Math.max(0, ...totals));
  const plotWidth = WIDTH - LEFT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / days.length;
  const bar = Math.max(1, slot * 0.75);
  const y = (words: number) => TOP + plotHeight - (words / top) * plotHeight;
  const labelEvery = days.length > 45 ? 14 : 7;
  return (
    <svg className="progress-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="Words written per day, per co-writer (the table gives the figures)" data-testid="words-per-day-chart">
      <ChartGrid top={top} left={LEFT} width={WIDTH} y={y} />
      {days.map((day, i) => {
        let base = 0;
        return (
          <g key={day}>
            {writers.map((writer) => {
              const words = writer.perDay[i].added;
              if (words <= 0) return null;
              const rect = (
                <rect key={writer.userId} x={LEFT + i * slot + (slot - bar) / 2} width={bar} y={y(base + words)} height={y(base) - y(base + words)} fill={writer.color}>
                  <title>{`${writer.name}: ${formatCount(words)} words on ${dayLabel(day)}`}</title>
                </rect>
              );
              base += words;
              return rect;
            })}
            {(days.length - 1 - i) % labelEvery === 0 && (
              <text className="chart-day" x={i === days.length - 1 ? WIDTH : LEFT + i * slot + slot / 2} y={HEIGHT - 6} textAnchor={i === days.length - 1 ? 'end' : 'middle'}>
                {dayLabel(day)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
