import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as Y from 'yjs';
import { PrismaDocumentStore } from '../../server/persistence/PrismaDocumentStore';
import type { DocumentStore } from '../../server/persistence/DocumentStore';
import { freePort } from '../../scripts/freePort';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient } from '../support/stockClient';
import { startSyncProcess } from '../support/syncProcess';
import { retryUntil } from '../support/retryUntil';
import { storedAck } from '../support/storedAck';
import { storedDoc } from '../support/storedDoc';
import { sectionDocParagraph, sectionDocText } from '../support/chapterText';
import { createMember, createOwnedManuscript } from '../support/members';
import { newManuscript } from '../../server/manuscripts/newManuscript';
import { emptySection } from '@model/manuscript/emptySection';
import { newId } from '@model/manuscript/newId';
import { startTestSyncServer } from '../support/testSyncServer';
import { fileScope } from '../support/testScope';

let database: TempDatabase;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
});

/**
 * A new manuscript in sections (the layout every manuscript has once a sync server has started)
 * owned by a new account; `room` is its first chapter's sync room, `chapterId` that chapter.
 */
async function bookWithOneChapter(title: string) {
  const manuscript = newManuscript(title);
  const chapterId = manuscript.sections.find((section) => section.kind === 'chapter')!.id;
  const { id, owner } = await createOwnedManuscript(database.prisma, title, { layout: 'sections', manuscript });
  return { id, owner, chapterId, room: `${id}/${chapterId}` };
}

