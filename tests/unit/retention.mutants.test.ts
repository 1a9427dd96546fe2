// Retention's order and edges: written to kill the mutants `npm run test:mutation` found
// surviving in revisionsToPrune (the newest of a bucket is kept whatever the input order; the
// 2-day and 30-day edges belong to the younger tier; the caller's list is not reordered).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { revisionsToPrune, type RetainedRevision } from '../../server/revisions/retention';

const now = new Date('2026-11-21T12:00:00Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso);

test('the newest of an hour is kept even when the list comes oldest first, and the list is left as given', () => {
  const revisions: RetainedRevision[] = [
    { id: 'oldest', kind: 'auto', createdAt: at('2026-11-16T10:05:00Z') },
    { id: 'middle', kind: 'auto', createdAt: at('2026-11-16T10:30:00Z') },
    { id: 'newest', kind: 'auto', createdAt: at('2026-11-16T10:50:00Z') },
  ];
  const given = revisions.map((r) => r.id);
  assert.deepEqual(revisionsToPrune(revisions, now).sort(), ['middle', 'oldest']);
  assert.deepEqual(revisions.map((r) => r.id), given);
});

test('exactly 2 days old is still kept whatever its hour; exactly 30 days old is still sorted by the hour', () => {
  // Half past the hour, so the edge and a minute before it fall in one hour.
  const halfPast = new Date('2026-11-21T12:30:00Z');
  const twoDays: RetainedRevision[] = [
    { id: 'edge', kind: 'auto', createdAt: new Date(halfPast.getTime() - 2 * DAY) },
    { id: 'older-same-hour', kind: 'auto', createdAt: new Date(halfPast.getTime() - 2 * DAY - 60_000) },
  ];
  assert.deepEqual(revisionsToPrune(twoDays, halfPast), []);
  const thirtyDays: RetainedRevision[] = [
    { id: 'edge', kind: 'auto', createdAt: new Date(now.getTime() - 30 * DAY) },
    { id: 'same-day-earlier-hour', kind: 'auto', createdAt: new Date(now.getTime() - 30 * DAY - 2 * HOUR) },
  ];
  assert.deepEqual(revisionsToPrune(thirtyDays, now), []);
});
