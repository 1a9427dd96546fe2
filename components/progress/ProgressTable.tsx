import type { ProgressListing } from '@model/api/progressListing';
import { formatCount } from '../workspace/formatCount';
import { dayLabel } from './dayLabel';

/**
 * The charts' figures as a table, newest day first: words each co-writer added (and removed) per
 * day, and the book's size at the end of the day. Days nobody wrote on are left out.
 */
export function ProgressTable({ progress, visible }: { progress: ProgressListing; visible: boolean }) {
  const rows = progress.days
    .map((day, i) => ({ day, i }))
    .filter(({ i }) => progress.writers.some((w) => w.perDay[i].added > 0 || w.perDay[i].removed > 0))
    .reverse();
  return (
    <table className={visible ? 'progress-table' : 'progress-table visually-hidden'} data-testid="progress-table">
      <caption>Words written per day (added, and removed in brackets); days nobody wrote on are left out</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          {progress.writers.map((writer) => (
            <th scope="col" key={writer.userId}>
              {writer.name}
            </th>
          ))}
          <th scope="col">Book</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={progress.writers.length + 2}>Nobody has written in this book in these days.</td>
          </tr>
        )}
        {rows.map(({ day, i }) => (
          <tr key={day}>
            <th scope="row">{dayLabel(day, true)}</th>
            {progress.writers.map((writer) => (
              <td key={writer.userId}>
                {formatCount(writer.perDay[i].added)}
                {writer.perDay[i].removed > 0 && ` (−${formatCount(writer.perDay[i].removed)})`}
              </td>
            ))}
            <td>{progress.bookWords[i] === null ? '–' : formatCount(progress.bookWords[i]!)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
