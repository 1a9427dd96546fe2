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
import { retryUntil } from '../support/retryUntil';
import { storedAck } from '../support/storedAck';
import { storedDoc } from '../support/storedDoc';
import { MAIN_DOCUMENT } from '../../server/persistence/DocumentStore';

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

test('a connection over the document message rate is closed; others are not', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Rate');
  const calm = connectStockClient(t, server.port, id, owner.token);
  await calm.synced;
  const flood = await rawSocket(t, id, owner.token);
  const closed = closeCode(flood);
  // Sync step 1 with an empty state vector: each valid on its own, 200 at once against a limit of 20/s.
  for (let i = 0; i < 200; i++) flood.send(new Uint8Array([0, 0, 1, 0]));
  assert.equal(await closed, 1008);
  const chapter = firstChapterId(calm.doc);
  firstParagraphText(calm.doc, chapter).insert(0, 'Still here.');
  await storedAck(calm, 1);
  assert.equal(calm.provider.wsconnected, true);
  assert.equal(sectionText(await storedDoc(database.prisma, id), chapter), 'Still here.');
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
  const stored = (await new PrismaDocumentStore(database.prisma).load(id, MAIN_DOCUMENT))!;
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, stored.snapshot!);
  for (const update of stored.updates) Y.applyUpdateV2(doc, update);
  assert.equal(sectionText(doc, chapter), '');
});

/** The code and reason the server closes `ws` with; fails after 10 s. Call before causing the close. */
const closeFrame = (ws: WebSocket) =>
  withTimeout(
    new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))),
    10_000,
    'the server did not close the raw websocket',
  );
const TOO_LARGE = { code: 4413, reason: 'this change is larger than the server accepts in one message' };

test('a message over the maximum message size closes that connection with 4413 and a reason', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Big message');
  const ws = await rawSocket(t, id, owner.token);
  const closed = closeFrame(ws);
  ws.send(new Uint8Array(100 * 1024));
  assert.deepEqual(await closed, TOO_LARGE);
});

test('a stock client whose update is refused is told once and does not resend it', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Too big to paste');
  const client = connectStockClient(t, server.port, id, owner.token);
  await client.synced;
  let closes = 0;
  client.provider.on('connection-close', () => (closes += 1));
  const closed = withTimeout(
    new Promise<{ code: number; reason: string }>((resolve) => client.provider.once('closed', resolve)),
    10_000,
    'the server did not close the stock client for good',
  );
  // Over the 64 KB message limit: closed by the websocket layer, not by the document check.
  firstParagraphText(client.doc, firstChapterId(client.doc)).insert(0, 'y'.repeat(80 * 1024));
  assert.deepEqual(await closed, TOO_LARGE);
  // Stock clients reconnect within 200 ms here (maxBackoffTime) after any other close.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.equal(closes, 1);
  assert.equal(client.provider.wsconnected || client.provider.wsconnecting, false);
});

test('with the default limits, a novel pasted in one go (1 MB of text) reaches a co-writer and is stored', async (t) => {
  const roomy = await startTestSyncServer(t, database.prisma);
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Pasted novel');
  const paster = connectStockClient(t, roomy.port, id, owner.token);
  const reader = connectStockClient(t, roomy.port, id, owner.token);
  await Promise.all([paster.synced, reader.synced]);
  const chapter = firstChapterId(paster.doc);
  const novel = 'It was a dark and stormy night; the rain fell in torrents. '.repeat(18_000); // about 1 MB
  assert.ok(novel.length > 1_000_000, 'the paste is over 1 MB');
  firstParagraphText(paster.doc, chapter).insert(0, novel);
  await retryUntil(() => assert.equal(sectionText(reader.doc, chapter).length, novel.length), { timeoutMs: 20_000 });
  await storedAck(paster, 1);
  assert.equal(sectionText(await storedDoc(database.prisma, id), chapter), novel);
  assert.equal(paster.provider.wsconnected, true);
});
