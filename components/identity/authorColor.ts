import { WRITER_COLORS } from '@model/identity/writerColors';

/**
 * The colour a writer's suggestions are drawn in, the same in every browser: picked from the
 * caret palette by their user id, so that it needs no lookup of who wrote a suggestion.
 */
export function authorColor(authorId: string | null): string {
  if (!authorId) return '#57534e';
  let hash = 0;
  for (const char of authorId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return WRITER_COLORS[hash % WRITER_COLORS.length];
}
