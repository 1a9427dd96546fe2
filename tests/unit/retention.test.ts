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
