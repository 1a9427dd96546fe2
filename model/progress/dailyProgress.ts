import { addDays, dayKey, daysEndingOn, type DayKey } from './calendarDays';

/**
 * One step of the attributed history: a revision's time, the book's words after it, and who
 * added and removed how many words since the step before (see model/revisions/revisionSummary.ts).
 */
export interface AttributedChange {
  at: Date;
  bookWords: number;
  authors: Array<{ userId: string | null; added: number; removed: number }>;
}

/** Words one writer added and removed on one day. */
export interface DayTally {
  added: number;
  removed: number;
}

/** One writer's days in the range, their totals over it, and their current streak. */
export interface WriterProgress {
  userId: string;
  /** One entry per day of the range, oldest first. */
  perDay: DayTally[];
  added: number;
  removed: number;
  /** Days in a row, up to today, on which they added words (a streak still counts today until it is over). */
  streak: number;
}

/** Words written per day per writer, and the book's size at the end of each day. */
export interface DailyProgress {
  days: DayKey[];
  writers: WriterProgress[];
  /** The book's words at the end of each day; null before anything was recorded. */
  bookWords: Array<number | null>;
  /** Days in a row on which anyone added words. */
  streak: number;
}

/**
 * Daily progress over the `days` days ending today in `timeZone`, from the attributed history
 * (oldest first or not). Each change counts on the day it was recorded in the writer's time zone;
 * words with no author (imported text) count toward the book's size but not as anyone's writing.
 * Streaks look at every change given, not only those in the range.
 */
export function dailyProgress(changes: AttributedChange[], options: { days: number; timeZone: string; now: Date }): DailyProgress {
  const today = dayKey(options.now, options.timeZone);
  const days = daysEndingOn(today, options.days);
  const index = new Map(days.map((day, i) => [day, i]));
  const ordered = [...changes].sort((a, b) => a.at.getTime() - b.at.getTime());
  const writers = new Map<string, WriterProgress>();
  const writingDays = new Map<string, Set<DayKey>>();
  const anyoneWrote = new Set<DayKey>();
  const bookWords: Array<number | null> = days.map(() => null);
  let lastWords: number | null = null;
  let dayCursor = 0;
  const writerOf = (userId: string): WriterProgress => {
    let writer = writers.get(userId);
    if (!writer) {
      writer = { userId, perDay: days.map(() => ({ added: 0, removed: 0 })), added: 0, removed: 0, streak: 0 };
      writers.set(userId, writer);
    }
    return writer;
  };

  for (const change of ordered) {
    const day = dayKey(change.at, options.timeZone);
    // The book's size at the end of each earlier day is what the last change before it left.
    while (dayCursor < days.length && days[dayCursor] < day) bookWords[dayCursor++] = lastWords;
    lastWords = change.bookWords;
    const at = index.get(day);
    for (const { userId, added, removed } of change.authors) {
      if (userId === null) continue;
      if (added > 0) {
        const set = writingDays.get(userId) ?? new Set<DayKey>();
        set.add(day);
        writingDays.set(userId, set);
        anyoneWrote.add(day);
      }
      if (at === undefined) continue;
      const writer = writerOf(userId);
      writer.perDay[at].added += added;
      writer.perDay[at].removed += removed;
      writer.added += added;
      writer.removed += removed;
    }
  }
  while (dayCursor < days.length && days[dayCursor] <= today) bookWords[dayCursor++] = lastWords;

  for (const [userId, set] of writingDays) {
    const streak = streakThrough(set, today);
    if (streak === 0) continue;
    writerOf(userId).streak = streak;
  }
  const list = [...writers.values()].filter((w) => w.added > 0 || w.removed > 0 || w.streak > 0).sort((a, b) => b.added - a.added || a.userId.localeCompare(b.userId));
  return { days, writers: list, bookWords, streak: streakThrough(anyoneWrote, today) };
}

/**
 * Days in a row with writing, counted back from today, or from yesterday when nothing is written
 * yet today (the day is not over: the streak is still alive).
 */
export function streakThrough(writingDays: Set<DayKey>, today: DayKey): number {
  let day = writingDays.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (writingDays.has(day)) {
    streak++;
    day = addDays(day, -1);
  }
  return streak;
}
