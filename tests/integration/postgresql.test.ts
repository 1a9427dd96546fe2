import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDev } from '../../scripts/db/migrateDev';
import { copyDatabase } from '../../scripts/db/copyDatabase';
import { createPostgresDatabase, dropPostgresDatabase, startPostgresServer, type PostgresServer } from '../../scripts/postgresServer';
import { createPrismaClient } from '../../server/createPrismaClient';
import { createAuth } from '../../server/auth/createAuth';
import { manuscriptVersions } from '../../server/revisions/manuscriptVersions';
import { compareRevisions } from '../../server/revisions/compareRevisions';
import { manuscriptExporter } from '../../server/export/manuscriptExporter';
import { listSections } from '@model/manuscript/manuscriptLayout';
import { sectionDocParagraph } from '../support/chapterText';
import { openFixtureDatabase } from '../support/fixtureDatabase';
import { createAccount } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { connectStockClient } from '../support/stockClient';
import { signSyncToken } from '../../server/access/syncToken';
import { storedAck } from '../support/storedAck';
import { createThread } from '../../server/comments/threadChanges';

// The server `npm run test:postgresql` or the `postgresql` suite started, else one of our own.
let server: PostgresServer | null = null;
let adminUrl: string;
before(async () => {
  adminUrl = process.env.QUIRE_TEST_POSTGRES_URL ?? (server = await startPostgresServer()).url();
});
after(async () => {
  await server?.stop();
});

/** A fresh, empty PostgreSQL database, dropped when the test ends. */
async function emptyDatabase(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const url = await createPostgresDatabase(adminUrl);
  t.after(() => dropPostgresDatabase(adminUrl, url));
  return url;
}

test('the PostgreSQL migrations build exactly the schema, and so do SQLite’s (neither can drift from prisma/schema.prisma)', async (t) => {
  const quiet = () => {};
  const postgresql = await migrateDev({ url: await emptyDatabase(t), check: true, log: quiet });
  assert.equal(postgresql.drift, false, 'prisma/postgresql/migrations matches prisma/postgresql/schema.prisma (run `npm run db:migrate` against PostgreSQL after `npm run db:schema`)');
  assert.ok(postgresql.applied.length > 0);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'quire-drift-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const sqlite = await migrateDev({ url: `file:${path.join(dir, 'quire.db')}`, check: true, log: quiet });
  assert.equal(sqlite.drift, false, 'prisma/migrations matches prisma/schema.prisma');
});

