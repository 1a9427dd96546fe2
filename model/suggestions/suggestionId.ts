/**
 * A suggestion's id says who made it and when: `<authorId>|<time, base 36 ms>|<random>`. Kept in
 * the mark itself, it travels with the text through Yjs, so every co-writer can show the author
 * and the sync server can check that a commenter touches only suggestions of their own.
 */
const SEPARATOR = '|';

/** A fresh id for a suggestion by `authorId`, made at `at` (ms since the epoch). */
export function newSuggestionId(authorId: string, at: number = Date.now()): string {
  const random = Math.floor(Math.random() * 36 ** 5).toString(36);
  return [authorId, at.toString(36), random].join(SEPARATOR);
}

/** The author of a suggestion id, or null when the id is not one of Quire's. */
export function suggestionAuthor(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  const parts = id.split(SEPARATOR);
  return parts.length === 3 && parts[0] ? parts[0] : null;
}

/** When a suggestion was made, or null when the id is not one of Quire's. */
export function suggestionTime(id: unknown): Date | null {
  if (typeof id !== 'string') return null;
  const parts = id.split(SEPARATOR);
  if (parts.length !== 3) return null;
  const ms = parseInt(parts[1], 36);
  return Number.isFinite(ms) ? new Date(ms) : null;
}

/** Authors of suggestions brought in from a Word document are named, not members: `word:<name>`. */
const WORD_PREFIX = 'word:';

/** A suggestion id for a tracked change made in Word by `authorName` at `at`. */
export function wordSuggestionId(authorName: string, at: number): string {
  return newSuggestionId(`${WORD_PREFIX}${authorName.replaceAll(SEPARATOR, '/').slice(0, 80)}`, at);
}

/** The Word author's name when a suggestion came from a Word document, else null. */
export function wordAuthorName(authorId: string | null): string | null {
  return authorId?.startsWith(WORD_PREFIX) ? authorId.slice(WORD_PREFIX.length) : null;
}
