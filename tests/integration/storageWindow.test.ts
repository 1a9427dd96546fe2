import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient } from '../support/stockClient';
import { createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { storedDoc } from '../support/storedDoc';
import { firstChapterId, firstParagraphText, sectionText } from '../support/chapterText';
import { fileScope } from '../support/testScope';

let database: TempDatabase;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('at the default 500 ms storage window, every keystroke of continuous typing is in the database within a second', async (t) => {
  // `undefined` leaves the production default in place of the test servers' quick 50 ms.
  const server = await startTestSyncServer(t, database.prisma, { storage: { flushWindowMs: undefined } });
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Default window');
  const writer = connectStockClient(t, server.port, id, owner.token);
  await writer.synced;
  const chapter = firstChapterId(writer.doc);
  const paragraph = () => firstParagraphText(writer.doc, chapter);

  // One character every 25 ms for 2.5 s, never a pause, while the database is read every 40 ms.
  const typedAt: number[] = [];
  const storedBy: Array<{ at: number; length: number }> = [];
  let typing = true;
  const watching = (async () => {
    while (typing || storedBy.at(-1)?.length !== typedAt.length) {
      const length = sectionText(await storedDoc(database.prisma, id), chapter).length;
      storedBy.push({ at: Date.now(), length });
      if (Date.now() - (typedAt.at(-1) ?? Date.now()) > 3000) break;
      await sleep(40);
    }
  })();
  const started = Date.now();
  while (Date.now() - started < 2500) {
    paragraph().insert(paragraph().length, 'x');
    typedAt.push(Date.now());
    await sleep(25);
  }
  typing = false;
  await watching;

  const delays = typedAt.map((at, index) => (storedBy.find((read) => read.length >= index + 1 && read.at >= at)?.at ?? Infinity) - at);
  const worst = Math.max(...delays);
  assert.equal(sectionText(await storedDoc(database.prisma, id), chapter), 'x'.repeat(typedAt.length));
  // The window counts from the first unstored change, not the last, so typing never holds it open.
  assert.ok(worst <= 1000, `a keystroke took ${worst} ms to be stored (of ${typedAt.length}; reads every 40 ms)`);
});
