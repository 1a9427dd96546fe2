'use client';

import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { countWords } from '@model/manuscript/countWords';
import { fragmentText } from '@model/manuscript/fragmentText';
import { listSections, sectionFragment, sectionsMap } from '@model/manuscript/manuscriptLayout';
import type { SectionKind } from '@model/manuscript/manuscriptJson';
import { numberSections } from '@model/manuscript/sectionNumbering';
import { readChapterTitle } from '@model/manuscript/sectionTitle';

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
  /** Null until counted: counting a long book waits until its first section is on screen. */
  words: number | null;
}

/**
 * The manuscript's sections in order with live titles and word counts. Each section's fragment
 * is observed on its own, so typing in one chapter recounts only that chapter, batched to at
 * most a few times a second.
 */
export function useSectionList(doc: Y.Doc | null): { sections: SectionListItem[]; totalWords: number } {
  const [state, setState] = useState<{ sections: SectionListItem[]; totalWords: number }>({ sections: [], totalWords: 0 });

  useEffect(() => {
    if (!doc) return;
    const counts = new Map<string, { words: number | null; title: string }>();
    const observers = new Map<string, () => void>();
    const dirty = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | null = null;

    const measure = (id: string) => {
      counts.set(id, { words: countWords(fragmentText(sectionFragment(doc, id))), title: readChapterTitle(doc, id) });
    };
    let unmeasured = false;
    const publish = () => {
      timer = null;
      for (const id of dirty) measure(id);
      dirty.clear();
      let totalWords = 0;
      unmeasured = false;
      const order = listSections(doc);
      for (const { id } of order) {
        // New sections get their title now and their count on the next pass, after the editor shows.
        if (!counts.has(id)) {
          counts.set(id, { words: null, title: readChapterTitle(doc, id) });
          dirty.add(id);
          unmeasured = true;
        }
      }
      const numbering = numberSections(order.map(({ id, kind }) => ({ kind, title: counts.get(id)!.title })));
      const sections = order.map(({ id, kind }, index) => {
        const { words, title } = counts.get(id)!;
        const { number, numberLabel, label } = numbering[index];
        totalWords += words ?? 0;
        return { id, kind, chapterNumber: kind === 'chapter' ? number : 0, partNumber: kind === 'part' ? number : 0, title, label, numberLabel, words };
      });
      setState({ sections, totalWords });
      if (unmeasured) schedule(50);
    };
    const schedule = (delayMs: number) => {
      if (timer === null) timer = setTimeout(publish, delayMs);
    };
    const syncObservers = () => {
      const present = new Set(sectionsMap(doc).keys());
      for (const id of present) {
        if (observers.has(id)) continue;
        const fragment = sectionFragment(doc, id);
        const observer = () => {
          dirty.add(id);
          schedule(400);
        };
        fragment.observeDeep(observer);
        observers.set(id, () => fragment.unobserveDeep(observer));
      }
      for (const [id, stop] of observers) {
        if (!present.has(id)) {
          stop();
          observers.delete(id);
          counts.delete(id);
        }
      }
    };
    const onStructure = () => {
      syncObservers();
      schedule(0);
    };

    sectionsMap(doc).observe(onStructure);
    onStructure();
    return () => {
      if (timer) clearTimeout(timer);
      sectionsMap(doc).unobserve(onStructure);
      for (const stop of observers.values()) stop();
    };
  }, [doc]);

  return state;
}
