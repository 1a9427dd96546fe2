import { before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { PrismaDocumentStore } from '../../server/persistence/PrismaDocumentStore';
import type { SyncServer } from '../../server/sync/createSyncServer';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient } from '../support/stockClient';
import { createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { firstChapterId, firstParagraphText, sectionText } from '../support/chapterText';
import { fileScope } from '../support/testScope';
import { withTimeout } from '../support/withTimeout';

let database: TempDatabase;
let server: SyncServer;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  server = await startTestSyncServer(fileScope(t), database.prisma, { maxMessagesPerSecond: 20, maxDocumentBytes: 16 * 1024, maxMessageBytes: 64 * 1024 });
});

/** Opens a raw websocket into a room and resolves with it once open; it is closed when test `t` ends. */
function rawSocket(t: TestContext, id: string, token: string): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/${id}?token=${token}`);
  t.after(() => ws.terminate());
  const opened = new Promise<WebSocket>((resolve, reject) => {
    ws.on('open', () => resolve(ws));
    ws.on('error', reject);
  });
  return withTimeout(opened, 10_000, `a raw websocket into manuscript ${id} did not open`);
}
/** The code the server closes `ws` with; fails after 10 s. Call before causing the close. */
const closeCode = (ws: WebSocket) =>
  withTimeout(new Promise<number>((resolve) => ws.on('close', (code) => resolve(code))), 10_000, 'the server did not close the raw websocket');

test('a connection over the message rate is closed; others are not', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Rate');
  const calm = connectStockClient(t, server.port, id, owner.token);
  await calm.synced;
  const flood = await rawSocket(t, id, owner.token);
  const closed = closeCode(flood);
  for (let i = 0; i < 200; i++) flood.send(new Uint8Array([3])); // awareness queries, each valid on its own
  assert.equal(await closed, 1008);
  firstParagraphText(calm.doc, firstChapterId(calm.doc)).insert(0, 'Still here.');
  assert.equal(calm.provider.wsconnected, true);
});

test('an update that would take the manuscript past its maximum size is refused and not stored', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Size');
  const client = connectStockClient(t, server.port, id, owner.token);
  await client.synced;
  const chapter = firstChapterId(client.doc);
  const closed = client.closedByServer();
  firstParagraphText(client.doc, chapter).insert(0, 'x'.repeat(40 * 1024));
  assert.equal(await closed, 4413);
  client.destroy();
  // Give the server three flush windows: had the update been applied, it would be stored by then.
  await new Promise((resolve) => setTimeout(resolve, 150));
  const stored = (await new PrismaDocumentStore(database.prisma).load(id))!;
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, stored.snapshot!);
  for (const update of stored.updates) Y.applyUpdateV2(doc, update);
  assert.equal(sectionText(doc, chapter), '');
});

test('a message over the maximum message size closes that connection', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Big message');
  const ws = await rawSocket(t, id, owner.token);
  const closed = closeCode(ws);
  ws.send(new Uint8Array(100 * 1024));
  assert.equal(await closed, 1009);
});
