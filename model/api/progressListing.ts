import type { DayKey } from '../progress/calendarDays';
import type { WriterProgress } from '../progress/dailyProgress';

/** The ranges the Progress view offers, in days. */
export const PROGRESS_RANGES = [30, 90] as const;

/** One co-writer's progress, with the name and colour the view draws them in. */
export interface WriterProgressListing extends WriterProgress {
  name: string;
  color: string;
}

/** What `GET /api/manuscripts/:id/progress` answers (see model/progress/dailyProgress.ts). */
export interface ProgressListing {
  /** The time zone the days were read in (the writer's browser's). */
  timeZone: string;
  days: DayKey[];
  writers: WriterProgressListing[];
  /** The book's words at the end of each day; null before anything was recorded. */
  bookWords: Array<number | null>;
  /** Days in a row on which anyone wrote. */
  streak: number;
  /** When the count was made: it covers everything stored until then. */
  countedAt: string;
}
