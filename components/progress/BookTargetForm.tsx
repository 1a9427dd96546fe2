'use client';

import { useState } from 'react';
import type * as Y from 'yjs';
import { dayKey, isDayKey } from '@model/progress/calendarDays';
import { deadlinePace, setBookTarget, targetWords, type BookTarget } from '@model/progress/writingTargets';
import { formatCount } from '../workspace/formatCount';
import { browserTimeZone } from './browserTimeZone';
import { dayLabel } from './dayLabel';

interface BookTargetFormProps {
  book: Y.Doc;
  target: BookTarget | null;
  /** The book's words now. */
  words: number;
  /** Owners and editors set the target; everyone else reads it. */
  editable: boolean;
}

/**
 * The book's word target and its optional deadline: how far along the book is and, with a
 * deadline, the words a day it takes from today. Set in the book document, so every co-writer
 * sees a change at once.
 */
export function BookTargetForm({ book, target, words, editable }: BookTargetFormProps) {
  const [draftWords, setDraftWords] = useState(target ? String(target.words) : '');
  const [draftDeadline, setDraftDeadline] = useState(target?.deadline ?? '');
  const [error, setError] = useState('');
  // The fields follow the target when it changes (here or from a co-writer), without remounting,
  // so the keyboard's place in the form is kept.
  const shownKey = `${target?.words ?? ''}:${target?.deadline ?? ''}`;
  const [shown, setShown] = useState(shownKey);
  if (shown !== shownKey) {
    setShown(shownKey);
    setDraftWords(target ? String(target.words) : '');
    setDraftDeadline(target?.deadline ?? '');
  }
  const today = dayKey(new Date(), browserTimeZone());
  const pace = target?.deadline ? deadlinePace(words, { ...target, deadline: target.deadline }, today) : null;
  const share = target ? Math.min(1, words / target.words) : 0;

  const save = () => {
    const chosen = targetWords(draftWords);
    if (chosen === undefined) return setError('Give the target as a whole number of words, for example 90000.');
    if (draftDeadline && !isDayKey(draftDeadline)) return setError('Give the deadline as a date.');
    setError('');
    setBookTarget(book, { words: chosen, deadline: draftDeadline || null });
  };

  return (
    <div className="book-target" data-testid="book-target">
      {target ? (
        <>
          <p className="target-line">
            <strong>{formatCount(words)}</strong> of {formatCount(target.words)} words ({Math.floor(share * 100)} %)
          </p>
          <div className="target-bar" role="progressbar" aria-label="The book toward its target" aria-valuemin={0} aria-valuemax={target.words} aria-valuenow={Math.min(words, target.words)}>
            <span style={{ width: `${share * 100}%` }} />
          </div>
          {pace && (
            <p className="target-pace" data-testid="target-pace">
              {pace.remaining === 0
                ? 'Target reached.'
                : pace.perDay === null
                  ? `The deadline (${dayLabel(target.deadline!, true)}) has passed, ${formatCount(pace.remaining)} words short.`
                  : `${formatCount(pace.perDay)} words a day to reach it by ${dayLabel(target.deadline!, true)} (${pace.daysLeft} ${pace.daysLeft === 1 ? 'day' : 'days'} left, today included).`}
            </p>
          )}
        </>
      ) : (
        <p className="panel-hint">No target for the book yet{editable ? '.' : ' (owners and editors set one).'}</p>
      )}
      {editable && (
        <form
          className="target-form"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <label>
            Book target (words)
            <input inputMode="numeric" value={draftWords} onChange={(event) => setDraftWords(event.target.value)} placeholder="90000" />
          </label>
          <label>
            Deadline (optional)
            <input type="date" value={draftDeadline} onChange={(event) => setDraftDeadline(event.target.value)} />
          </label>
          <button type="submit">Set target</button>
          {target && (
            <button type="button" className="link-button" onClick={() => setBookTarget(book, null)}>
              Remove target
            </button>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
