/** Generational suffixes that are not the surname ("Ada Quill Jr." is Quill). */
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/**
 * The surname for a manuscript's running header: the last word of a name, skipping a trailing
 * "Jr." or "III" and any comma before it. Falls back to the whole trimmed name.
 */
export function docxSurname(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  while (words.length > 1 && SUFFIX.test(words[words.length - 1])) words.pop();
  return (words[words.length - 1] ?? '').replace(/,$/, '');
}
