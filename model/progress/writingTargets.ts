import type * as Y from 'yjs';
import { daysBetween, isDayKey, type DayKey } from './calendarDays';

/** The book's word target, with an optional day to reach it by ("YYYY-MM-DD"). */
export interface BookTarget {
  words: number;
  deadline: DayKey | null;
}

/** The largest target accepted: far beyond any book, small enough to stay an exact integer everywhere. */
export const MAX_TARGET_WORDS = 10_000_000;

const BOOK_KEY = 'book';
const SECTION_PREFIX = 'section:';

/**
 * The book's targets, in the book document so that every co-writer sees a change at once and the
 * sync server's roles apply (owners and editors set them; commenters and viewers read them): the
 * book's under "book", each section's under "section:<id>". Restoring a revision leaves them alone.
 */
export function targetsMap(book: Y.Doc): Y.Map<unknown> {
  return book.getMap('targets');
}

/** Digits, or digits grouped in threes by a thousands separator as writers type them ("90,000", "90 000", "90.000"). */
const TYPED_COUNT = /^(\d+|\d{1,3}([,.'’ \u00a0\u202f]\d{3})+)$/;

/** A word target as typed or stored: a whole number from 1 to {@link MAX_TARGET_WORDS}, or undefined. */
export function targetWords(value: unknown): number | undefined {
  const typed = typeof value === 'string' ? value.trim() : null;
  const words = typed === null ? value : TYPED_COUNT.test(typed) ? Number(typed.replace(/\D/g, '')) : undefined;
  return typeof words === 'number' && Number.isInteger(words) && words >= 1 && words <= MAX_TARGET_WORDS ? words : undefined;
}

/** The book's target, if one is set (anything malformed a client wrote reads as none). */
export function readBookTarget(book: Y.Doc): BookTarget | null {
  const stored = targetsMap(book).get(BOOK_KEY) as { words?: unknown; deadline?: unknown } | undefined;
  const words = targetWords(stored?.words);
  if (!stored || words === undefined) return null;
  return { words, deadline: isDayKey(stored.deadline) ? stored.deadline : null };
}

/** Sets the book's target, or clears it (null). */
export function setBookTarget(book: Y.Doc, target: BookTarget | null): void {
  if (target === null) targetsMap(book).delete(BOOK_KEY);
  else targetsMap(book).set(BOOK_KEY, { words: target.words, deadline: target.deadline });
}

/** A section's word target, if one is set. */
export function readSectionTarget(book: Y.Doc, sectionId: string): number | null {
  return targetWords(targetsMap(book).get(SECTION_PREFIX + sectionId)) ?? null;
}

/** Sets a section's word target, or clears it (null). */
export function setSectionTarget(book: Y.Doc, sectionId: string, words: number | null): void {
  if (words === null) targetsMap(book).delete(SECTION_PREFIX + sectionId);
  else targetsMap(book).set(SECTION_PREFIX + sectionId, words);
}

/** Where the book stands against a target with a deadline. */
export interface DeadlinePace {
  /** Words still to write (0 once reached). */
  remaining: number;
  /** Days left, today included (0 once the deadline has passed). */
  daysLeft: number;
  /** Words a day from today to reach the target on the deadline; null once the deadline has passed. */
  perDay: number | null;
}

/**
 * The pace a deadline asks for: the words still missing spread over the days left, today and the
 * deadline both counted (a deadline of today leaves one day).
 */
export function deadlinePace(currentWords: number, target: BookTarget & { deadline: DayKey }, today: DayKey): DeadlinePace {
  const remaining = Math.max(0, target.words - currentWords);
  const daysLeft = Math.max(0, daysBetween(today, target.deadline) + 1);
  return { remaining, daysLeft, perDay: daysLeft === 0 ? null : Math.ceil(remaining / daysLeft) };
}
