import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import type { RedisServer } from '../../scripts/redisServer';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { startTestRedis } from '../support/redisForTests';
import { connectStockClient } from '../support/stockClient';
import { startSyncProcess } from '../support/syncProcess';
import { retryUntil } from '../support/retryUntil';
import { storedAck } from '../support/storedAck';
import { storedDoc } from '../support/storedDoc';
import { sectionDocParagraph, sectionDocText } from '../support/chapterText';
import { createMember, createOwnedManuscript } from '../support/members';
import { newManuscript } from '../../server/manuscripts/newManuscript';
import { fileScope } from '../support/testScope';
import { failOverBetween } from '@model/protocol/syncServerList';

let database: TempDatabase;
let redis: RedisServer;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  redis = await startTestRedis(fileScope(t));
});

/** Types `text` at the end of the chapter's first paragraph, one character per transaction, `intervalMs` apart. */
async function typeSlowly(doc: Y.Doc, text: string, intervalMs = 4): Promise<void> {
  for (const char of text) {
    const target = sectionDocParagraph(doc);
    target.insert(target.length, char);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

test('SIGKILL one of two sync servers while writers on both type: the dead one’s writers fail over to the other from their server list, and every character is on every client and in the database', async (t) => {
  const manuscript = newManuscript('Failover');
  const chapterId = manuscript.sections.find((section) => section.kind === 'chapter')!.id;
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Failover', { layout: 'sections', manuscript });
  const editor = await createMember(database.prisma, id, 'editor', 'Ben');
  const room = `${id}/${chapterId}`;
  const env = { REDIS_URL: redis.url(0), SYNC_REDIS_LOCK_TTL_MS: '1500', SYNC_FLUSH_WINDOW_MS: '100' };
  const a = await startSyncProcess(t, database.url, { env });
  const servers = [`ws://127.0.0.1:${a.port}`];
  // Ada connects first, so A loads the room first and holds its writer lock: its death also tests the takeover.
  const ada = connectStockClient(t, a.port, room, owner.token);
  await ada.synced;
  const b = await startSyncProcess(t, database.url, { env });
  servers.push(`ws://127.0.0.1:${b.port}`);
  const ben = connectStockClient(t, b.port, room, editor.token);
  await ben.synced;
  failOverBetween(ada.provider, servers);
  failOverBetween(ben.provider, servers);
  sectionDocParagraph(ada.doc).insert(0, '|');
  await retryUntil(() => assert.equal(sectionDocText(ben.doc), '|', 'ben has not received the first character through the other server'));

  const adaWords = 'ada writes on through the crash of her server and loses nothing ';
  const benWords = 'ben is on the server that survives and keeps going all the while ';
  const typing = Promise.all([typeSlowly(ada.doc, adaWords), typeSlowly(ben.doc, benWords)]);
  await new Promise((resolve) => setTimeout(resolve, 120));
  await a.kill('SIGKILL');
  await typing;

  // Ada is now on B: her provider moved to the next server when the connection closed.
  await retryUntil(() => assert.ok(ada.provider.wsconnected && ada.provider.synced && ada.provider.serverUrl === servers[1], 'ada has not failed over to B'), { timeoutMs: 15_000 });
  const everyone = sectionDocText(ben.doc);
  await retryUntil(() => assert.equal(sectionDocText(ada.doc), sectionDocText(ben.doc), 'ada and ben differ'), { timeoutMs: 15_000 });
  const text = sectionDocText(ada.doc);
  for (const [who, words] of [['ada', adaWords], ['ben', benWords]]) {
    let at = 0;
    for (const char of words) {
      at = text.indexOf(char, at);
      assert.ok(at >= 0, `a character ${who} typed is missing: ${JSON.stringify(text)}`);
      at += 1;
    }
  }
  assert.equal(text.length, 1 + adaWords.length + benWords.length, `every character once: ${JSON.stringify(text)} (ben saw ${JSON.stringify(everyone)})`);
  // Both acknowledged as stored by B, which took the room's writer lock over from the dead A.
  await storedAck(ada, 1);
  await storedAck(ben, 2);
  const stored = await storedDoc(database.prisma, id, chapterId);
  assert.equal(sectionDocText(stored), text, 'the database holds every character');
});
