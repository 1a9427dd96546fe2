import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { dailyProgress, streakThrough, type AttributedChange } from '@model/progress/dailyProgress';
import { addDays, canonicalTimeZone, dayKey, daysBetween, daysEndingOn, isDayKey, isTimeZone } from '@model/progress/calendarDays';
import { deadlinePace, readBookTarget, readSectionTarget, setBookTarget, setSectionTarget, targetWords, targetsMap } from '@model/progress/writingTargets';

const change = (iso: string, bookWords: number, authors: AttributedChange['authors']): AttributedChange => ({ at: new Date(iso), bookWords, authors });

test('days are read in the writer’s time zone: 23:30 in New York is the next day in UTC', () => {
  const late = new Date('2026-12-03T04:30:00Z');
  assert.equal(dayKey(late, 'America/New_York'), '2026-12-02');
  assert.equal(dayKey(late, 'UTC'), '2026-12-03');
  assert.equal(dayKey(late, 'Asia/Tokyo'), '2026-12-03');
  assert.equal(addDays('2027-02-28', 1), '2027-03-01');
  assert.equal(addDays('2028-03-01', -1), '2028-02-29');
  assert.equal(daysBetween('2026-12-30', '2027-01-02'), 3);
  assert.deepEqual(daysEndingOn('2026-12-03', 3), ['2026-12-01', '2026-12-02', '2026-12-03']);
  assert.equal(isDayKey('2027-02-30'), false);
  assert.equal(isDayKey('2027-02-28'), true);
  assert.equal(isTimeZone('Europe/Paris'), true);
  assert.equal(isTimeZone('Mars/Olympus'), false);
  assert.equal(isTimeZone('<script>'), false);
  // One zone however it is spelt, so a request cannot make the server keep a formatter per spelling.
  assert.equal(canonicalTimeZone('europe/pARIS'), 'Europe/Paris');
  assert.equal(canonicalTimeZone('Nowhere/Atlantis'), undefined);
  // Summer time: half past midnight in Paris on the night the clocks go back is still that day.
  assert.equal(dayKey(new Date('2026-10-24T22:30:00Z'), 'Europe/Paris'), '2026-10-25');
  assert.equal(dayKey(new Date('2026-10-25T22:30:00Z'), 'Europe/Paris'), '2026-10-25');
});

test('daily progress credits each writer on the day their words were recorded, and leaves imports out', () => {
  const now = new Date('2026-12-03T15:00:00Z');
  const progress = dailyProgress(
    [
      // Imported text: it grows the book but is nobody's writing.
      change('2026-11-30T09:00:00Z', 5000, [{ userId: null, added: 5000, removed: 0 }]),
      change('2026-12-01T10:00:00Z', 5400, [{ userId: 'lena', added: 400, removed: 0 }]),
      change('2026-12-01T10:10:00Z', 5650, [
        { userId: 'lena', added: 100, removed: 20 },
        { userId: 'omar', added: 170, removed: 0 },
      ]),
      // Late in the evening in New York: still the 2nd there, the 3rd in UTC.
      change('2026-12-03T03:00:00Z', 5750, [{ userId: 'omar', added: 100, removed: 0 }]),
    ],
    { days: 5, timeZone: 'America/New_York', now },
  );
  assert.deepEqual(progress.days, ['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']);
  const lena = progress.writers.find((w) => w.userId === 'lena')!;
  const omar = progress.writers.find((w) => w.userId === 'omar')!;
  assert.deepEqual(lena.perDay[2], { added: 500, removed: 20 });
  assert.equal(lena.added, 500);
  assert.equal(lena.removed, 20);
  assert.deepEqual(omar.perDay.map((d) => d.added), [0, 0, 170, 100, 0]);
  assert.equal(progress.writers.some((w) => w.userId === null), false);
  // Most words first.
  assert.deepEqual(progress.writers.map((w) => w.userId), ['lena', 'omar']);
  // The book's size at the end of each day, carried over days with no change.
  assert.deepEqual(progress.bookWords, [null, 5000, 5650, 5750, 5750]);
  // Omar wrote on the 1st and the 2nd and nothing yet today: his streak is alive at 2. Lena's
  // ended on the 1st. Anyone: the 1st and the 2nd.
  assert.equal(omar.streak, 2);
  assert.equal(lena.streak, 0);
  assert.equal(progress.streak, 2);
});

