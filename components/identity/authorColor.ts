import { WRITER_COLORS } from '@model/identity/writerColors';

/**
 * The colour a writer's suggestions are drawn in: their account's caret colour when the room
 * knows it (`colors`, from the members list), else one picked from the caret palette by their
 * user id, the same in every browser, until the members list has arrived.
 */
export function authorColor(authorId: string | null, colors?: ReadonlyMap<string, string>): string {
  if (!authorId) return '#57534e';
  const own = colors?.get(authorId);
  if (own) return own;
  let hash = 0;
  for (const char of authorId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return WRITER_COLORS[hash % WRITER_COLORS.length];
}
