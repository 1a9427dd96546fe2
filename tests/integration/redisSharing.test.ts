import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import type { RedisServer } from '../../scripts/redisServer';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { startTestRedis } from '../support/redisForTests';
import { connectStockClient, type StockClient } from '../support/stockClient';
import { startTestSyncServer } from '../support/testSyncServer';
import { retryUntil } from '../support/retryUntil';
import { storedAck } from '../support/storedAck';
import { storedDoc } from '../support/storedDoc';
import { sectionDocParagraph, sectionDocText } from '../support/chapterText';
import { createMember, createOwnedManuscript } from '../support/members';
import { newManuscript } from '../../server/manuscripts/newManuscript';
import { fileScope, type TestScope } from '../support/testScope';
import { seededRandom } from '../support/seededRandom';
import { CloseCode } from '@model/protocol/closeCode';
import type { SyncServer, SyncServerOptions } from '../../server/sync/createSyncServer';
import { upgradeStatus } from '../support/upgradeStatus';

let database: TempDatabase;
let redis: RedisServer;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  redis = await startTestRedis(fileScope(t));
});

/** A new manuscript in sections owned by a new account; `room` is its first chapter's room. */
async function bookWithOneChapter(title: string) {
  const manuscript = newManuscript(title);
  const chapterId = manuscript.sections.find((section) => section.kind === 'chapter')!.id;
  const { id, owner } = await createOwnedManuscript(database.prisma, title, { layout: 'sections', manuscript });
  return { id, owner, chapterId, room: `${id}/${chapterId}` };
}

/** A sync server joined to others through the Redis database `redisUrl`, with a short writer lock. */
function sharedServer(scope: TestScope, redisUrl: string, overrides: Partial<SyncServerOptions> = {}): Promise<SyncServer> {
  return startTestSyncServer(scope, database.prisma, { redis: { url: redisUrl, lockTtlMs: 1000 }, gracePeriodMs: 60_000, ...overrides });
}

/**
 * Clients on two servers make seeded random edits at once; a reference document receives every
 * update any client makes. Returns whether every client reached the reference's text in time.
 */
