'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { PROGRESS_RANGES, type ProgressListing } from '@model/api/progressListing';
import { SidePanel } from '../workspace/SidePanel';
import type { SectionListItem } from '../workspace/useSectionList';
import { formatCount } from '../workspace/formatCount';
import { BookTargetForm } from './BookTargetForm';
import { BookSizeChart } from './BookSizeChart';
import { ProgressTable } from './ProgressTable';
import { SectionTargets } from './SectionTargets';
import { SessionTargetForm } from './SessionTargetForm';
import { WordsPerDayChart } from './WordsPerDayChart';
import { browserTimeZone } from './browserTimeZone';
import { useWritingTargets } from './useWritingTargets';
import type { WritingSession } from './useWritingSession';

interface ProgressPanelProps {
  manuscriptId: string;
  book: Y.Doc;
  sections: SectionListItem[];
  totalWords: number;
  /** Owners and editors set the book's and chapters' targets. */
  canWrite: boolean;
  /** The writer's own session, for those who can type (writers, and commenters' suggestions); null for readers. */
  session: WritingSession | null;
  onClose: () => void;
}

/**
 * The Progress view: the book's target (and the pace its deadline asks for), the writer's own
 * session target, words written per day per co-writer over the last 30 or 90 days with streaks,
 * the book's size over time, and each chapter's target. Figures come from the attributed history
 * (who actually wrote what), in the writer's own time zone; a table carries them for screen readers.
 */
export function ProgressPanel({ manuscriptId, book, sections, totalWords, canWrite, session, onClose }: ProgressPanelProps) {
  const targets = useWritingTargets(book);
  const [range, setRange] = useState<number>(PROGRESS_RANGES[0]);
  const [progress, setProgress] = useState<ProgressListing | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);
  const [showTable, setShowTable] = useState(false);

  // Only the latest request's answer is shown: switching the range mid-count must not show the old range.
  const latest = useRef(0);
  const load = useCallback(async () => {
    const request = ++latest.current;
    setLoading(true);
    const query = new URLSearchParams({ days: String(range), timeZone: browserTimeZone() });
    const answer = await countProgress(`/api/manuscripts/${manuscriptId}/progress?${query}`, () => request !== latest.current);
    if (request !== latest.current) return;
    if (typeof answer === 'string') setError(answer);
    else {
      setProgress(answer);
      setError('');
    }
    setLoading(false);
  }, [manuscriptId, range]);
  useEffect(() => {
    // Counting the progress is the external sync this effect exists for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  return (
    <SidePanel title="Progress" name="progress" closeLabel="progress" onClose={onClose}>
      <h3>The book</h3>
      <BookTargetForm book={book} target={targets.book} words={totalWords} editable={canWrite} />

      {session && (
        <>
          <h3>Your session</h3>
          <SessionTargetForm session={session} />
        </>
      )}

      <h3>Words written per day</h3>
      <div className="progress-controls">
        <label>
          Over the last{' '}
          <select value={range} onChange={(event) => setRange(Number(event.target.value))}>
            {PROGRESS_RANGES.map((days) => (
              <option key={days} value={days}>
                {days} days
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="link-button" onClick={() => void load()} disabled={loading}>
          {loading ? 'Counting…' : 'Count again'}
        </button>
        <button type="button" className="link-button" onClick={() => setShowTable((shown) => !shown)}>
          {showTable ? 'Hide the table' : 'Show as a table'}
        </button>
        <button type="button" className="link-button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {progress && (
        <div className="progress-figures" aria-busy={loading}>
          <p className="progress-streak" data-testid="book-streak">
            {progress.streak === 0 ? 'No writing streak at the moment.' : `Writing streak: ${progress.streak} ${progress.streak === 1 ? 'day' : 'days'} in a row (anyone).`}
          </p>
          <WordsPerDayChart days={progress.days} writers={progress.writers} />
          <ul className="progress-legend" data-testid="progress-writers">
            {progress.writers.map((writer) => (
              <li key={writer.userId} data-testid="progress-writer">
                <span className="legend-swatch" style={{ background: writer.color }} aria-hidden="true" />
                <span className="legend-name">{writer.name}</span>{' '}
                <span className="legend-figures">
                  {formatCount(writer.added)} words written
                  {writer.removed > 0 && `, ${formatCount(writer.removed)} removed`}
                  {writer.streak > 0 && ` · ${writer.streak}-day streak`}
                </span>
              </li>
            ))}
          </ul>
          <ProgressTable progress={progress} visible={showTable} />
          <h3>The book over time</h3>
          <BookSizeChart days={progress.days} bookWords={progress.bookWords} target={targets.book?.words ?? null} />
          <p className="panel-hint">
            Counted from the history at {new Date(progress.countedAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}, in your time zone ({progress.timeZone}).
            Imported text is not counted as anyone’s writing.
          </p>
        </div>
      )}

      <h3>Chapter targets</h3>
      <SectionTargets book={book} sections={sections} targets={targets} editable={canWrite} />
    </SidePanel>
  );
}

/** How often, and how long apart, a count is asked again while the writer's previous one still runs (429). */
const BUSY_RETRIES = 8;
const BUSY_WAIT_MS = 500;

/**
 * Asks for the progress, again a moment later while the server is still counting this writer's
 * previous request (429), until `superseded`. The listing, or the message to show.
 */
async function countProgress(url: string, superseded: () => boolean): Promise<ProgressListing | string> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url, { cache: 'no-store' });
      if (response.status === 429 && attempt < BUSY_RETRIES && !superseded()) {
        await new Promise((resume) => setTimeout(resume, BUSY_WAIT_MS));
        continue;
      }
      const body = (await response.json().catch(() => ({}))) as ProgressListing & { error?: string };
      return response.ok ? body : (body.error ?? 'The progress could not be counted.');
    } catch {
      return 'The progress could not be counted: the server cannot be reached.';
    }
  }
}
