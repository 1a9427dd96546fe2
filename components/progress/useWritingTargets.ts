'use client';

import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readBookTarget, readSectionTarget, targetsMap, type BookTarget } from '@model/progress/writingTargets';

/** The book's targets as its book document holds them, following every co-writer's change. */
export interface WritingTargets {
  book: BookTarget | null;
  /** A section's target, if it has one. */
  section: (sectionId: string) => number | null;
}

/** The book's and the sections' word targets, live from the book document. */
export function useWritingTargets(book: Y.Doc | null): WritingTargets {
  const [, setVersion] = useState(0);
  useEffect(() => {
    if (!book) return;
    const map = targetsMap(book);
    const changed = () => setVersion((v) => v + 1);
    map.observe(changed);
    return () => map.unobserve(changed);
  }, [book]);
  return {
    book: book ? readBookTarget(book) : null,
    section: (sectionId) => (book ? readSectionTarget(book, sectionId) : null),
  };
}
