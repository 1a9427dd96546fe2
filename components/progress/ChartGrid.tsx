import { formatCount } from '../workspace/formatCount';

/**
 * A chart's horizontal gridlines with their word counts at the left: at 0, the top, and halfway
 * when halfway is a whole number (a top of 5 would label 2.5 as "3").
 */
export function ChartGrid({ top, left, width, y }: { top: number; left: number; width: number; y: (words: number) => number }) {
  return (top % 2 === 0 ? [0, top / 2, top] : [0, top]).map((value) => (
    <g key={value} className="chart-grid">
      <line x1={left} x2={width} y1={y(value)} y2={y(value)} />
      <text x={left - 6} y={y(value) + 4} textAnchor="end">
        {formatCount(value)}
      </text>
    </g>
  ));
}
