import type * as Y from 'yjs';
import { metaMap } from './manuscriptLayout';

/** The language a book is in until someone says otherwise. */
export const DEFAULT_LANGUAGE = 'en';

/**
 * The languages offered when creating a book and in its settings (BCP 47 tags). Any valid tag is
 * accepted from an import or the API; these are the ones the menus list.
 */
export const BOOK_LANGUAGES: readonly string[] = [
  'en', 'en-GB', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'nb', 'fi', 'is', 'pl', 'cs', 'sk', 'hu', 'ro', 'hr', 'sl',
  'el', 'ru', 'uk', 'bg', 'tr', 'he', 'ar', 'hi', 'th', 'zh', 'ja', 'ko', 'id', 'ca', 'eu', 'ga', 'cy', 'la',
];

/**
 * A language tag in its canonical form ("en-gb" → "en-GB"), or undefined for anything that is not
 * a well-formed BCP 47 tag (what a file or a request may claim is checked, not trusted: it ends
 * up in EPUB and HTML metadata).
 */
export function languageTag(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 35) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(value.trim().replace(/_/g, '-'));
    return canonical;
  } catch {
    return undefined;
  }
}

/** The book's language as its book document holds it (stored in `meta`, beside the title). */
export function readLanguage(book: Y.Doc): string {
  return languageTag(metaMap(book).get('language')) ?? DEFAULT_LANGUAGE;
}

/** The language's own name in the writer's language, "German (de)" style, for menus. */
export function languageName(tag: string, displayLanguage = 'en'): string {
  try {
    const name = new Intl.DisplayNames([displayLanguage], { type: 'language' }).of(tag);
    return name && name !== tag ? name : tag;
  } catch {
    return tag;
  }
}
