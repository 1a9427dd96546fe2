/**
 * A manuscript is stored as named Yjs documents, each with its own snapshot and log, laid out one
 * of two ways (the manuscript's `layout`):
 * - `one-document`: the whole manuscript (title, section list, every section's text) in the
 *   document named {@link MAIN_DOCUMENT};
 * - `sections`: a book document named `book` (title, section list, each section's title and word
 *   count) and one document per section, named by the section's id.
 */
export type DocumentLayout = 'one-document' | 'sections';

/** The document that holds the whole manuscript in the `one-document` layout. */
export const MAIN_DOCUMENT = '';

/** Reads a stored layout name; anything unknown is the older layout. */
export function asDocumentLayout(value: string): DocumentLayout {
  return value === 'sections' ? 'sections' : 'one-document';
}

/** What one stored Yjs document looks like when loaded: a snapshot plus the log after it. */
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
  /** How a manuscript's documents are laid out; null if no such manuscript exists. */
  layoutOf(manuscriptId: string): Promise<DocumentLayout | null>;
  /**
   * Loads one of a manuscript's documents; null if no such manuscript exists (a document never
   * written to loads empty).
   */
  load(manuscriptId: string, docName: string): Promise<StoredDocument | null>;
  /**
   * Appends entries to a document's log in one transaction, optionally refreshing the
   * manuscript's summary (kept beside the document that holds the title); returns the seq of the
   * last entry.
   */
  append(manuscriptId: string, docName: string, entries: LogEntry[], summary?: DocumentSummary): Promise<number>;
  /**
   * Replaces a document's snapshot with `state` (V2), which covers every log entry of it up to
   * `throughSeq`, and drops those entries that no future revision needs, in one transaction.
   */
  compact(manuscriptId: string, docName: string, state: Uint8Array, throughSeq: number, summary?: DocumentSummary): Promise<void>;
}
