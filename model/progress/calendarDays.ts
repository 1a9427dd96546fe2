/** A calendar day as "YYYY-MM-DD", in whichever time zone it was read. */
export type DayKey = string;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Formatters kept for the zones seen most recently: a server meets only a handful of zones. */
const MAX_FORMATTERS = 64;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether `timeZone` is an IANA zone this runtime knows ("Europe/Paris", "UTC"). */
export function isTimeZone(timeZone: unknown): timeZone is string {
  return canonicalTimeZone(timeZone) !== undefined;
}

/**
 * The zone's canonical name ("europe/pARIS" → "Europe/Paris"), or undefined for anything that is
 * not a zone this runtime knows. What a request names is kept only in this form, so that one zone
 * spelt a million ways is still one zone.
 */
export function canonicalTimeZone(timeZone: unknown): string | undefined {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The day `at` falls on in `timeZone`: a writer's evening counts on their own day, not London's. */
export function dayKey(at: Date, timeZone: string): DayKey {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    if (formatters.size >= MAX_FORMATTERS) formatters.delete(formatters.keys().next().value!);
    formatters.set(timeZone, format);
  }
  return format.format(at);
}

/** The day `offset` days after `day` (before it when negative). */
export function addDays(day: DayKey, offset: number): DayKey {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date) + offset * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DayKey, to: DayKey): number {
  const utc = (day: DayKey) => {
    const [year, month, date] = day.split('-').map(Number);
    return Date.UTC(year, month - 1, date);
  };
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** The `count` days ending with `lastDay`, oldest first. */
export function daysEndingOn(lastDay: DayKey, count: number): DayKey[] {
  return Array.from({ length: count }, (_, index) => addDays(lastDay, index - count + 1));
}

/** Whether `value` is a real calendar day written "YYYY-MM-DD" (no 2027-02-30). */
export function isDayKey(value: unknown): value is DayKey {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;
}
