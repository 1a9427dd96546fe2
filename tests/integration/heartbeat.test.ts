import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient } from '../support/stockClient';
import { createMember, createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { retryUntil } from '../support/retryUntil';
import { fileScope } from '../support/testScope';
import { withTimeout } from '../support/withTimeout';
import { awarenessMessage } from '../support/protocolMessages';

let database: TempDatabase;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
});

// Long enough that a client which answers is never judged silent because this busy test process
// (server and clients share its event loop) was slow to read a pong.
const HEARTBEAT_MS = 500;

test('a connection that stops answering pings is terminated and its presence withdrawn; one that answers stays', async (t) => {
  const server = await startTestSyncServer(t, database.prisma, { heartbeatMs: HEARTBEAT_MS });
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Heartbeat');
  const editor = await createMember(database.prisma, id, 'editor', 'Gone Quiet');
  const observer = connectStockClient(t, server.port, id, owner.token);
  await observer.synced;
  let observerDrops = 0;
  observer.provider.on('connection-close', () => observerDrops++);

  // A client whose network dies without a goodbye: it answers pings only while "alive".
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/${id}?token=${encodeURIComponent(editor.token)}`, { autoPong: false });
  t.after(() => ws.terminate());
  let answering = true;
  let pings = 0;
  ws.on('ping', (data: Buffer) => {
    pings++;
    if (answering) ws.pong(data);
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await withTimeout(new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject)), 10_000, 'the quiet client did not connect');
  const clientId = 424242;
  ws.send(awarenessMessage(clientId, 1, { user: { name: 'ignored', color: '#336699' } }));
  await retryUntil(() => assert.ok(observer.provider.awareness.getStates().has(clientId), 'the observer does not see the quiet client yet'));

  // While it answers, several heartbeats pass and it stays connected.
  await retryUntil(() => assert.ok(pings >= 3, `only ${pings} pings so far`), { timeoutMs: 5000 });
  assert.equal(ws.readyState, WebSocket.OPEN, 'a connection that answers pings was closed');

  answering = false;
  const terminatedAt = Date.now();
  // Terminated, not closed politely: the peer is gone, so no close handshake is waited for.
  assert.equal(await withTimeout(closed, 5000, 'the server did not terminate the connection that stopped answering pings'), 1006);
  assert.ok(Date.now() - terminatedAt <= 3 * HEARTBEAT_MS + 1000, 'terminated within two heartbeats');
  await retryUntil(() => assert.ok(!observer.provider.awareness.getStates().has(clientId), 'the quiet client’s presence is still shown'));
  const health = (await (await fetch(`http://127.0.0.1:${server.port}/health`)).json()) as { connections: number };
  assert.equal(health.connections, 1, 'only the observer is still connected');
  assert.equal(observerDrops, 0, 'the observer, which answers pings, was disconnected');
});
