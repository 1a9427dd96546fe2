'use client';

import { useEffect, useState } from 'react';
import type { BookSearchListing } from '@model/api/bookSearchListing';
import type { SearchQuery } from '@model/search/searchQuery';

/** How often open results are asked for again, so co-writers' typing shows in them (ms). */
const REFRESH_MS = 2000;
/** How long typing in the search box settles before the book is searched (ms). */
const SETTLE_MS = 200;

/** The URL of a book search. */
export function searchUrl(manuscriptId: string, query: SearchQuery): string {
  const params = new URLSearchParams({ q: query.text });
  if (query.matchCase) params.set('case', '1');
  if (query.wholeWords) params.set('words', '1');
  if (query.regex) params.set('regex', '1');
  if (query.includeSuggestions) params.set('suggestions', '1');
  return `/api/manuscripts/${manuscriptId}/search?${params}`;
}

/**
 * The book's matches for `query`, searched by the server over every section and asked for again
 * every two seconds while shown (results follow co-writers' typing, a storage window behind).
 * `error` is the server's message for a query it cannot search (an invalid expression).
 * `refresh()` asks at once (after a replace).
 */
export function useBookSearch(manuscriptId: string, query: SearchQuery): { listing: BookSearchListing | null; error: string | null; searching: boolean; refresh: () => void } {
  const [state, setState] = useState<{ key: string; listing: BookSearchListing | null; error: string | null }>({ key: '', listing: null, error: null });
  const [round, setRound] = useState(0);
  const url = query.text ? searchUrl(manuscriptId, query) : null;

  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const ask = async () => {
      // A hidden tab does not ask; it asks again once shown.
      if (document.hidden) {
        timer = setTimeout(() => void ask(), REFRESH_MS);
        return;
      }
      try {
        const response = await fetch(url, { signal: controller.signal, cache: 'no-store' });
        const body = (await response.json().catch(() => ({}))) as BookSearchListing & { error?: string };
        if (response.ok) setState({ key: url, listing: body, error: null });
        // 429: the previous search still runs; the next round asks again.
        else if (response.status !== 429) setState({ key: url, listing: null, error: body.error ?? `The search failed (${response.status}).` });
        if (response.status === 400) return; // the query must change first
      } catch {
        if (controller.signal.aborted) return;
        setState((previous) => ({ ...previous, key: url, error: 'The search could not reach the server; trying again.' }));
      }
      timer = setTimeout(() => void ask(), REFRESH_MS);
    };
    timer = setTimeout(() => void ask(), SETTLE_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [url, round]);

  const current = url !== null && state.key === url;
  return {
    listing: current ? state.listing : null,
    error: current ? state.error : null,
    searching: url !== null && !current,
    refresh: () => setRound((r) => r + 1),
  };
}
