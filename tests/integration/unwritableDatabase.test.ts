import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SyncServer } from '../../server/sync/createSyncServer';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient, type StockClient } from '../support/stockClient';
import { createMember, createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { retryUntil } from '../support/retryUntil';
import { storedAck } from '../support/storedAck';
import { storedDoc } from '../support/storedDoc';
import { firstChapterId, firstParagraphText, sectionText } from '../support/chapterText';

let database: TempDatabase;
let server: SyncServer;
const clients: StockClient[] = [];

before(async () => {
  database = await createTempDatabase();
  server = await startTestSyncServer(database.prisma, { storage: { retryDelayMs: 50 } });
});
after(async () => {
  for (const client of clients) client.destroy();
  await server.close();
  await database.cleanup();
});

const health = async () => {
  const response = await fetch(`http://127.0.0.1:${server.port}/health`);
  return { status: response.status, body: (await response.json()) as { ok: boolean; storageErrors: Array<{ error: string }> } };
};

test('while the database refuses writes the server keeps serving and reports it; once writable, everything is stored', async () => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Read-only spell');
  const editor = await createMember(database.prisma, id, 'editor');
  const ada = connectStockClient(server.port, id, owner.token);
  const ben = connectStockClient(server.port, id, editor.token);
  clients.push(ada, ben);
  await Promise.all([ada.synced, ben.synced]);
  const chapter = firstChapterId(ada.doc);
  firstParagraphText(ada.doc, chapter).insert(0, 'Before. ');
  await storedAck(ada, 1);

  // The server's own connection now refuses every write, as a read-only or full disk would.
  await database.prisma.$executeRawUnsafe('PRAGMA query_only = ON');
  const adaText = firstParagraphText(ada.doc, chapter);
  adaText.insert(adaText.length, 'Written while the disk said no. ');
  await retryUntil(() => assert.match(sectionText(ben.doc, chapter), /disk said no/));
  const benText = firstParagraphText(ben.doc, chapter);
  benText.insert(benText.length, 'Ben too.');
  await retryUntil(() => assert.match(sectionText(ada.doc, chapter), /Ben too\./));

  await retryUntil(async () => {
    const report = await health();
    assert.equal(report.status, 503);
    assert.match(report.body.storageErrors[0].error, /readonly|read-only|query_only/i);
  });
  assert.doesNotMatch(sectionText(await storedDoc(database.prisma, id), chapter), /disk said no/);

  await database.prisma.$executeRawUnsafe('PRAGMA query_only = OFF');
  await storedAck(ada, 2);
  await storedAck(ben, 2);
  assert.equal(sectionText(await storedDoc(database.prisma, id), chapter), 'Before. Written while the disk said no. Ben too.');
  assert.equal((await health()).status, 200);
});
