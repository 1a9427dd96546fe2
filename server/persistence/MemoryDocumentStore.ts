import type { DocumentStore, DocumentSummary, LogEntry, StoredDocument } from './DocumentStore';

interface MemoryRecord {
  snapshot: Uint8Array | null;
  throughSeq: number;
  log: Array<{ seq: number; data: Uint8Array; userId: string | null }>;
  summary: DocumentSummary;
}

/**
 * An in-memory {@link DocumentStore} for unit tests of the sync logic. It can be told to fail,
 * to exercise the server's retry path.
 */
export class MemoryDocumentStore implements DocumentStore {
  readonly records = new Map<string, MemoryRecord>();
  /** While set, every write throws this error (as a read-only or full disk would). */
  failWritesWith: Error | null = null;
  private nextSeq = 1;

  /** Registers a manuscript, optionally with an initial snapshot. */
  create(manuscriptId: string, snapshot: Uint8Array | null = null): void {
    this.records.set(manuscriptId, { snapshot, throughSeq: 0, log: [], summary: { title: '', wordCount: 0 } });
  }

  async load(manuscriptId: string): Promise<StoredDocument | null> {
    const record = this.records.get(manuscriptId);
    if (!record) return null;
    const log = record.log.filter((row) => row.seq > record.throughSeq);
    return {
      snapshot: record.snapshot,
      updates: log.map((row) => row.data),
      lastSeq: log.length > 0 ? log[log.length - 1].seq : record.throughSeq,
    };
  }

  async append(manuscriptId: string, entries: LogEntry[], summary?: DocumentSummary): Promise<number> {
    const record = this.writable(manuscriptId);
    for (const entry of entries) record.log.push({ seq: this.nextSeq++, data: entry.update, userId: entry.userId });
    if (summary) record.summary = summary;
    return this.nextSeq - 1;
  }

  async compact(manuscriptId: string, state: Uint8Array, throughSeq: number, summary: DocumentSummary): Promise<void> {
    const record = this.writable(manuscriptId);
    record.snapshot = state;
    record.throughSeq = throughSeq;
    record.log = record.log.filter((row) => row.seq > throughSeq);
    record.summary = summary;
  }

  private writable(manuscriptId: string): MemoryRecord {
    if (this.failWritesWith) throw this.failWritesWith;
    const record = this.records.get(manuscriptId);
    if (!record) throw new Error(`No manuscript ${manuscriptId}`);
    return record;
  }
}