test('`npm run db:copy` copies an installation into PostgreSQL: every word, section, revision, author, account and thread, and the copy works on', async (t) => {
  // The source: a database as an earlier Quire wrote it, upgraded as `npm start` does, with a
  // comment thread and a signed-in session added, so that every kind of row is there.
  const source = await openFixtureDatabase(t, 'quire-v1.db');
  const writer = await createAccount(source.prisma, 'Penelope');
  await source.prisma.membership.create({ data: { manuscriptId: 'sample', userId: writer.userId, role: 'editor' } });
  const firstChapter = (await source.prisma.manuscriptSnapshot.findMany({ where: { manuscriptId: 'sample' }, select: { docName: true } })).map((s) => s.docName).find((name) => name !== 'book')!;
  await createThread(source.prisma, 'sample', writer.userId, { id: 'thread-1', sectionId: firstChapter, quote: 'quoted words', body: 'Is this right?' });
  const signIn = await createAuth(source.prisma).api.signInEmail({ body: { email: writer.email, password: writer.password } });
  assert.ok(signIn.token);

  const target = await emptyDatabase(t);
  const lines: string[] = [];
  const report = await copyDatabase(source.url, target, (line) => lines.push(line));
  assert.ok(report.manuscriptSnapshot > 0 && report.revision > 0 && report.user >= 3 && report.session >= 1 && report.commentThread === 1, JSON.stringify(report));

  const copy = createPrismaClient(target);
  t.after(() => copy.$disconnect());
  // Every word and section as it is now and at every revision; revisions compare the same way.
  const revisionIds = (await source.prisma.revision.findMany({ where: { manuscriptId: 'sample' }, orderBy: { createdAt: 'asc' }, select: { id: true } })).map((r) => r.id);
  assert.deepEqual(await manuscriptVersions(copy, 'sample', ['now', ...revisionIds]), await manuscriptVersions(source.prisma, 'sample', ['now', ...revisionIds]));
  assert.deepEqual(await compareRevisions(copy, 'sample', revisionIds[0], 'now'), await compareRevisions(source.prisma, 'sample', revisionIds[0], 'now'));
  assert.deepEqual(
    new TextDecoder().decode((await manuscriptExporter(copy, 'sample', 'markdown')).bytes),
    new TextDecoder().decode((await manuscriptExporter(source.prisma, 'sample', 'markdown')).bytes),
  );
  const revisionSummaries = async (client: typeof copy) => (await client.revision.findMany({ orderBy: { createdAt: 'asc' }, select: { id: true, summary: true, createdById: true } }));
  assert.deepEqual(await revisionSummaries(copy), await revisionSummaries(source.prisma), 'who changed what is kept');
  assert.equal((await copy.commentThread.findUniqueOrThrow({ where: { id: 'thread-1' }, include: { comments: true } })).comments[0].body, 'Is this right?');
  // The account signs in on the copy with its password, and its session carried over.
  const again = await createAuth(copy).api.signInEmail({ body: { email: writer.email, password: writer.password } });
  assert.ok(again.token);
  assert.equal(await copy.session.count({ where: { userId: writer.userId } }), 2);

  // Writing on, against the copy: a sync server on PostgreSQL stores new words after the copied
  // log rows (the sequence was moved past them) and the next revision credits them to their writer.
  const sync = await startTestSyncServer(t, copy);
  const token = await signSyncToken(writer.userId, 'sample');
  const book = connectStockClient(t, sync.port, 'sample', token);
  await book.synced;
  const chapter = listSections(book.doc).find((s) => s.kind === 'chapter')!;
  const client = connectStockClient(t, sync.port, `sample/${chapter.id}`, token);
  await client.synced;
  sectionDocParagraph(client.doc).insert(0, 'Written on PostgreSQL. ');
  await storedAck(client, 1);
  const copiedThrough = Math.max(
    ...(await copy.revision.findMany({ select: { throughSeq: true } })).map((r) => r.throughSeq),
    ...(await copy.manuscriptSnapshot.findMany({ select: { throughSeq: true } })).map((s) => s.throughSeq),
    ...(await source.prisma.manuscriptUpdate.findMany({ select: { seq: true } })).map((u) => u.seq),
    // SQLite's own counter: the fixture's log rows were compacted away after it reached 7.
    Number((await source.prisma.$queryRawUnsafe<Array<{ seq: number }>>(`SELECT seq FROM sqlite_sequence WHERE name = 'ManuscriptUpdate'`))[0].seq),
  );
  const written = await copy.manuscriptUpdate.findFirstOrThrow({ where: { manuscriptId: 'sample' }, orderBy: { seq: 'desc' }, select: { seq: true } });
  assert.ok(written.seq > copiedThrough, `new log entries are numbered after every copied one (${written.seq} > ${copiedThrough})`);
  await sync.registry.revisionNow('sample');
  const latest = await copy.revision.findFirstOrThrow({ where: { manuscriptId: 'sample' }, orderBy: { createdAt: 'desc' }, select: { summary: true } });
  assert.match(latest.summary, /Penelope/);

  // A second copy into the same (now full) database is refused, and changes nothing.
  await assert.rejects(copyDatabase(source.url, target, () => {}), /already holds data/);
});

test('the copy refuses a target that is not PostgreSQL, a source that is the target, and a source file that is not there', async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'quire-copy-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = `file:${path.join(dir, 'quire.db')}`;
  await assert.rejects(copyDatabase(file, `file:${path.join(dir, 'other.db')}`), /must be a PostgreSQL database/);
  await assert.rejects(copyDatabase(adminUrl, adminUrl), /same database/);
  const target = await emptyDatabase(t);
  await assert.rejects(copyDatabase(file, target, () => {}), /There is no database at/);
});
