import { before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { SyncServer } from '../../server/sync/createSyncServer';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient } from '../support/stockClient';
import { createMember, createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { retryUntil } from '../support/retryUntil';
import { storedAck } from '../support/storedAck';
import { storedDoc } from '../support/storedDoc';
import { upgradeStatus } from '../support/upgradeStatus';
import { firstChapterId, firstParagraphText, sectionText } from '../support/chapterText';
import { fileScope } from '../support/testScope';
import { withTimeout } from '../support/withTimeout';
import { updateMessage } from '../support/protocolMessages';

let database: TempDatabase;
let server: SyncServer;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  server = await startTestSyncServer(fileScope(t), database.prisma, { maxConnectionsPerAccount: 3 });
});

/** A raw websocket into a room, open; closed when `t` ends. Resolves with it and its close frame. */
async function rawSocket(t: TestContext, id: string, token: string) {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/${id}?token=${encodeURIComponent(token)}`);
  t.after(() => ws.terminate());
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await withTimeout(new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject)), 10_000, 'the raw websocket did not open');
  return { ws, closed: withTimeout(closed, 10_000, 'the server did not close the raw websocket') };
}

const MISSING = { code: 1008, reason: 'an update that depends on changes the server does not have' };

test("an update with a gap in its writer's own changes is refused, never held to be integrated past the size limit later", async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Gap');
  const copy = await storedDoc(database.prisma, id);
  const chapter = firstChapterId(copy);
  const start = Y.encodeStateVector(copy);
  const text = firstParagraphText(copy, chapter);
  text.insert(0, 'first ');
  const middle = Y.encodeStateVector(copy);
  text.insert(text.length, 'second');
  const { ws, closed } = await rawSocket(t, id, owner.token);
  ws.send(updateMessage(Y.encodeStateAsUpdate(copy, middle))); // 'second' without 'first'
  assert.deepEqual(await closed, MISSING);
  // The whole of it, in order, is accepted.
  const writer = connectStockClient(t, server.port, id, owner.token);
  await writer.synced;
  Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(copy, start));
  await storedAck(writer, 1);
  assert.equal(sectionText(await storedDoc(database.prisma, id), chapter), 'first second');
});

test("an update building on another writer's change the server never had is dropped, not kept waiting", async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Unknown parent');
  const base = await storedDoc(database.prisma, id);
  const chapter = firstChapterId(base);
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(base));
  firstParagraphText(other, chapter).insert(0, 'never sent ');
  const mine = new Y.Doc();
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(other));
  const before = Y.encodeStateVector(mine);
  const text = firstParagraphText(mine, chapter);
  text.insert(text.length, 'builds on it');
  const { ws, closed } = await rawSocket(t, id, owner.token);
  ws.send(updateMessage(Y.encodeStateAsUpdate(mine, before)));
  assert.deepEqual(await closed, MISSING);
  const room = (await server.registry.loadedRooms()).find((r) => r.manuscriptId === id)!;
  const store = room.doc.store as unknown as { pendingStructs: unknown; pendingDs: unknown };
  assert.equal(store.pendingStructs, null);
  assert.equal(store.pendingDs, null);
  assert.equal(sectionText(room.doc, chapter), '');
});

test('a connection that stops reading while it keeps asking for the document is closed, not buffered for without end', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Not reading');
  const writer = connectStockClient(t, server.port, id, owner.token);
  await writer.synced;
  firstParagraphText(writer.doc, firstChapterId(writer.doc)).insert(0, 'w'.repeat(300 * 1024));
  await storedAck(writer, 1);
  const viewer = await createMember(database.prisma, id, 'viewer');
  const { ws } = await rawSocket(t, id, viewer.token);
  (ws as unknown as { _socket: { pause(): void } })._socket.pause();
  // Each sync step 1 is answered with the whole document (300 KB): 100 of them is 30 MB unread.
  for (let i = 0; i < 100; i++) ws.send(new Uint8Array([0, 0, 1, 0]));
  const health = async () => (await (await fetch(`http://127.0.0.1:${server.port}/health`)).json()) as { connections: number; memory: { rssBytes: number } };
  await retryUntil(async () => assert.equal((await health()).connections, 1, 'the unread connection is still open'));
  assert.equal(writer.provider.wsconnected, true);
});

test('an account may have 3 connections to one manuscript here; the next is refused with 429', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Many tabs');
  for (let i = 0; i < 3; i++) await rawSocket(t, id, owner.token);
  const url = `ws://127.0.0.1:${server.port}/${id}?token=${encodeURIComponent(owner.token)}`;
  assert.equal(await upgradeStatus(url), 429);
  const editor = await createMember(database.prisma, id, 'editor');
  assert.equal(await upgradeStatus(`ws://127.0.0.1:${server.port}/${id}?token=${encodeURIComponent(editor.token)}`), 101);
});