test('the order changes arrive in does not matter, and changes before the range still set the book’s size', () => {
  const now = new Date('2026-12-03T12:00:00Z');
  const changes = [
    change('2026-12-03T08:00:00Z', 1300, [{ userId: 'a', added: 300, removed: 0 }]),
    change('2026-10-01T08:00:00Z', 1000, [{ userId: 'a', added: 1000, removed: 0 }]),
  ];
  const progress = dailyProgress(changes, { days: 3, timeZone: 'UTC', now });
  assert.deepEqual(progress.bookWords, [1000, 1000, 1300]);
  assert.deepEqual(progress.writers[0].perDay.map((d) => d.added), [0, 0, 300]);
  assert.equal(progress.writers[0].streak, 1);
});

test('a writer who only deleted has no streak but shows what they removed', () => {
  const progress = dailyProgress([change('2026-12-03T08:00:00Z', 900, [{ userId: 'ed', added: 0, removed: 100 }])], { days: 2, timeZone: 'UTC', now: new Date('2026-12-03T09:00:00Z') });
  assert.equal(progress.writers[0].removed, 100);
  assert.equal(progress.writers[0].streak, 0);
  assert.equal(progress.streak, 0);
});

test('a streak counts back from today, or from yesterday while today is still empty', () => {
  const days = new Set(['2026-12-01', '2026-12-02', '2026-11-29']);
  assert.equal(streakThrough(days, '2026-12-03'), 2);
  assert.equal(streakThrough(days, '2026-12-02'), 2);
  assert.equal(streakThrough(days, '2026-12-04'), 0);
  assert.equal(streakThrough(new Set(), '2026-12-04'), 0);
});

test('targets live in the book document; malformed ones read as none', () => {
  const book = new Y.Doc();
  assert.equal(readBookTarget(book), null);
  setBookTarget(book, { words: 90000, deadline: '2027-03-01' });
  assert.deepEqual(readBookTarget(book), { words: 90000, deadline: '2027-03-01' });
  setSectionTarget(book, 'c1', 3000);
  assert.equal(readSectionTarget(book, 'c1'), 3000);
  assert.equal(readSectionTarget(book, 'c2'), null);
  setSectionTarget(book, 'c1', null);
  assert.equal(readSectionTarget(book, 'c1'), null);
  // What a stock client might write.
  targetsMap(book).set('book', { words: -5, deadline: 'soon' });
  targetsMap(book).set('section:c3', 'lots');
  assert.equal(readBookTarget(book), null);
  assert.equal(readSectionTarget(book, 'c3'), null);
  targetsMap(book).set('book', { words: 1000, deadline: '2027-13-01' });
  assert.deepEqual(readBookTarget(book), { words: 1000, deadline: null });
  assert.equal(targetWords('90,000'), 90000);
  assert.equal(targetWords('90 000'), 90000);
  assert.equal(targetWords('0'), undefined);
  assert.equal(targetWords('1.5'), undefined);
  assert.equal(targetWords('1e9'), undefined);
});

test('a deadline asks for the missing words spread over the days left, today and the deadline included', () => {
  assert.deepEqual(deadlinePace(60000, { words: 90000, deadline: '2026-12-12' }, '2026-12-03'), { remaining: 30000, daysLeft: 10, perDay: 3000 });
  assert.deepEqual(deadlinePace(60000, { words: 90000, deadline: '2026-12-03' }, '2026-12-03'), { remaining: 30000, daysLeft: 1, perDay: 30000 });
  assert.deepEqual(deadlinePace(60000, { words: 90000, deadline: '2026-12-02' }, '2026-12-03'), { remaining: 30000, daysLeft: 0, perDay: null });
  assert.deepEqual(deadlinePace(95000, { words: 90000, deadline: '2026-12-12' }, '2026-12-03'), { remaining: 0, daysLeft: 10, perDay: 0 });
  // Rounded up: 10,001 words over 3 days is 3,334 a day.
  assert.equal(deadlinePace(0, { words: 10001, deadline: '2026-12-05' }, '2026-12-03').perDay, 3334);
});