/** Types `text` at the end of the chapter's first paragraph, one character per transaction, as a person would, `intervalMs` apart. */
async function typeSlowly(doc: Y.Doc, text: string, intervalMs = 2): Promise<void> {
  for (const char of text) {
    const target = sectionDocParagraph(doc);
    target.insert(target.length, char);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

test('SIGKILL mid-sentence and a restart lose nothing: stored text survives, unsent text merges on reconnect', async (t) => {
  const { owner, room } = await bookWithOneChapter('Killed');
  const port = await freePort();
  // Every process and client below is stopped when the test ends, whether or not it passed.
  let sync = await startSyncProcess(t, database.url, { port });
  const alice = connectStockClient(t, port, room, owner.token);
  await alice.synced;

  await typeSlowly(alice.doc, 'The first sentence is stored. ');
  await storedAck(alice, 1);
  // Kill while the second sentence is still being typed: part of it may never reach the server.
  const typing = typeSlowly(alice.doc, 'The second one is cut off mid-word by the crash. ');
  await new Promise((resolve) => setTimeout(resolve, 30));
  await sync.kill('SIGKILL');
  await typing;

  // A fresh reader after the restart sees at least everything that was acknowledged as stored.
  sync = await startSyncProcess(t, database.url, { port: await freePort() });
  const reader = connectStockClient(t, sync.port, room, owner.token);
  await reader.synced;
  assert.match(sectionDocText(reader.doc), /The first sentence is stored\./);
  reader.destroy();
  await sync.kill('SIGKILL');

  // Restarted on Alice's port, her client reconnects by itself and sends what the crash cut off:
  // another client of that server receives all of it (Alice's own copy would show it regardless).
  sync = await startSyncProcess(t, database.url, { port });
  const expected = 'The first sentence is stored. The second one is cut off mid-word by the crash. ';
  assert.equal(sectionDocText(alice.doc), expected, 'alice typed both sentences');
  await retryUntil(() => assert.ok(alice.provider.synced, 'alice has not synced again'), { timeoutMs: 15_000 });
  const witness = connectStockClient(t, port, room, owner.token);
  await witness.synced;
  await retryUntil(() => assert.equal(sectionDocText(witness.doc), expected, 'the witness has not received everything alice typed'), { timeoutMs: 15_000 });
  witness.destroy();
  await storedAck(alice, 2);
  await sync.kill('SIGKILL');

  sync = await startSyncProcess(t, database.url, { port: await freePort() });
  const later = connectStockClient(t, sync.port, room, owner.token);
  await later.synced;
  assert.equal(sectionDocText(later.doc), expected);
  await sync.kill('SIGTERM');
});

test('a client that leaves before the manuscript finished loading does not erase it', async (t) => {
  const { owner, room } = await bookWithOneChapter('Early leaver');
  const real = new PrismaDocumentStore(database.prisma);
  // Give a first writer something to lose.
  const setup = await startTestSyncServer(t, database.prisma, { gracePeriodMs: 50 });
  const writer = connectStockClient(t, setup.port, room, owner.token);
  await writer.synced;
  sectionDocParagraph(writer.doc).insert(0, 'Words that must survive.');
  await storedAck(writer, 1);
  writer.destroy();
  await setup.close();

  let releaseLoad!: () => void;
  const loadGate = new Promise<void>((resolve) => (releaseLoad = resolve));
  const slowStore: DocumentStore = {
    load: async (manuscriptId, docName) => {
      await loadGate;
      return real.load(manuscriptId, docName);
    },
    layoutOf: (manuscriptId) => real.layoutOf(manuscriptId),
    append: (...args) => real.append(...args),
    compact: (...args) => real.compact(...args),
  };
  const server = await startTestSyncServer(t, database.prisma, { store: slowStore, gracePeriodMs: 50 });
  const leaver = connectStockClient(t, server.port, room, owner.token);
  await new Promise((resolve) => setTimeout(resolve, 100));
  leaver.destroy(); // gone while the room is still loading
  releaseLoad();
  await retryUntil(async () => assert.equal((await server.registry.loadedRooms()).length, 0));

  const reader = connectStockClient(t, server.port, room, owner.token);
  await reader.synced;
  assert.equal(sectionDocText(reader.doc), 'Words that must survive.');
  await server.close();
});

test('two writers typing through a SIGKILL and restart: both reconnect, every character either typed survives, clients and database agree', async (t) => {
  const { id, owner, chapterId, room } = await bookWithOneChapter('Two through a crash');
  const editor = await createMember(database.prisma, id, 'editor', 'Second');
  const port = await freePort();
  let sync = await startSyncProcess(t, database.url, { port });
  const ada = connectStockClient(t, port, room, owner.token);
  const ben = connectStockClient(t, port, room, editor.token);
  await Promise.all([ada.synced, ben.synced]);
  sectionDocParagraph(ada.doc).insert(0, '|');
  await retryUntil(() => assert.equal(sectionDocText(ben.doc), '|', 'ben has not received the first character'));

  const adaWords = 'ada types her lines steadily and does not stop for the crash ';
  const benWords = 'ben keeps writing too while the server dies and comes back ';
  const typing = Promise.all([
    typeSlowly(ada.doc, adaWords, 3),
    typeSlowly(ben.doc, benWords, 3),
  ]);
  await new Promise((resolve) => setTimeout(resolve, 60));
  await sync.kill('SIGKILL');
  await new Promise((resolve) => setTimeout(resolve, 100));
  sync = await startSyncProcess(t, database.url, { port });
  await typing;

  const sorted = (value: string) => [...value].sort().join('');
  await retryUntil(
    () => {
      assert.equal(sectionDocText(ada.doc), sectionDocText(ben.doc), 'ada and ben do not agree yet');
      assert.equal(sorted(sectionDocText(ada.doc)), sorted('|' + adaWords + benWords), 'some characters are missing');
    },
    { timeoutMs: 20_000 },
  );
  await retryUntil(() => assert.ok(ada.provider.synced && ben.provider.synced, 'ada and ben have not both synced again'), { timeoutMs: 20_000 });
  await storedAck(ada, 3);
  await storedAck(ben, 3);
  assert.equal(sectionDocText(await storedDoc(database.prisma, id, chapterId)), sectionDocText(ada.doc));
  await sync.kill('SIGTERM');
});

test('a long storage window never delays unloading: pending text is written as the last writer leaves', async (t) => {
  const { id, owner, chapterId, room } = await bookWithOneChapter('Long window');
  const server = await startTestSyncServer(t, database.prisma, { gracePeriodMs: 50, storage: { flushWindowMs: 60_000 } });
  const writer = connectStockClient(t, server.port, room, owner.token);
  await writer.synced;
  sectionDocParagraph(writer.doc).insert(0, 'Left in a hurry.');
  const chapterLoaded = async () => (await server.registry.loadedRooms()).some((loaded) => loaded.docName === chapterId);
  await retryUntil(async () => assert.ok(await chapterLoaded(), 'the chapter room is not loaded'));
  writer.destroy();
  await retryUntil(async () => assert.equal((await server.registry.loadedRooms()).length, 0), { timeoutMs: 5000 });
  assert.equal(sectionDocText(await storedDoc(database.prisma, id, chapterId)), 'Left in a hurry.');
  await server.close();
});

test('two writers typing in two chapters through a SIGKILL and restart: each chapter keeps every character, and storage agrees', async (t) => {
  const manuscript = newManuscript('Two chapters through a crash');
  manuscript.sections.push({ id: newId(), kind: 'chapter', content: emptySection('chapter', 'Two') });
  const [one, two] = manuscript.sections.filter((section) => section.kind === 'chapter').map((section) => section.id);
  const { id, owner } = await createOwnedManuscript(database.prisma, manuscript.title, { layout: 'sections', manuscript });
  const editor = await createMember(database.prisma, id, 'editor', 'Second');
  const port = await freePort();
  let sync = await startSyncProcess(t, database.url, { port });
  const ada = connectStockClient(t, port, `${id}/${one}`, owner.token);
  const ben = connectStockClient(t, port, `${id}/${two}`, editor.token);
  await Promise.all([ada.synced, ben.synced]);

  const adaWords = 'ada writes chapter one straight through the crash ';
  const benWords = 'ben writes chapter two while the server dies ';
  const typing = Promise.all([typeSlowly(ada.doc, adaWords, 3), typeSlowly(ben.doc, benWords, 3)]);
  await new Promise((resolve) => setTimeout(resolve, 60));
  await sync.kill('SIGKILL');
  await new Promise((resolve) => setTimeout(resolve, 100));
  sync = await startSyncProcess(t, database.url, { port });
  await typing;

  await retryUntil(() => assert.ok(ada.provider.synced && ben.provider.synced, 'ada and ben have not both synced again'), { timeoutMs: 20_000 });
  await storedAck(ada, 1);
  await storedAck(ben, 1);
  // A fresh reader of each chapter, and the database, hold every character typed there.
  const readerOne = connectStockClient(t, port, `${id}/${one}`, owner.token);
  const readerTwo = connectStockClient(t, port, `${id}/${two}`, owner.token);
  await Promise.all([readerOne.synced, readerTwo.synced]);
  assert.equal(sectionDocText(readerOne.doc), adaWords);
  assert.equal(sectionDocText(readerTwo.doc), 'Two\n' + benWords);
  assert.equal(sectionDocText(await storedDoc(database.prisma, id, one)), adaWords);
  assert.equal(sectionDocText(await storedDoc(database.prisma, id, two)), 'Two\n' + benWords);
  await sync.kill('SIGTERM');
});
