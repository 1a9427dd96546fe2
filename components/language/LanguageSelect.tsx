'use client';

import { BOOK_LANGUAGES, languageName } from '@model/manuscript/bookLanguage';

interface LanguageSelectProps {
  id: string;
  value: string;
  onChange: (tag: string) => void;
  disabled?: boolean;
  className?: string;
}

/**
 * A menu of book languages, each named in English with its tag ("German (de)"). A tag that is
 * not in the usual list (an imported book's "gsw", say) is offered too, so it is never lost.
 */
export function LanguageSelect({ id, value, onChange, disabled, className }: LanguageSelectProps) {
  const tags = BOOK_LANGUAGES.includes(value) ? BOOK_LANGUAGES : [value, ...BOOK_LANGUAGES];
  return (
    <select id={id} className={className} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
      {tags.map((tag) => (
        <option key={tag} value={tag}>
          {languageName(tag)} ({tag})
        </option>
      ))}
    </select>
  );
}

/** The browser's language if it is one of the usual book languages (its primary tag if not), else English. */
export function browserBookLanguage(): string {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  for (const tag of preferred) {
    if (BOOK_LANGUAGES.includes(tag)) return tag;
    const primary = tag.split('-')[0];
    if (BOOK_LANGUAGES.includes(primary)) return primary;
  }
  return 'en';
}