async function randomEditsOnTwoServers(t: TestScope, urlA: string, urlB: string, waitMs: number) {
  const { id, owner, room } = await bookWithOneChapter('Two servers');
  const [a, b] = await Promise.all([sharedServer(t, urlA), sharedServer(t, urlB)]);
  const editor = await createMember(database.prisma, id, 'editor', 'Editor');
  const clients: StockClient[] = [];
  for (let i = 0; i < 6; i++) clients.push(connectStockClient(t, i % 2 === 0 ? a.port : b.port, room, i < 3 ? owner.token : editor.token));
  await Promise.all(clients.map((client) => client.synced));
  const reference = new Y.Doc();
  Y.applyUpdate(reference, Y.encodeStateAsUpdate(clients[0].doc));
  for (const client of clients) {
    client.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== client.provider) Y.applyUpdate(reference, update);
    });
  }
  // One paragraph text node for all, before the concurrent edits.
  sectionDocParagraph(clients[0].doc).insert(0, '|');
  await retryUntil(() => clients.forEach((client) => assert.equal(sectionDocText(client.doc), '|')), { timeoutMs: 10_000 }).catch(() => {});

  const random = seededRandom(20261203);
  const alphabet = 'abcdefghij klmnop';
  for (let round = 0; round < 300; round++) {
    const client = clients[Math.floor(random() * clients.length)];
    const text = sectionDocParagraph(client.doc);
    if (random() < 0.75 || text.length < 4) text.insert(Math.floor(random() * (text.length + 1)), alphabet[Math.floor(random() * alphabet.length)]);
    else {
      const at = Math.floor(random() * (text.length - 2));
      text.delete(at, 1 + Math.floor(random() * 2));
    }
    if (round % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const expected = sectionDocText(reference);
  let converged = true;
  try {
    await retryUntil(() => clients.forEach((client, i) => assert.equal(sectionDocText(client.doc), expected, `client ${i} differs from the reference`)), { timeoutMs: waitMs });
  } catch {
    converged = false;
  }
  return { id, room, clients, expected, reference, converged, servers: [a, b] };
}

test('two sync servers on one manuscript converge: seeded random edits from clients on both reach every client and the database', async (t) => {
  const run = await randomEditsOnTwoServers(t, redis.url(0), redis.url(0), 15_000);
  assert.ok(run.converged, 'the clients of the two servers did not converge on the reference document');
  // Every client's changes are acknowledged as stored, by whichever server stores the room.
  await Promise.all(run.clients.map((client, i) => storedAck(client, i + 1)));
  const stored = await storedDoc(database.prisma, run.id, run.room.split('/')[1]);
  assert.equal(sectionDocText(stored), run.expected, 'the database holds what every client holds');
  // Exactly one of the two servers stores the room.
  const writers = await Promise.all(run.servers.map(async (server) => (await server.registry.loadedRooms()).filter((room) => room.relay?.isWriter && room.docName !== 'book').length));
  assert.deepEqual(writers.sort(), [0, 1]);
});

test('negative control: the same edits with the two servers on different Redis databases do not converge (the check above can see a split)', async (t) => {
  const run = await randomEditsOnTwoServers(t, redis.url(1), redis.url(2), 3_000);
  assert.equal(run.converged, false, 'servers that share nothing cannot have converged');
});

test('presence crosses servers: a writer on one server sees the caret and stamped name of a writer on the other, and sees them leave', async (t) => {
  const { id, owner, room } = await bookWithOneChapter('Carets');
  const editor = await createMember(database.prisma, id, 'editor', 'Bea');
  const [a, b] = await Promise.all([sharedServer(t, redis.url(3)), sharedServer(t, redis.url(3))]);
  const ada = connectStockClient(t, a.port, room, owner.token);
  const bea = connectStockClient(t, b.port, room, editor.token);
  await Promise.all([ada.synced, bea.synced]);
  bea.provider.awareness.setLocalStateField('user', { name: 'Somebody Else', color: '#336699' });
  bea.provider.awareness.setLocalStateField('cursor', { anchor: 3, head: 5 });
  const beaId = bea.doc.clientID;
  const seen = await retryUntil(() => {
    const state = ada.provider.awareness.getStates().get(beaId) as { user?: { name: string; color: string }; cursor?: unknown } | undefined;
    assert.ok(state?.cursor, 'ada has not seen bea’s caret');
    return state;
  });
  assert.equal(seen!.user!.name, 'Bea', 'the name is the account’s, stamped by the server bea is on');
  assert.equal(seen!.user!.color, '#336699');
  bea.destroy();
  await retryUntil(() => assert.equal(ada.provider.awareness.getStates().has(beaId), false, 'bea’s caret stayed after she left'));
});

test('a role change and a removal reach connections on the other server', async (t) => {
  const { id, owner, room } = await bookWithOneChapter('Roles');
  const [a, b] = await Promise.all([sharedServer(t, redis.url(4)), sharedServer(t, redis.url(4))]);
  const changed = await createMember(database.prisma, id, 'editor', 'Changed');
  const removed = await createMember(database.prisma, id, 'editor', 'Removed');
  const ownerClient = connectStockClient(t, a.port, room, owner.token);
  const changedClient = connectStockClient(t, b.port, room, changed.token);
  const removedClient = connectStockClient(t, b.port, room, removed.token);
  await Promise.all([ownerClient.synced, changedClient.synced, removedClient.synced]);
  const roleChange = changedClient.resynced();
  const removal = removedClient.closedByServer();
  await database.prisma.membership.update({ where: { manuscriptId_userId: { manuscriptId: id, userId: changed.userId } }, data: { role: 'viewer' } });
  await database.prisma.membership.delete({ where: { manuscriptId_userId: { manuscriptId: id, userId: removed.userId } } });
  assert.equal(await removal, CloseCode.accessRemoved);
  await roleChange;
  // Now a viewer: what it types reaches nobody, on either server.
  sectionDocParagraph(changedClient.doc).insert(0, 'not allowed');
  sectionDocParagraph(ownerClient.doc).insert(0, 'allowed ');
  await retryUntil(() => assert.match(sectionDocText(changedClient.doc), /allowed /));
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.doesNotMatch(sectionDocText(ownerClient.doc), /not allowed/);
  void b;
});

test('the writer lock: one server stores the room; when it closes, the other takes over and stores what follows', async (t) => {
  const { owner, room, chapterId, id } = await bookWithOneChapter('Takeover');
  const a = await sharedServer(t, redis.url(5));
  const first = connectStockClient(t, a.port, room, owner.token);
  await first.synced;
  // A holds the lock (first to load the room); B joins later.
  await retryUntil(async () => assert.ok((await a.registry.loadedRooms()).find((r) => r.docName === chapterId)?.relay?.isWriter));
  const b = await sharedServer(t, redis.url(5));
  const second = connectStockClient(t, b.port, room, owner.token);
  await second.synced;
  sectionDocParagraph(second.doc).insert(0, 'Written on B while A stores. ');
  await storedAck(second, 1);
  first.destroy();
  await a.close();
  await retryUntil(async () => assert.ok((await b.registry.loadedRooms()).find((r) => r.docName === chapterId)?.relay?.isWriter, 'B did not take the room over'), { timeoutMs: 10_000 });
  const text = sectionDocParagraph(second.doc);
  text.insert(text.length, 'Written after A left.');
  await storedAck(second, 2);
  const stored = await storedDoc(database.prisma, id, chapterId);
  assert.match(sectionDocText(stored), /Written on B while A stores\. Written after A left\./);
});

/** A server's `/health` answer: its status and body. */
async function health(server: SyncServer): Promise<{ status: number; body: { checks: Record<string, { ok: boolean }> } }> {
  const response = await fetch(`http://127.0.0.1:${server.port}/health`);
  return { status: response.status, body: (await response.json()) as { checks: Record<string, { ok: boolean }> } };
}

test('Redis going away: each server keeps serving its own writers from memory and answers 503; when Redis returns (empty), the servers catch up with each other and store everything', async (t) => {
  const { id, owner, room, chapterId } = await bookWithOneChapter('Redis away');
  const editor = await createMember(database.prisma, id, 'editor', 'Ben');
  const [a, b] = await Promise.all([sharedServer(t, redis.url(0)), sharedServer(t, redis.url(0))]);
  const ada = connectStockClient(t, a.port, room, owner.token);
  const adaElsewhere = connectStockClient(t, a.port, room, owner.token);
  const ben = connectStockClient(t, b.port, room, editor.token);
  await Promise.all([ada.synced, adaElsewhere.synced, ben.synced]);
  sectionDocParagraph(ada.doc).insert(0, 'Before. ');
  await retryUntil(() => assert.equal(sectionDocText(ben.doc), 'Before. '));
  assert.equal((await health(a)).status, 200);

  await redis.kill();
  await retryUntil(async () => {
    const answer = await health(a);
    assert.equal(answer.status, 503);
    assert.equal(answer.body.checks.redis.ok, false);
  });
  const adaText = sectionDocParagraph(ada.doc);
  adaText.insert(adaText.length, 'While Redis is away. ');
  const benText = sectionDocParagraph(ben.doc);
  benText.insert(0, 'Ben too. ');
  // Writers on one server still see each other.
  await retryUntil(() => assert.match(sectionDocText(adaElsewhere.doc), /While Redis is away\./));

  await redis.restart();
  await retryUntil(async () => assert.equal((await health(a)).status, 200), { timeoutMs: 15_000 });
  await retryUntil(
    () => {
      assert.match(sectionDocText(ben.doc), /While Redis is away\./);
      assert.match(sectionDocText(ada.doc), /Ben too\./);
      assert.equal(sectionDocText(ada.doc), sectionDocText(ben.doc));
    },
    { timeoutMs: 15_000 },
  );
  await Promise.all([storedAck(ada, 1), storedAck(ben, 2)]);
  const stored = await storedDoc(database.prisma, id, chapterId);
  assert.equal(sectionDocText(stored), sectionDocText(ada.doc), 'the database holds what both servers hold');
});

test('the size limit on a server that does not store the room: thousands of keystrokes stay within it (the room is measured, not estimated), and a paste past it is still refused', async (t) => {
  const { owner, room, chapterId } = await bookWithOneChapter('Size on the other server');
  const limits = { maxDocumentBytes: 24 * 1024, maxMessagesPerSecond: 100_000 };
  const a = await sharedServer(t, redis.url(6), limits);
  const first = connectStockClient(t, a.port, room, owner.token);
  await first.synced;
  await retryUntil(async () => assert.ok((await a.registry.loadedRooms()).find((r) => r.docName === chapterId)?.relay?.isWriter));
  const b = await sharedServer(t, redis.url(6), limits);
  const typist = connectStockClient(t, b.port, room, owner.token);
  await typist.synced;
  // One keystroke per update: their sum (tens of KB) passes the limit, the document (a few KB) does not.
  const typed = 'The lamp burned low while she wrote. '.repeat(60);
  let refused: number | null = null;
  void typist.closedByServer().then((code) => (refused = code), () => {});
  const text = sectionDocParagraph(typist.doc);
  for (let i = 0; i < typed.length; i++) {
    text.insert(text.length, typed[i]);
    if (i % 100 === 99) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await storedAck(typist, 1);
  assert.equal(refused, null, 'the writer on the server that does not store the room was refused');
  await retryUntil(() => assert.equal(sectionDocText(first.doc), typed));
  // The limit itself still holds there.
  const closed = typist.closedByServer();
  text.insert(text.length, 'x'.repeat(30 * 1024));
  assert.equal(await closed, CloseCode.documentTooLarge);
});

test('Redis away while a room is not loaded: a writer who opens it is refused (503) within seconds, not kept waiting, and gets in once Redis is back', async (t) => {
  const { owner, room } = await bookWithOneChapter('Opened while Redis is away');
  const server = await sharedServer(t, redis.url(7));
  await redis.kill();
  try {
    assert.equal(await upgradeStatus(`ws://127.0.0.1:${server.port}/${room}?token=${owner.token}`), 503);
  } finally {
    await redis.restart();
  }
  await retryUntil(async () => assert.equal(await upgradeStatus(`ws://127.0.0.1:${server.port}/${room}?token=${owner.token}`), 101), { timeoutMs: 15_000 });
});
