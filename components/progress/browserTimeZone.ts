import { isTimeZone } from '@model/progress/calendarDays';

/** The browser's own time zone ("Europe/Paris"), so days start at the writer's midnight; UTC if it cannot tell. */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isTimeZone(zone) ? zone : 'UTC';
}
