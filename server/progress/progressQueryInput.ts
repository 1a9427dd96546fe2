import { HttpError } from '../http/HttpError';
import { canonicalTimeZone } from '@model/progress/calendarDays';
import { PROGRESS_RANGES } from '@model/api/progressListing';

/** The range and time zone (canonical name) of a progress request (`?days=30&timeZone=Europe/Paris`), checked: 400 for anything else. */
export function progressQueryFromParams(params: URLSearchParams): { days: number; timeZone: string } {
  const days = Number(params.get('days') ?? PROGRESS_RANGES[0]);
  if (!(PROGRESS_RANGES as readonly number[]).includes(days)) throw new HttpError(400, `The range is ${PROGRESS_RANGES.join(' or ')} days.`);
  const timeZone = canonicalTimeZone(params.get('timeZone') ?? 'UTC');
  if (!timeZone) throw new HttpError(400, 'That is not a time zone this server knows (for example Europe/Paris).');
  return { days, timeZone };
}
