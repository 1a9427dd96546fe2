/** What a manuscript's stored Yjs state looks like when loaded: a snapshot plus the log after it. */
export interface StoredDocument {
  /** Compacted state (update format V2), or null before the first compaction. */
  snapshot: Uint8Array | null;
  /** Log entries written after the snapshot (update format V2), oldest first. */
  updates: Uint8Array[];
  /** Sequence number of the newest log entry (or of the snapshot's coverage if the log is empty). */
  lastSeq: number;
}

/** One log entry to append: a merged update (V2) and who wrote it (null: the server itself). */
export interface LogEntry {
  update: Uint8Array;
  userId: string | null;
}

/** Facts derived from a manuscript's Yjs document, kept beside it for the library page. */
export interface DocumentSummary {
  title: string;
  wordCount: number;
}

/**
 * The storage the sync server needs, and nothing more. The sync code depends only on this
 * interface, so SQLite and PostgreSQL (both through Prisma), or a wrapper that delays or fails
 * calls in a test, are interchangeable.
 */
export interface DocumentStore {
  /** Loads a manuscript's state; null if no such manuscript exists. */
  load(manuscriptId: string): Promise<StoredDocument | null>;
  /**
   * Appends entries to the log in one transaction, optionally refreshing the summary; returns the
   * seq of the last entry.
   */
  append(manuscriptId: string, entries: LogEntry[], summary?: DocumentSummary): Promise<number>;
  /**
   * Replaces the snapshot with `state` (V2), which covers every log entry up to `throughSeq`,
   * and drops those entries that no future revision needs, in one transaction.
   */
  compact(manuscriptId: string, state: Uint8Array, throughSeq: number, summary: DocumentSummary): Promise<void>;
}
