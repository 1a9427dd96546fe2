import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { revisionCreator } from '../../server/revisions/revisionCreator';
import { revisionPruner } from '../../server/revisions/revisionPruner';
import { revisionsToPrune } from '../../server/revisions/retention';
import { listRevisions } from '../../server/revisions/listRevisions';
import { compareRevisions } from '../../server/revisions/compareRevisions';
import { historyDocFromStored } from '../../server/revisions/historyDoc';
import { PrismaDocumentStore } from '../../server/persistence/PrismaDocumentStore';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { fileScope } from '../support/testScope';
import { createOwnedManuscript } from '../support/members';
import { firstChapterId, firstParagraphText } from '../support/chapterText';

let database: TempDatabase;
before(async (t) => {
  database = await createTempDatabase(fileScope(t));
});

const DAY = 24 * 60 * 60 * 1000;

test('pruning a seeded history keeps exactly what the policy says, and the kept revisions stay exact', async () => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Seeded history');
  const store = new PrismaDocumentStore(database.prisma);
  const doc = historyDocFromStored((await store.load(id))!);
  const now = new Date('2026-11-21T12:00:00Z');
  // One edit and one revision every 2 hours from 40 days ago, half of them deleting a word.
  const times: Date[] = [];
  for (let t = now.getTime() - 40 * DAY; t <= now.getTime(); t += 2 * 60 * 60 * 1000) times.push(new Date(t));
  for (const [index, at] of times.entries()) {
    const before = Y.encodeStateVector(doc);
    // Looked up after `before`: the first call creates the text node, which must reach the log too.
    const text = firstParagraphText(doc, firstChapterId(doc));
    if (index % 2 === 1 && text.length > 0) text.delete(0, text.toString().indexOf(' ') + 1);
    text.insert(text.length, `w${index} `);
    await store.append(id, [{ update: Y.encodeStateAsUpdateV2(doc, before), userId: owner.userId }]);
    await revisionCreator(database.prisma, id, doc, { kind: index === 10 ? 'named' : 'auto', name: index === 10 ? 'Milestone' : undefined, at });
  }
  const all = await database.prisma.revision.findMany({ where: { manuscriptId: id }, select: { id: true, kind: true, createdAt: true } });
  const expectedGone = new Set(revisionsToPrune(all, now));
  const newest = await listRevisions(database.prisma, id);
  const compareBefore = await compareRevisions(database.prisma, id, newest[5].id, 'now');

  const pruned = await revisionPruner(database.prisma, id, now);
  const kept = await listRevisions(database.prisma, id);
  assert.equal(pruned, expectedGone.size);
  assert.deepEqual(new Set(kept.map((r) => r.id)), new Set(all.filter((r) => !expectedGone.has(r.id)).map((r) => r.id)));
  assert.ok(kept.some((r) => r.name === 'Milestone'));
  // Within 2 days all (3 an hour), up to 30 days one an hour, beyond that one a day.
  const ages = kept.map((r) => now.getTime() - new Date(r.createdAt).getTime());
  assert.equal(ages.filter((a) => a <= 2 * DAY).length, 2 * 12 + 1);
  assert.ok(ages.filter((a) => a > 30 * DAY).length <= 11 + 1);
  // Deletions folded forward: the same revision still rebuilds to the same text.
  assert.deepEqual(await compareRevisions(database.prisma, id, newest[5].id, 'now'), compareBefore);
  // Authors folded forward: every word added is still credited to someone.
  const credited = kept.reduce((sum, r) => sum + r.summary.authors.reduce((s, a) => s + a.added, 0), 0);
  assert.equal(credited, times.length);
});
