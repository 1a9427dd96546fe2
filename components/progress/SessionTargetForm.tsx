'use client';

import { useState } from 'react';
import { targetWords } from '@model/progress/writingTargets';
import { formatCount } from '../workspace/formatCount';
import type { WritingSession } from './useWritingSession';

/**
 * The writer's personal session target (kept in this browser, seen by nobody else) and the words
 * they have written toward it since the session started; a new session starts the count again.
 */
export function SessionTargetForm({ session }: { session: WritingSession }) {
  const [draft, setDraft] = useState(session.target === null ? '' : String(session.target));
  const [error, setError] = useState('');
  return (
    <div className="session-target" data-testid="session-target">
      {session.target !== null && (
        <p className="target-line">
          <strong data-testid="session-words">{formatCount(session.words)}</strong> of {formatCount(session.target)} words this session
          {session.words >= session.target && ' — target reached'}
        </p>
      )}
      <form
        className="target-form"
        onSubmit={(event) => {
          event.preventDefault();
          const words = targetWords(draft);
          if (words === undefined) return setError('Give the target as a whole number of words, for example 500.');
          setError('');
          session.setTarget(words);
        }}
      >
        <label>
          Session target (words)
          <input inputMode="numeric" value={draft} onChange={(event) => setDraft(event.target.value)} placeholder="500" />
        </label>
        <button type="submit">{session.target === null ? 'Start a session' : 'Change target'}</button>
        {session.target !== null && (
          <>
            <button type="button" className="link-button" onClick={session.restart}>
              New session
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                session.setTarget(null);
                setDraft('');
              }}
            >
              Stop
            </button>
          </>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
