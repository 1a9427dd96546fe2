import type { DayKey } from '@model/progress/calendarDays';

/** A day as a writer reads it ("3 Dec"; with the year, "3 Dec 2026"), in the browser's language. */
export function dayLabel(day: DayKey, withYear = false): string {
  // Noon UTC of that day, read in UTC: the same calendar day in every language and zone.
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' });
}
