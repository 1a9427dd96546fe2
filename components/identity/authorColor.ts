import { WRITER_COLORS } from './writerColor';

/**
 * The colour a writer's suggestions are drawn in, the same in every browser: picked from the
 * caret palette by their user id (the caret colour itself is each writer's own choice, kept in
 * their browser, so it cannot be known for someone who is not here).
 */
export function authorColor(authorId: string | null): string {
  if (!authorId) return '#57534e';
  let hash = 0;
  for (const char of authorId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return WRITER_COLORS[hash % WRITER_COLORS.length];
}
