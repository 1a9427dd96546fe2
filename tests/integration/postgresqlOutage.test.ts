import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPostgresServer, type PostgresServer } from '../../scripts/postgresServer';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient } from '../support/stockClient';
import { startTestSyncServer } from '../support/testSyncServer';
import { retryUntil } from '../support/retryUntil';
import { storedAck } from '../support/storedAck';
import { storedDoc } from '../support/storedDoc';
import { sectionDocParagraph, sectionDocText } from '../support/chapterText';
import { createMember, createOwnedManuscript } from '../support/members';
import { newManuscript } from '../../server/manuscripts/newManuscript';
import { databaseReachable } from '../../server/sync/databaseReachable';
import { fileScope, stopWhenDone } from '../support/testScope';

let postgres: PostgresServer;
let database: TempDatabase;

before(async (t) => {
  // A PostgreSQL server of this file's own, since the test freezes it.
  postgres = await startPostgresServer();
  stopWhenDone(fileScope(t), 'the PostgreSQL server', () => postgres.stop());
  database = await createTempDatabase(fileScope(t), { postgresAdminUrl: postgres.url() });
});

test('PostgreSQL stops answering mid-session: writers keep writing and see each other, /health answers 503, nothing is confirmed stored until it is back, then everything is stored', async (t) => {
  const manuscript = newManuscript('Database away');
  const chapterId = manuscript.sections.find((section) => section.kind === 'chapter')!.id;
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Database away', { layout: 'sections', manuscript });
  const editor = await createMember(database.prisma, id, 'editor', 'Ben');
  const server = await startTestSyncServer(t, database.prisma, { healthChecks: { database: () => databaseReachable(database.prisma) } });
  const health = async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/health`);
    return { status: response.status, body: (await response.json()) as { checks: { database: { ok: boolean } } } };
  };
  const room = `${id}/${chapterId}`;
  const ada = connectStockClient(t, server.port, room, owner.token);
  const ben = connectStockClient(t, server.port, room, editor.token);
  await Promise.all([ada.synced, ben.synced]);
  sectionDocParagraph(ada.doc).insert(0, 'Stored before. ');
  await storedAck(ada, 1);
  assert.equal((await health()).status, 200);

  let resumed = false;
  try {
    postgres.pause();
    await retryUntil(async () => {
      const answer = await health();
      assert.equal(answer.status, 503);
      assert.equal(answer.body.checks.database.ok, false);
    });
    const text = sectionDocParagraph(ada.doc);
    text.insert(text.length, 'Written while the database is away.');
    await retryUntil(() => assert.match(sectionDocText(ben.doc), /Written while the database is away\./, 'ben does not see it'));
    let confirmed = false;
    const ack = storedAck(ada, 2).then(() => (confirmed = true));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(confirmed, false, 'a change was confirmed stored while the database could not store it');
    postgres.resume();
    resumed = true;
    await ack;
  } finally {
    if (!resumed) postgres.resume();
  }
  await retryUntil(async () => assert.equal((await health()).status, 200));
  const stored = await storedDoc(database.prisma, id, chapterId);
  assert.equal(sectionDocText(stored), 'Stored before. Written while the database is away.');
});
