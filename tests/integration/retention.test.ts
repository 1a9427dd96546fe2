import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { revisionCreator } from '../../server/revisions/revisionCreator';
import { revisionPruner } from '../../server/revisions/revisionPruner';
import { listRevisions } from '../../server/revisions/listRevisions';
import { compareRevisions } from '../../server/revisions/compareRevisions';
import { historyDocFromStored } from '../../server/revisions/historyDoc';
import { PrismaDocumentStore } from '../../server/persistence/PrismaDocumentStore';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { fileScope } from '../support/testScope';
import { createOwnedManuscript } from '../support/members';
import { firstChapterId, firstParagraphText } from '../support/chapterText';
import { MAIN_DOCUMENT } from '../../server/persistence/DocumentStore';

let database: TempDatabase;
before(async (t) => {
  database = await createTempDatabase(fileScope(t));
});

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

test('pruning a 40-day history keeps every revision of the last 2 days, one an hour to 30 days, one a day beyond, and every named one; kept revisions stay exact', async () => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Seeded history');
  const store = new PrismaDocumentStore(database.prisma);
  const doc = historyDocFromStored((await store.load(id, MAIN_DOCUMENT))!);
  const now = new Date('2026-11-21T12:00:00Z');
  // A revision every 2 hours, on the hour, from 40 days ago (tick k is 960 - 2k hours old), and
  // once a day (k % 12 == 6) two more in the same hour, 20 and 40 minutes after the tick.
  const times: Date[] = [];
  for (let k = 0; k <= 480; k++) {
    const tick = now.getTime() - 40 * DAY + k * 2 * HOUR;
    times.push(new Date(tick));
    if (k % 12 === 6) times.push(new Date(tick + 20 * MINUTE), new Date(tick + 40 * MINUTE));
  }
  const NAMED = 10;
  for (const [index, at] of times.entries()) {
    const before = Y.encodeStateVector(doc);
    // Looked up after `before`: the first call creates the text node, which must reach the log too.
    const text = firstParagraphText(doc, firstChapterId(doc));
    if (index % 2 === 1 && text.length > 0) text.delete(0, text.toString().indexOf(' ') + 1);
    text.insert(text.length, `w${index} `);
    await store.append(id, MAIN_DOCUMENT, [{ update: Y.encodeStateAsUpdateV2(doc, before), userId: owner.userId }]);
    await revisionCreator(database.prisma, id, doc, { kind: index === NAMED ? 'named' : 'auto', name: index === NAMED ? 'Milestone' : undefined, at });
  }
  assert.equal(times.length, 481 + 2 * 40);
  const newest = await listRevisions(database.prisma, id);
  const compareBefore = await compareRevisions(database.prisma, id, newest[5].id, 'now');

  const pruned = await revisionPruner(database.prisma, id, now);
  const kept = await listRevisions(database.prisma, id);
  // Counted by hand from the schedule, not by the policy's own code:
  // - up to 2 days (k = 456…480): all 25 ticks and the extras of k = 462 and 474: 29;
  // - over 2 days up to 30 (k = 120…455): one per clock hour, the 336 ticks' hours (the 28 days'
  //   extras share their tick's hour, so each such hour keeps only its newest, the +40 minutes);
  // - over 30 days (k = 0…119, 12 Oct 12:00 to 22 Oct 10:00): one per day, 11 days, and the named one.
  const ages = kept.map((r) => now.getTime() - new Date(r.createdAt).getTime());
  assert.equal(ages.filter((a) => a <= 2 * DAY).length, 29);
  assert.equal(ages.filter((a) => a > 2 * DAY && a <= 30 * DAY).length, 336);
  assert.equal(ages.filter((a) => a > 30 * DAY).length, 12);
  assert.equal(pruned, times.length - 377);
  assert.equal(kept.length, 377);
  // In the hourly tier an hour with three revisions keeps the newest of them.
  const hourWithExtras = now.getTime() - 40 * DAY + 126 * 2 * HOUR;
  assert.deepEqual(
    kept.map((r) => new Date(r.createdAt).getTime()).filter((t) => t >= hourWithExtras && t < hourWithExtras + HOUR),
    [hourWithExtras + 40 * MINUTE],
  );
  assert.ok(kept.some((r) => r.name === 'Milestone'), 'the named revision is kept');
  // Deletions folded forward: the same revision still rebuilds to the same text.
  assert.deepEqual(await compareRevisions(database.prisma, id, newest[5].id, 'now'), compareBefore);
  // Authors folded forward: every word added is still credited to someone.
  const credited = kept.reduce((sum, r) => sum + r.summary.authors.reduce((s, a) => s + a.added, 0), 0);
  assert.equal(credited, times.length);
});
