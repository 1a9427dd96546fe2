'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ThreadListing } from '@model/api/threadListing';

/** How often the threads are read again while the writing room is open (ms): co-writers' replies show within it. */
const REFRESH_MS = 4000;

/** The manuscript's comment threads, read from the app and kept fresh. */
export interface Threads {
  threads: ThreadListing[];
  /** Notifications on the reader's threads not yet seen. */
  unread: number;
  /** False until the first answer. */
  loaded: boolean;
  error: string | null;
  /** Reads them again now (after a change of one's own, or when an unknown thread's mark shows up). */
  refresh: () => Promise<void>;
}

/**
 * Reads the manuscript's comment threads once `enabled` (after the open section is ready, so the
 * first read never competes with opening the book), then every few seconds while the page is
 * visible.
 */
export function useThreads(manuscriptId: string, enabled: boolean): Threads {
  const [threads, setThreads] = useState<ThreadListing[]>([]);
  const [unread, setUnread] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  // The last answer's text: an unchanged answer (most refreshes) changes no state, so nothing
  // re-renders and the editor's highlights are not redrawn under the writer's typing.
  const lastAnswer = useRef<string | null>(null);

  const refresh = useCallback(() => {
    inFlight.current ??= (async () => {
      try {
        const response = await fetch(`/api/manuscripts/${manuscriptId}/threads`, { cache: 'no-store' });
        if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as { error?: string }).error ?? `The comments could not be read (${response.status}).`);
        const text = await response.text();
        if (text !== lastAnswer.current) {
          const body = JSON.parse(text) as { threads: ThreadListing[]; unreadNotifications: number };
          lastAnswer.current = text;
          setThreads(body.threads);
          setUnread(body.unreadNotifications);
        }
        setLoaded(true);
        setError(null);
      } catch (caught) {
        setError(caught instanceof Error && caught.message !== 'Failed to fetch' ? caught.message : 'The comments could not be read: the app is unreachable.');
      } finally {
        inFlight.current = null;
      }
    })();
    return inFlight.current;
  }, [manuscriptId]);

  useEffect(() => {
    if (!enabled) return;
    void refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [enabled, refresh]);

  return { threads, unread, loaded, error, refresh };
}
