import { before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { SyncServer } from '../../server/sync/createSyncServer';
import { signAppSyncToken, signSyncToken } from '../../server/access/syncToken';
import { memberChanger } from '../../server/access/memberChanger';
import { createAuth } from '../../server/auth/createAuth';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient, type StockClient } from '../support/stockClient';
import { createAccount, createMember, createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { upgradeStatus } from '../support/upgradeStatus';
import { retryUntil } from '../support/retryUntil';
import { storedAck } from '../support/storedAck';
import { storedDoc } from '../support/storedDoc';
import { fileScope } from '../support/testScope';
import { firstChapterId, firstParagraphText, sectionText } from '../support/chapterText';

let database: TempDatabase;
let server: SyncServer;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  server = await startTestSyncServer(fileScope(t), database.prisma);
});

const roomUrl = (id: string, token?: string) => `ws://127.0.0.1:${server.port}/${id}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
/** A stock client of this file's server, destroyed when test `t` ends. */
function connect(t: TestContext, id: string, token: string): StockClient {
  return connectStockClient(t, server.port, id, token);
}

test('no token, a bad token, an expired token or another manuscript’s token is refused at the upgrade (401)', async () => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Guarded');
  const other = await createOwnedManuscript(database.prisma, 'Other');
  assert.equal(await upgradeStatus(roomUrl(id)), 401);
  assert.equal(await upgradeStatus(roomUrl(id, 'not-a-token')), 401);
  assert.equal(await upgradeStatus(roomUrl(id, `${owner.token.slice(0, -4)}AAAA`)), 401);
  assert.equal(await upgradeStatus(roomUrl(id, await signSyncToken(owner.userId, id, -10))), 401);
  assert.equal(await upgradeStatus(roomUrl(id, other.owner.token)), 401);
  assert.equal(await upgradeStatus(roomUrl(id, owner.token)), 101);
});

test('a non-member’s valid token is refused as if the manuscript did not exist (404)', async () => {
  const { id } = await createOwnedManuscript(database.prisma, 'Private');
  const stranger = await createAccount(database.prisma, 'Stranger');
  assert.equal(await upgradeStatus(roomUrl(id, await signSyncToken(stranger.userId, id))), 404);
});

test('the browser’s session cookie authenticates the upgrade; a non-member’s cookie is refused', async () => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Cookies');
  const stranger = await createAccount(database.prisma, 'Stranger');
  const auth = createAuth(database.prisma);
  const cookieOf = async (email: string, password: string) => {
    const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
    return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
  };
  // The app's own page: the app's port on the host the sync server was reached at.
  const origin = `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  assert.equal(await upgradeStatus(roomUrl(id), { cookie: await cookieOf(owner.email, owner.password), origin }), 101);
  assert.equal(await upgradeStatus(roomUrl(id), { cookie: await cookieOf(stranger.email, stranger.password), origin }), 404);
  assert.equal(await upgradeStatus(roomUrl(id), { cookie: 'better-auth.session_token=forged.value', origin }), 401);
});

test('a session cookie from another site, another port of the same host or no origin is refused (403); a token needs no origin', async () => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Cross-site');
  const auth = createAuth(database.prisma);
  const response = await auth.api.signInEmail({ body: { email: owner.email, password: owner.password }, asResponse: true });
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  assert.equal(await upgradeStatus(roomUrl(id), { cookie, origin: 'http://evil.example' }), 403);
  assert.equal(await upgradeStatus(roomUrl(id), { cookie, origin: 'http://127.0.0.1:4999' }), 403);
  assert.equal(await upgradeStatus(roomUrl(id), { cookie }), 403);
  assert.equal(await upgradeStatus(roomUrl(id), { cookie, origin: 'null' }), 403);
  assert.equal(await upgradeStatus(roomUrl(id, owner.token), { origin: 'http://evil.example' }), 101);
  assert.equal(await upgradeStatus(roomUrl(id, owner.token)), 101);
});

for (const role of ['viewer', 'commenter'] as const) {
  test(`a ${role} receives updates, but what it sends is neither stored nor relayed`, async (t) => {
    const { id, owner } = await createOwnedManuscript(database.prisma, `Read by a ${role}`);
    const reader = await createMember(database.prisma, id, role);
    const writer = connect(t, id, owner.token);
    const readerClient = connect(t, id, reader.token);
    await Promise.all([writer.synced, readerClient.synced]);
    const chapter = firstChapterId(writer.doc);

    firstParagraphText(readerClient.doc, chapter).insert(0, 'FORGED ');
    await storedAck(readerClient, 1); // the server has handled (and dropped) the forged update
    firstParagraphText(writer.doc, chapter).insert(0, 'Genuine.');
    await retryUntil(() => assert.match(sectionText(readerClient.doc, chapter), /Genuine\./));
    await storedAck(writer, 2); // anything relayed before this reply has reached the writer
    assert.equal(sectionText(writer.doc, chapter), 'Genuine.');
    assert.equal(sectionText(await storedDoc(database.prisma, id), chapter), 'Genuine.');
    const authors = await database.prisma.manuscriptUpdate.findMany({ where: { manuscriptId: id }, select: { userId: true } });
    assert.ok(authors.every((row) => row.userId === owner.userId));
  });
}

