import { test } from 'node:test';
import assert from 'node:assert/strict';
import { revisionsToPrune, type RetainedRevision } from '../../server/revisions/retention';

const now = new Date('2026-11-21T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

test('retention keeps every revision for 2 days, the newest per hour to 30 days, the newest per day after, and every named one', () => {
  const revisions: RetainedRevision[] = [
    // Within 2 days: all kept, even minutes apart.
    { id: 'recent-1', kind: 'auto', createdAt: ago(5 * MIN) },
    { id: 'recent-2', kind: 'auto', createdAt: ago(7 * MIN) },
    { id: 'recent-3', kind: 'auto', createdAt: ago(47 * HOUR) },
    // Three in one hour, 5 days ago: only the newest stays.
    { id: 'hour-newest', kind: 'auto', createdAt: new Date(Date.UTC(2026, 10, 16, 10, 50)) },
    { id: 'hour-middle', kind: 'restore', createdAt: new Date(Date.UTC(2026, 10, 16, 10, 30)) },
    { id: 'hour-oldest', kind: 'auto', createdAt: new Date(Date.UTC(2026, 10, 16, 10, 5)) },
    { id: 'next-hour', kind: 'auto', createdAt: new Date(Date.UTC(2026, 10, 16, 11, 5)) },
    // A named revision in the same hour is kept regardless.
    { id: 'named-in-hour', kind: 'named', createdAt: new Date(Date.UTC(2026, 10, 16, 10, 10)) },
    // Two on one day, 40 days ago: the newest stays; a named one from a year ago stays.
    { id: 'day-newest', kind: 'auto', createdAt: new Date(Date.UTC(2026, 9, 12, 20, 0)) },
    { id: 'day-older', kind: 'auto', createdAt: new Date(Date.UTC(2026, 9, 12, 3, 0)) },
    { id: 'named-old', kind: 'named', createdAt: ago(365 * DAY) },
  ];
  assert.deepEqual(revisionsToPrune(revisions, now).sort(), ['day-older', 'hour-middle', 'hour-oldest']);
});

test('nothing is pruned from a young history', () => {
  const revisions = Array.from({ length: 50 }, (_, i) => ({ id: `r${i}`, kind: 'auto', createdAt: ago(i * MIN) }));
  assert.deepEqual(revisionsToPrune(revisions, now), []);
});

test('the tiers end where the policy says: all kept to 2 days, hourly to 30 days, daily beyond', () => {
  // Pairs placed just inside and just outside each edge; the times are far from bucket borders.
  const hour = (daysAgo: number, minute: number) => new Date(Date.UTC(2026, 10, 21 - daysAgo, 9, minute));
  const revisions: RetainedRevision[] = [
    // 1.5 days old, same hour: both kept (everything is kept for 2 days).
    { id: 'day1-a', kind: 'auto', createdAt: ago(35 * HOUR + 20 * MIN) },
    { id: 'day1-b', kind: 'auto', createdAt: ago(35 * HOUR + 40 * MIN) },
    // 2.5 days old, same hour: the older goes.
    { id: 'day2-a', kind: 'auto', createdAt: ago(59 * HOUR + 20 * MIN) },
    { id: 'day2-b', kind: 'auto', createdAt: ago(59 * HOUR + 40 * MIN) },
    // 20 days old, the same day but different hours: both kept (one an hour for 30 days).
    { id: 'day20-a', kind: 'auto', createdAt: hour(20, 10) },
    { id: 'day20-b', kind: 'auto', createdAt: new Date(hour(20, 10).getTime() - 3 * HOUR) },
    // 29 days old, different hours: both kept still.
    { id: 'day29-a', kind: 'auto', createdAt: hour(29, 10) },
    { id: 'day29-b', kind: 'auto', createdAt: new Date(hour(29, 10).getTime() - 3 * HOUR) },
    // 31 days old, the same day, different hours: the older goes (one a day).
    { id: 'day31-a', kind: 'auto', createdAt: hour(31, 10) },
    { id: 'day31-b', kind: 'auto', createdAt: new Date(hour(31, 10).getTime() - 3 * HOUR) },
  ];
  assert.deepEqual(revisionsToPrune(revisions, now).sort(), ['day2-b', 'day31-b']);
});
