'use client';

import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { metaMap } from '@model/manuscript/manuscriptLayout';
import { readLanguage } from '@model/manuscript/bookLanguage';
import { LanguageSelect } from '../language/LanguageSelect';

/** The book's language as its book document holds it, kept current as co-writers change it. */
export function useBookLanguage(book: Y.Doc | undefined): string {
  const [language, setLanguage] = useState(() => (book ? readLanguage(book) : 'en'));
  useEffect(() => {
    if (!book) return;
    const read = () => setLanguage(readLanguage(book));
    read();
    metaMap(book).observe(read);
    return () => metaMap(book).unobserve(read);
  }, [book]);
  return language;
}

/**
 * The book's language, shared with co-writers like the title: what the editor's spelling check,
 * the exports' metadata, hyphenation and quotation marks go by. Writers change it; others read it.
 */
export function BookLanguage({ book, readOnly }: { book: Y.Doc; readOnly: boolean }) {
  const language = useBookLanguage(book);
  return (
    <span className="book-language">
      <label htmlFor="book-language" className="visually-hidden">
        Book language
      </label>
      <LanguageSelect id="book-language" value={language} disabled={readOnly} onChange={(tag) => metaMap(book).set('language', tag)} />
    </span>
  );
}
