'use client';

import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { countWords } from '@model/manuscript/countWords';
import { focusModeKey, focusModePlugin } from '../editor/FocusMode';
import { formatCount } from './formatCount';
import { MEASURE_KEY, type Measure } from './focusMeasure';

/** How often the session's count follows the text while the writer types (ms). */
const COUNT_MS = 500;

interface FocusBarProps {
  /** The open section's editor, with the section it edits. */
  open: { editor: Editor; sectionId: string } | null;
  measure: Measure;
  onMeasure: (measure: Measure) => void;
  onLeave: () => void;
}

/**
 * Focus mode's one strip of controls, quiet at the top: the words written this session (since
 * focus mode began, in every section typed in), the text's measure, and the way out (Esc).
 */
export function FocusBar({ open, measure, onMeasure, onLeave }: FocusBarProps) {
  // Each section's count when the session first saw it, and now.
  const [counts] = useState(() => new Map<string, { start: number; now: number }>());
  const [, setTick] = useState(0);

  useEffect(() => {
    // The open editor lights the caret's paragraph and scrolls like a typewriter while this shows.
    if (!open || open.editor.isDestroyed) return;
    const { editor } = open;
    editor.registerPlugin(focusModePlugin());
    editor.commands.focus();
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(focusModeKey);
    };
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const { editor, sectionId } = open;
    const count = () => countWords(editor.state.doc.textBetween(0, editor.state.doc.content.size, ' '));
    const entry = counts.get(sectionId) ?? { start: count(), now: 0 };
    entry.now = count();
    counts.set(sectionId, entry);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        entry.now = count();
        setTick((n) => n + 1);
      }, COUNT_MS);
    };
    editor.on('update', onUpdate);
    return () => {
      editor.off('update', onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [open, counts]);

  let written = 0;
  for (const { start, now } of counts.values()) written += now - start;

  return (
    <div className="focus-bar" role="toolbar" aria-label="Focus mode">
      <span className="focus-words" data-testid="focus-words" aria-live="polite">
        {written >= 0 ? '+' : '−'}
        {formatCount(Math.abs(written))} {Math.abs(written) === 1 ? 'word' : 'words'} this session
      </span>
      <label>
        Measure{' '}
        <select
          value={measure}
          onChange={(event) => {
            const chosen = event.target.value as Measure;
            window.localStorage.setItem(MEASURE_KEY, chosen);
            onMeasure(chosen);
          }}
        >
          <option value="narrow">Narrow</option>
          <option value="medium">Medium</option>
          <option value="wide">Wide</option>
          <option value="full">Full width</option>
        </select>
      </label>
      <button type="button" className="link-button" onClick={onLeave} aria-keyshortcuts="Escape">
        Leave focus (Esc)
      </button>
    </div>
  );
}
