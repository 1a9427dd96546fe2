import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SyncServer } from '../../server/sync/createSyncServer';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import pg from 'pg';
import { databaseProviderOf } from '../../server/createPrismaClient';
import { connectStockClient } from '../support/stockClient';
import { createMember, createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { retryUntil } from '../support/retryUntil';
import { storedAck } from '../support/storedAck';
import { storedDoc } from '../support/storedDoc';
import { firstChapterId, firstParagraphText, sectionText } from '../support/chapterText';
import { fileScope } from '../support/testScope';
import { withTimeout } from '../support/withTimeout';

let database: TempDatabase;
let server: SyncServer;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  server = await startTestSyncServer(fileScope(t), database.prisma, { storage: { retryDelayMs: 50 } });
});

/**
 * Makes the database refuse every write from the server's connections, as a read-only or full
 * disk would, or accept them again: on SQLite by switching the shared connection to query-only;
 * on PostgreSQL by making the database read-only for new sessions and ending the open ones (the
 * server's pools reconnect, read-only).
 */
async function refuseWrites(refuse: boolean): Promise<void> {
  if (databaseProviderOf(database.prisma) === 'sqlite') {
    await database.prisma.$executeRawUnsafe(`PRAGMA query_only = ${refuse ? 'ON' : 'OFF'}`);
    return;
  }
  const name = new URL(database.url).pathname.slice(1);
  // From a connection of its own, so that every one of the server's is ended, none reused.
  const admin = new URL(database.url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`ALTER DATABASE "${name}" ${refuse ? 'SET default_transaction_read_only = on' : 'RESET default_transaction_read_only'}`);
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
  } finally {
    await client.end();
  }
}

const health = async () => {
  const response = await withTimeout(fetch(`http://127.0.0.1:${server.port}/health`), 10_000, 'the sync server did not answer /health');
  return { status: response.status, body: (await response.json()) as { ok: boolean; storageErrors: Array<{ error: string }> } };
};

test('while the database refuses writes the server keeps serving and reports it; once writable, everything is stored', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Read-only spell');
  const editor = await createMember(database.prisma, id, 'editor');
  const ada = connectStockClient(t, server.port, id, owner.token);
  const ben = connectStockClient(t, server.port, id, editor.token);
  await Promise.all([ada.synced, ben.synced]);
  const chapter = firstChapterId(ada.doc);
  firstParagraphText(ada.doc, chapter).insert(0, 'Before. ');
  await storedAck(ada, 1);

  // The server's own connection now refuses every write, as a read-only or full disk would.
  await refuseWrites(true);
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

  await refuseWrites(false);
  await storedAck(ada, 2);
  await storedAck(ben, 2);
  assert.equal(sectionText(await storedDoc(database.prisma, id), chapter), 'Before. Written while the disk said no. Ben too.');
  assert.equal((await health()).status, 200);
});
