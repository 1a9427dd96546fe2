import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { createOwnedManuscript } from '../support/members';
import { fileScope } from '../support/testScope';
import { ThreadedDocumentStore } from '../../server/persistence/ThreadedDocumentStore';
import { PrismaDocumentStore } from '../../server/persistence/PrismaDocumentStore';

let database: TempDatabase;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
});

/** A V2 update that inserts `text` into a fresh document's "t" text. */
function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdateV2(doc);
}

test('the storage thread appends, loads and compacts what the main-thread store reads back', async (t) => {
  const { id } = await createOwnedManuscript(database.prisma, 'Threaded', { layout: 'sections' });
  const store = new ThreadedDocumentStore(database.url);
  t.after(() => store.close());

  assert.equal(await store.layoutOf(id), 'sections');
  assert.equal(await store.layoutOf('no-such-manuscript'), null);
  const first = textUpdate('first');
  const seq = await store.append(id, 'threaded', [{ update: first, userId: null }], { title: 'Threaded', wordCount: 1 });
  assert.ok(seq > 0);

  // What the thread wrote is in the database, byte for byte, for any other connection.
  const direct = await new PrismaDocumentStore(database.prisma).load(id, 'threaded');
  assert.deepEqual(direct?.updates, [first]);

  const state = textUpdate('compacted');
  await store.compact(id, 'threaded', state, seq);
  const loaded = await store.load(id, 'threaded');
  assert.ok(loaded?.snapshot instanceof Uint8Array, 'a snapshot arrives as bytes');
  const doc = new Y.Doc();
  Y.applyUpdateV2(doc, loaded.snapshot);
  assert.equal(doc.getText('t').toString(), 'compacted');
});

test("a failed write rejects with the database's error and code, and the thread goes on serving", async (t) => {
  const { id } = await createOwnedManuscript(database.prisma, 'Failing write');
  const store = new ThreadedDocumentStore(database.url);
  t.after(() => store.close());

  // A log entry for a manuscript that does not exist breaks a foreign key.
  await assert.rejects(store.append('no-such-manuscript', 'x', [{ update: textUpdate('lost'), userId: null }]), (error: Error & { code?: string }) => {
    assert.equal(error.name, 'StorageThreadError');
    assert.match(error.code ?? '', /^P\d{4}$/, 'Prisma\'s error code crosses the thread, so a busy database is still retried');
    return true;
  });
  assert.ok((await store.append(id, 'x', [{ update: textUpdate('kept'), userId: null }])) > 0);
});

test('if the storage thread dies, the calls in flight fail and the next call starts a new thread', async (t) => {
  const { id } = await createOwnedManuscript(database.prisma, 'Thread death');
  const store = new ThreadedDocumentStore(database.url);
  t.after(() => store.close());
  await store.layoutOf(id);

  const worker = (store as unknown as { worker: import('node:worker_threads').Worker }).worker;
  // Many calls posted at once: the thread cannot answer them all before it is stopped.
  const inFlight = Array.from({ length: 200 }, () => store.load(id, 'book'));
  await worker.terminate();
  const settled = await Promise.allSettled(inFlight);
  const stopped = (result: PromiseSettledResult<unknown>) => result.status === 'rejected' && /storage thread stopped/.test((result.reason as Error).message);
  assert.ok(settled.some(stopped), 'the calls the thread did not answer fail');
  assert.ok(settled.every((result) => result.status === 'fulfilled' || stopped(result)), 'every call settles, none hangs');

  // The room's storage retries a failed write; the retry must find a working thread.
  const seq = await store.append(id, 'after', [{ update: textUpdate('after'), userId: null }]);
  assert.ok(seq > 0);
  assert.notEqual((store as unknown as { worker: unknown }).worker, worker);
});

test('close waits for the writes in flight, then refuses new ones', async () => {
  const { id } = await createOwnedManuscript(database.prisma, 'Closing');
  const store = new ThreadedDocumentStore(database.url);
  const writes = Array.from({ length: 20 }, (_, i) => store.append(id, 'closing', [{ update: textUpdate(`w${i}`), userId: null }]));
  await store.close();
  const seqs = await Promise.all(writes);
  assert.equal(new Set(seqs).size, 20, 'every write made before close was stored');
  await assert.rejects(store.append(id, 'closing', [{ update: textUpdate('late'), userId: null }]), /closed/);
  const stored = await new PrismaDocumentStore(database.prisma).load(id, 'closing');
  assert.equal(stored?.updates.length, 20);
});