test('every stored update records which user sent it', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Attributed');
  const editor = await createMember(database.prisma, id, 'editor', 'Edith');
  const alice = connect(t, id, owner.token);
  const edith = connect(t, id, editor.token);
  await Promise.all([alice.synced, edith.synced]);
  const chapter = firstChapterId(alice.doc);
  firstParagraphText(alice.doc, chapter).insert(0, 'Alice. ');
  await storedAck(alice, 1);
  await retryUntil(() => assert.match(sectionText(edith.doc, chapter), /Alice\./));
  firstParagraphText(edith.doc, chapter).insert(0, 'Edith. ');
  await storedAck(edith, 1);
  const rows = await database.prisma.manuscriptUpdate.findMany({ where: { manuscriptId: id }, orderBy: { seq: 'asc' }, select: { userId: true } });
  assert.deepEqual([...new Set(rows.map((row) => row.userId))], [owner.userId, editor.userId]);
});

test('a removed member’s open connection is closed within 5 seconds, for good', async (t) => {
  const { id } = await createOwnedManuscript(database.prisma, 'Removal');
  const editor = await createMember(database.prisma, id, 'editor');
  const client = connect(t, id, editor.token);
  await client.synced;
  const closed = client.closedByServer();
  const removedAt = Date.now();
  await memberChanger(database.prisma, id, editor.userId, null);
  assert.equal(await closed, 4403);
  assert.ok(Date.now() - removedAt < 5000, `closed after ${Date.now() - removedAt} ms`);
  assert.equal(await upgradeStatus(roomUrl(id, editor.token)), 404);
});

test('an editor turned viewer is reconnected within 5 seconds and can no longer change the text', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Demotion');
  const editor = await createMember(database.prisma, id, 'editor');
  const client = connect(t, id, editor.token);
  await client.synced;
  const chapter = firstChapterId(client.doc);
  const reconnected = client.resynced();
  const changedAt = Date.now();
  await memberChanger(database.prisma, id, editor.userId, 'viewer');
  await reconnected;
  assert.ok(Date.now() - changedAt < 5000, `reconnected after ${Date.now() - changedAt} ms`);

  firstParagraphText(client.doc, chapter).insert(0, 'After demotion.');
  await storedAck(client, 1);
  const ownerClient = connect(t, id, owner.token);
  await ownerClient.synced;
  assert.equal(sectionText(ownerClient.doc, chapter), '');
  assert.equal(sectionText(await storedDoc(database.prisma, id), chapter), '');
});

test('only the app’s own token asks for a change to be stored at once; a browser’s waits for the storage window, and cannot claim otherwise', async (t) => {
  const slow = await startTestSyncServer(t, database.prisma, { storage: { flushWindowMs: 60_000 } });
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Stored at once');
  const browser = connectStockClient(t, slow.port, id, owner.token);
  await browser.synced;
  const chapter = firstChapterId(browser.doc);
  firstParagraphText(browser.doc, chapter).insert(0, 'Typed in a browser. ');
  let confirmed = false;
  const waiting = storedAck(browser, 1).then(() => (confirmed = true), () => {});
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.equal(confirmed, false, 'a browser’s acknowledgement did not wait for the 60 s storage window');
  // A token with the app's claim but not signed by the server is no token at all.
  const [header, , signature] = owner.token.split('.');
  const claims = Buffer.from(JSON.stringify({ mid: id, app: true, sub: owner.userId, aud: 'quire-sync', exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url');
  assert.equal(await upgradeStatus(`ws://127.0.0.1:${slow.port}/${id}?token=${header}.${claims}.${signature}`), 401);

  const app = connectStockClient(t, slow.port, id, await signAppSyncToken(owner.userId, id, 60));
  await app.synced;
  firstParagraphText(app.doc, chapter).insert(0, 'Replaced by the app. ');
  await storedAck(app, 2);
  assert.match(sectionText(await storedDoc(database.prisma, id), chapter), /Replaced by the app\. Typed in a browser\./, 'everything pending in the room is stored, the browser’s text too');
  await waiting;
});
