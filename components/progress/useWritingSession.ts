'use client';

import { useCallback, useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { targetWords } from '@model/progress/writingTargets';
import { SessionWordCounter } from './SessionWordCounter';

/** Where this browser keeps the writer's session target (one for every book: it is personal). */
const TARGET_KEY = 'quire.sessionTarget';
const sessionKey = (manuscriptId: string) => `quire.session.${manuscriptId}`;

/** The writer's own writing session in this tab: a personal target, and the words they wrote since it started. */
export interface WritingSession {
  /** Words to write this session; null when none is set (nothing is counted then). */
  target: number | null;
  /** Net words this writer wrote since the session started (their own changes only). */
  words: number;
  setTarget: (words: number | null) => void;
  /** Starts a new session: the count goes back to 0. */
  restart: () => void;
}

/**
 * The personal session target, kept in this browser (a writer's own pace is nobody else's
 * business), and the count of the words they write toward it in the open section's editor. The
 * count lives in the tab's session storage, so a reload keeps it and a new tab starts afresh.
 */
export function useWritingSession(manuscriptId: string, open: { editor: Editor; sectionId: string } | null): WritingSession {
  const [target, setTargetState] = useState<number | null>(null);
  const [words, setWords] = useState(0);

  useEffect(() => {
    // Read once mounted: the server has no say in either.
    /* eslint-disable react-hooks/set-state-in-effect */
    setTargetState(targetWords(window.localStorage.getItem(TARGET_KEY)) ?? null);
    setWords(Number(window.sessionStorage.getItem(sessionKey(manuscriptId))) || 0);
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [manuscriptId]);

  useEffect(() => {
    if (!open || target === null || open.editor.isDestroyed) return;
    const counter = new SessionWordCounter(open.editor, (delta) =>
      setWords((before) => {
        const after = before + delta;
        window.sessionStorage.setItem(sessionKey(manuscriptId), String(after));
        return after;
      }),
    );
    return () => counter.destroy();
  }, [open, target, manuscriptId]);

  const setTarget = useCallback((value: number | null) => {
    if (value === null) window.localStorage.removeItem(TARGET_KEY);
    else window.localStorage.setItem(TARGET_KEY, String(value));
    setTargetState(value);
  }, []);
  const restart = useCallback(() => {
    window.sessionStorage.setItem(sessionKey(manuscriptId), '0');
    setWords(0);
  }, [manuscriptId]);
  return { target, words, setTarget, restart };
}
