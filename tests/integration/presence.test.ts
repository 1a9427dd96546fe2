import { before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type { SyncServer } from '../../server/sync/createSyncServer';
import { COMMENT_ONLY_REASON, READ_ONLY_REASON } from '@model/protocol/readOnlyReason';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient, type StockClient } from '../support/stockClient';
import { createMember, createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { retryUntil } from '../support/retryUntil';
import { storedDoc } from '../support/storedDoc';
import { firstChapterId, firstParagraphText, sectionText } from '../support/chapterText';
import { fileScope } from '../support/testScope';
import { withTimeout } from '../support/withTimeout';
import { awarenessMessage, updateMessage } from '../support/protocolMessages';

let database: TempDatabase;
let server: SyncServer;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  server = await startTestSyncServer(fileScope(t), database.prisma);
});

function connect(t: TestContext, id: string, token: string): StockClient {
  return connectStockClient(t, server.port, id, token);
}

/** A raw websocket into a room, open, with every message it receives collected; closed when `t` ends. */
async function rawSocket(t: TestContext, id: string, token: string): Promise<{ ws: WebSocket; received: Uint8Array[]; closed: Promise<number> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/${id}?token=${encodeURIComponent(token)}`);
  t.after(() => ws.terminate());
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  await withTimeout(opened, 10_000, `a raw websocket into manuscript ${id} did not open`);
  return { ws, received, closed };
}

/** Counts the times a stock client's connection closed. */
function countCloses(client: StockClient): { count: number } {
  const counter = { count: 0 };
  client.provider.on('connection-close', () => (counter.count += 1));
  return counter;
}

test('a member flooding awareness disconnects nobody, and edits still arrive within 1 s', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Flooded');
  const editor = await createMember(database.prisma, id, 'editor', 'Bea');
  const viewer = await createMember(database.prisma, id, 'viewer', 'Vic');
  const writer = connect(t, id, owner.token);
  const reader = connect(t, id, editor.token);
  await Promise.all([writer.synced, reader.synced]);
  const writerCloses = countCloses(writer);
  const readerCloses = countCloses(reader);
  const flooder = await rawSocket(t, id, viewer.token);
  let floodClosed = false;
  void flooder.closed.then(() => (floodClosed = true));

  const chapter = firstChapterId(writer.doc);
  const text = firstParagraphText(writer.doc, chapter);
  const latencies: number[] = [];
  let clock = 0;
  for (let keystroke = 0; keystroke < 20; keystroke++) {
    // Between keystrokes, 100 awareness messages: 2,000 in all, far over the awareness budget.
    for (let i = 0; i < 100; i++) flooder.ws.send(awarenessMessage(424242, ++clock, { user: { name: 'Flood' }, cursor: clock }));
    const typed = 'abcdefghijklmnopqrst'[keystroke];
    const started = performance.now();
    text.insert(text.length, typed);
    // A message for assert.ok: without one, Node parses the test's source on every failed try.
    await retryUntil(() => assert.ok(sectionText(reader.doc, chapter).endsWith(typed), `"${typed}" has not arrived`), { timeoutMs: 5000, intervalMs: 2 });
    latencies.push(performance.now() - started);
  }
  assert.equal(sectionText(reader.doc, chapter), 'abcdefghijklmnopqrst');
  assert.ok(Math.max(...latencies) < 1000, `slowest edit took ${Math.round(Math.max(...latencies))} ms`);
  assert.equal(writerCloses.count, 0);
  assert.equal(readerCloses.count, 0);
  assert.equal(floodClosed, false, 'the flooding connection is slowed, not disconnected');
  assert.equal(flooder.ws.readyState, WebSocket.OPEN);
  // The flood collapsed into its latest state: the others see the flooder once, under its own name.
  await retryUntil(() => assert.equal((reader.provider.awareness.getStates().get(424242)?.user as { name: string })?.name, 'Vic'));
});

test("presence carries the account's own name and role; nobody can appear as, or remove, another member", async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Faces');
  const editor = await createMember(database.prisma, id, 'editor', 'Bea');
  const ownerClient = connect(t, id, owner.token);
  const observer = connect(t, id, editor.token);
  await Promise.all([ownerClient.synced, observer.synced]);
  ownerClient.provider.awareness.setLocalStateField('user', { name: 'Owner', color: '#336699' });
  const ownerClientId = ownerClient.provider.awareness.clientID;
  await retryUntil(() => assert.deepEqual(observer.provider.awareness.getStates().get(ownerClientId)?.user, { name: 'Owner', role: 'owner', color: '#336699' }));

  // Bea claims to be the owner under her own client id, then tries to overwrite and remove the owner's state.
  observer.provider.awareness.setLocalStateField('user', { name: 'Owner', color: '#336699' });
  const forger = await rawSocket(t, id, editor.token);
  forger.ws.send(awarenessMessage(ownerClientId, 1000, { user: { name: 'Hijacked' } }));
  forger.ws.send(awarenessMessage(ownerClientId, 1001, null));
  const beaId = observer.provider.awareness.clientID;
  await retryUntil(() => assert.deepEqual(ownerClient.provider.awareness.getStates().get(beaId)?.user, { name: 'Bea', role: 'editor', color: '#336699' }));
  // A later change of the owner's own state still shows, so the forged clock did not win either.
  ownerClient.provider.awareness.setLocalStateField('cursor', { at: 5 });
  await retryUntil(() => assert.deepEqual(observer.provider.awareness.getStates().get(ownerClientId)?.cursor, { at: 5 }));
  assert.equal((observer.provider.awareness.getStates().get(ownerClientId)?.user as { name: string }).name, 'Owner');
});

for (const role of ['viewer', 'commenter'] as const) {
  test(`a ${role}'s change is answered once with permission denied, and never applied`, async (t) => {
    const { id, owner } = await createOwnedManuscript(database.prisma, `Told the ${role}`);
    const reader = await createMember(database.prisma, id, role);
    const writer = connect(t, id, owner.token);
    await writer.synced;
    const socket = await rawSocket(t, id, reader.token);
    // The server's own state, so the forged change lands in the manuscript's real structure.
    const copy = await storedDoc(database.prisma, id);
    const chapter = firstChapterId(copy);
    const forge = (words: string) => {
      const before = Y.encodeStateVector(copy);
      firstParagraphText(copy, chapter).insert(0, words);
      socket.ws.send(updateMessage(Y.encodeStateAsUpdate(copy, before)));
    };
    /** Waits for the answer to a stored-ack: everything the server sent before it has arrived. */
    const roundTrip = async (ticket: number) => {
      socket.ws.send(new Uint8Array([100, ticket]));
      await retryUntil(() => assert.ok(socket.received.some((m) => m[0] === 100 && m[1] === ticket), `no answer to stored-ack ${ticket}`));
    };
    const denials = () =>
      socket.received
        .filter((message) => message[0] === 2)
        .map((message) => {
          const decoder = decoding.createDecoder(message);
          decoding.readVarUint(decoder);
          return { type: decoding.readVarUint(decoder), reason: decoding.readVarString(decoder) };
        });

    forge('FORGED ');
    await roundTrip(1);
    assert.deepEqual(denials(), [{ type: 0, reason: role === 'commenter' ? COMMENT_ONLY_REASON : READ_ONLY_REASON }]);
    forge('AGAIN ');
    await roundTrip(2);
    assert.equal(denials().length, 1, 'told once, not once per change');
    assert.equal(socket.ws.readyState, WebSocket.OPEN, 'the reader keeps its live view');
    firstParagraphText(writer.doc, firstChapterId(writer.doc)).insert(0, 'Genuine.');
    await retryUntil(async () => assert.equal(sectionText(await storedDoc(database.prisma, id), chapter), 'Genuine.'));
  });
}
