import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SyncServer } from '../../server/sync/createSyncServer';
import { signSyncToken } from '../../server/access/syncToken';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient, type StockClient } from '../support/stockClient';
import { createAccount, createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { retryUntil } from '../support/retryUntil';
import { storedDoc } from '../support/storedDoc';
import { firstChapterId, firstParagraphText, sectionText } from '../support/chapterText';
import { fileScope } from '../support/testScope';

let database: TempDatabase;
let server: SyncServer;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  server = await startTestSyncServer(fileScope(t), database.prisma);
});

test('200 concurrent connections on one manuscript, all typing, converge on the same text, stored', { timeout: 120_000 }, async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Crowded');
  // The owner starts the paragraph, so every writer types into the same text.
  const clients: StockClient[] = [];
  const first = connectStockClient(t, server.port, id, owner.token);
  clients.push(first);
  await first.synced;
  firstParagraphText(first.doc, firstChapterId(first.doc)).insert(0, '> ');
  const writers = 200;
  // Forty accounts, five connections each (a writer with several tabs open).
  const accounts = await Promise.all(Array.from({ length: writers / 5 }, (_, i) => createAccount(database.prisma, `W${i}`)));
  await database.prisma.membership.createMany({ data: accounts.map((a) => ({ manuscriptId: id, userId: a.userId, role: 'editor' })) });
  for (let i = 0; i < writers - 1; i++) clients.push(connectStockClient(t, server.port, id, await signSyncToken(accounts[i % accounts.length].userId, id)));
  await Promise.all(clients.map((client) => client.synced));
  const chapter = firstChapterId(first.doc);
  const crowd = clients.slice(1);
  await retryUntil(() => crowd.forEach((client) => assert.equal(sectionText(client.doc, chapter), '> ')), { timeoutMs: 30_000 });

  // Everyone types a word of their own, one character at a time, interleaved with everyone else.
  const words = crowd.map((_, i) => `w${String(i).padStart(3, "0")} `);
  for (let position = 0; position < 5; position++) {
    crowd.forEach((client, i) => {
      const text = firstParagraphText(client.doc, chapter);
      text.insert(text.length, words[i][position]);
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  // Concurrent typing at the same spot interleaves characters: every character must be there once.
  const sorted = (value: string) => [...value].sort().join('');
  const expected = sorted('> ' + words.join(''));
  await retryUntil(
    () => {
      const reference = sectionText(first.doc, chapter);
      assert.equal(sorted(reference), expected);
      for (const client of crowd) assert.equal(sectionText(client.doc, chapter), reference);
    },
    { timeoutMs: 60_000, intervalMs: 200 },
  );
  const final = sectionText(first.doc, chapter);
  await retryUntil(async () => assert.equal(sectionText(await storedDoc(database.prisma, id), chapter), final), { timeoutMs: 10_000 });
});
