import { promisify } from 'node:util';
import { deflateRaw, inflateRawSync } from 'node:zlib';
import type { PrismaClient } from '../generated/prisma/client';
import { databaseProviderOf } from '../createPrismaClient';
import { asDocumentLayout, type DocumentLayout, type DocumentStore, type DocumentSummary, type LogEntry, type StoredDocument } from './DocumentStore';

const COMPRESSED = 'yjs-v2+deflate';
/** Deflating runs on libuv's thread pool: a room's compaction must not hold up the relay of edits. */
const deflateRawAsync = promisify(deflateRaw);

/**
 * How long a log append, or a compaction's write, waits for a free database connection to start
 * its transaction (ms; Prisma's default is 2 s). On PostgreSQL a sync server storing a thousand busy rooms queues for its pool; failing
 * after 2 s only to retry a moment later filled the log with errors (10,902 in one benchmark run)
 * and gained nothing, since the queue was the same. The room keeps the changes meanwhile.
 */
const WRITE_WAIT_MS = 10_000;

/** A stored snapshot's Yjs V2 update, whichever way it was stored. */
function readState(state: Uint8Array, format: string): Uint8Array {
  if (format === COMPRESSED) return new Uint8Array(inflateRawSync(state));
  if (format === 'yjs-v2') return new Uint8Array(state);
  throw new Error(`Unknown snapshot format "${format}"`);
}

/** {@link DocumentStore} on the Prisma models ManuscriptSnapshot and ManuscriptUpdate. */
export class PrismaDocumentStore implements DocumentStore {
  constructor(private readonly prisma: PrismaClient) {}

  async layoutOf(manuscriptId: string): Promise<DocumentLayout | null> {
    const manuscript = await this.prisma.manuscript.findUnique({ where: { id: manuscriptId }, select: { layout: true } });
    return manuscript ? asDocumentLayout(manuscript.layout) : null;
  }

  async load(manuscriptId: string, docName: string): Promise<StoredDocument | null> {
    const manuscript = await this.prisma.manuscript.findUnique({
      where: { id: manuscriptId },
      select: {
        snapshots: { where: { docName }, select: { state: true, throughSeq: true, format: true } },
        updates: { where: { docName }, select: { seq: true, data: true }, orderBy: { seq: 'asc' } },
      },
    });
    if (!manuscript) return null;
    const snapshot = manuscript.snapshots[0];
    const throughSeq = snapshot?.throughSeq ?? 0;
    // Rows the last compaction covered but did not get to delete are skipped, not re-applied.
    const updates = manuscript.updates.filter((row) => row.seq > throughSeq);
    return {
      snapshot: snapshot ? readState(snapshot.state, snapshot.format) : null,
      updates: updates.map((row) => new Uint8Array(row.data)),
      lastSeq: updates.length > 0 ? updates[updates.length - 1].seq : throughSeq,
    };
  }

  async append(manuscriptId: string, docName: string, entries: LogEntry[], summary?: DocumentSummary): Promise<number> {
    // On PostgreSQL a row's seq is drawn when it is inserted, not when it commits, so two
    // sections' appends could commit out of order and a revision made between them would record
    // a throughSeq past a row not yet visible, which no later revision would then read. A lock
    // per manuscript held to the commit keeps commit order and seq order the same (SQLite's one
    // writer at a time does this by itself).
    const inOrder = databaseProviderOf(this.prisma) === 'postgresql' ? [this.prisma.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${manuscriptId}))`] : [];
    const rows = await this.prisma.$transaction([
      ...inOrder,
      ...entries.map((entry) =>
        this.prisma.manuscriptUpdate.create({
          data: { manuscriptId, docName, data: new Uint8Array(entry.update), userId: entry.userId },
          select: { seq: true },
        }),
      ),
      ...(summary ? [this.prisma.manuscript.update({ where: { id: manuscriptId }, data: summary, select: { id: true } })] : []),
    ], { maxWait: WRITE_WAIT_MS });
    return (rows[inOrder.length + entries.length - 1] as { seq: number }).seq;
  }

  async compact(manuscriptId: string, docName: string, state: Uint8Array, throughSeq: number, summary?: DocumentSummary): Promise<void> {
    // The state holds the whole history, text that compresses well: deflate it.
    const bytes = new Uint8Array(await deflateRawAsync(state));
    const format = COMPRESSED;
    // Log entries after the latest revision say who wrote what since; the next revision needs them.
    const latestRevision = await this.prisma.revision.findFirst({
      where: { manuscriptId },
      orderBy: { throughSeq: 'desc' },
      select: { throughSeq: true },
    });
    const dropThrough = Math.min(throughSeq, latestRevision?.throughSeq ?? 0);
    // A snapshot never goes back: with several sync servers, one that stalled while compacting
    // (and so lost the room's writer lock) must not replace the snapshot the new writer made
    // since, through entries this one has not seen. The write below only replaces an older one.
    const where = { manuscriptId_docName: { manuscriptId, docName } };
    const current = await this.prisma.manuscriptSnapshot.findUnique({ where, select: { throughSeq: true } });
    if (current && current.throughSeq >= throughSeq) return;
    const data = { state: bytes, throughSeq, format };
    const write = this.prisma.$transaction([
      current
        ? this.prisma.manuscriptSnapshot.updateMany({ where: { manuscriptId, docName, throughSeq: { lt: throughSeq } }, data })
        : this.prisma.manuscriptSnapshot.create({ data: { manuscriptId, docName, ...data }, select: { throughSeq: true } }),
      this.prisma.manuscriptUpdate.deleteMany({ where: { manuscriptId, docName, seq: { lte: dropThrough } } }),
      ...(summary ? [this.prisma.manuscript.update({ where: { id: manuscriptId }, data: summary, select: { id: true } })] : []),
    ], { maxWait: WRITE_WAIT_MS });
    try {
      await write;
    } catch (error) {
      // Another writer made the first snapshot between the read and this write: theirs stands.
      if ((error as { code?: string }).code === 'P2002') return;
      throw error;
    }
  }
}
