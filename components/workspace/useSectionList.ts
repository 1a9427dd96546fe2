'use client';

import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readSectionStats, sectionStatsMap } from '@model/manuscript/bookDocument';
import { listSections, sectionsMap } from '@model/manuscript/manuscriptLayout';
import type { SectionKind } from '@model/manuscript/manuscriptJson';
import { measureSection } from '@model/manuscript/sectionDocument';
import { numberSections } from '@model/manuscript/sectionNumbering';

/** One row of the binder. */
export interface SectionListItem {
  id: string;
  kind: SectionKind;
  /** 1-based number among chapters; 0 for front matter and parts. */
  chapterNumber: number;
  /** 1-based number among parts; 0 for everything else. */
  partNumber: number;
  title: string;
  /** What the binder calls it: the chapter's title or "Chapter 3", "Part Two: Roots", "Dedication". */
  label: string;
  /** Kind and number alone: "Chapter 3", "Part Two", "Dedication". */
  numberLabel: string;
  /** Null until counted (a section added a moment ago, before the server has measured it). */
  words: number | null;
}

/** How often the open section's own count is refreshed while the writer types (ms). */
const LIVE_COUNT_MS = 300;

/**
 * The manuscript's sections in order with their titles and word counts, all read from the book
 * document, which the sync server keeps current: the binder draws a 30-chapter book without
 * opening a chapter. The section on screen (`open`, its own document) is counted here as the
 * writer types, so its count does not wait for the server.
 */
export function useSectionList(book: Y.Doc | null, open?: { id: string; doc: Y.Doc } | null): { sections: SectionListItem[]; totalWords: number } {
  const [state, setState] = useState<{ sections: SectionListItem[]; totalWords: number }>({ sections: [], totalWords: 0 });

  useEffect(() => {
    if (!book) return;
    let live: { title: string; words: number } | null = open ? measureSection(open.doc) : null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const publish = () => {
      timer = null;
      const order = listSections(book);
      const stats = order.map(({ id }) => (open && id === open.id && live ? live : readSectionStats(book, id)));
      const numbering = numberSections(order.map(({ kind }, index) => ({ kind, title: stats[index]?.title ?? '' })));
      let totalWords = 0;
      const sections = order.map(({ id, kind }, index): SectionListItem => {
        const words = stats[index]?.words ?? null;
        totalWords += words ?? 0;
        const { number, numberLabel, label } = numbering[index];
        return {
          id,
          kind,
          chapterNumber: kind === 'chapter' ? number : 0,
          partNumber: kind === 'part' ? number : 0,
          title: stats[index]?.title ?? '',
          label,
          numberLabel,
          words,
        };
      });
      setState({ sections, totalWords });
    };
    const schedule = (delayMs: number) => {
      if (timer === null) timer = setTimeout(publish, delayMs);
    };
    const onBook = () => schedule(0);
    const onOpen = () => {
      if (!open) return;
      live = measureSection(open.doc);
      schedule(LIVE_COUNT_MS);
    };
    sectionsMap(book).observe(onBook);
    sectionStatsMap(book).observe(onBook);
    open?.doc.on('update', onOpen);
    publish();
    return () => {
      if (timer) clearTimeout(timer);
      sectionsMap(book).unobserve(onBook);
      sectionStatsMap(book).unobserve(onBook);
      open?.doc.off('update', onOpen);
    };
  }, [book, open]);

  return state;
}
