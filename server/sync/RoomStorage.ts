import * as Y from 'yjs';
import type { DocumentStore, DocumentSummary, LogEntry } from '../persistence/DocumentStore';
import { log } from './log';

/** Tuning for {@link RoomStorage}. */
export interface RoomStorageOptions {
  /** Updates arriving within this window are merged into one log entry (ms). */
  flushWindowMs: number;
  /** Compact into a snapshot once this many log entries follow the last snapshot. */
  compactAfterEntries: number;
  /** First retry delay after a failed write; doubles up to 10 s (ms). */
  retryDelayMs: number;
  /**
   * Computes the title and word count stored beside the manuscript from one of its documents,
   * or undefined for a document that does not hold them (a section).
   */
  summarize: (docName: string, doc: Y.Doc) => DocumentSummary | undefined;
}

/**
 * Writes one room's updates to the {@link DocumentStore}: merged per short window into an
 * append-only log, compacted into a snapshot in the background. Writes are serialised; a failed
 * write keeps its updates in memory and is retried with backoff, so a database that is briefly
 * unwritable costs no edits.
 */
export class RoomStorage {
  private pending: QueuedUpdate[] = [];
  /** Counts every update received, and how many of those are known to be stored. */
  private received = 0;
  private stored = 0;
  private entriesSinceSnapshot: number;
  private lastSeq: number;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private waiters: Array<{ target: number; resolve: () => void }> = [];
  private retryDelay: number;
  private lastSummaryAt = 0;
  private closed = false;
  /** The last write error, cleared when a write succeeds; reported by the health endpoint. */
  lastError: Error | null = null;
  /** The document's encoded size when last measured: the snapshot it loaded from, a compaction, or {@link fitsWithin}. */
  private measuredBytes: number;
  private measuredExactly = false;
  private bytesSinceSnapshot: number;

  constructor(
    private readonly manuscriptId: string,
    private readonly docName: string,
    private readonly doc: Y.Doc,
    private readonly store: DocumentStore,
    private readonly options: RoomStorageOptions,
    loaded: { lastSeq: number; entries: number; snapshotBytes: number; logBytes: number },
  ) {
    this.measuredBytes = loaded.snapshotBytes;
    this.bytesSinceSnapshot = loaded.logBytes;
    this.lastSeq = loaded.lastSeq;
    this.entriesSinceSnapshot = loaded.entries;
    this.retryDelay = options.retryDelayMs;
  }

  /**
   * Set by a room shared through Redis: `mark` notes where the stream stands when a batch is
   * taken, `stored` hears it back once that batch is in the database.
   */
  progress: { mark(): string | null; stored(mark: string): void } | null = null;
  /** Whether compacting is allowed now (a room shared through Redis: only while this server surely holds its writer lock). */
  mayCompact: () => boolean = () => true;

  /** Queues one update (format V1, as Yjs emits and relays it) by `userId` (null for the server's own changes) for storage. */
  add(update: Uint8Array, userId: string | null): void {
    this.count(update);
    this.queue(update, userId);
  }

  /** Counts an update towards the document's approximate size without storing it (another server stores it). */
  count(update: Uint8Array): void {
    this.bytesSinceSnapshot += update.byteLength;
  }

  /** Queues an update for storage without counting it (it was counted when it reached the document). */
  queue(update: Uint8Array, userId: string | null): void {
    this.pending.push({ update, userId });
    this.received++;
    this.schedule(this.options.flushWindowMs);
  }

  /** Resolves once every update added before this call is stored. */
  whenStored(): Promise<void> {
    const target = this.received;
    if (this.stored >= target) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ target, resolve }));
  }

  /**
   * An upper bound on the document's encoded size: the last snapshot plus every update since.
   * Exact after each compaction; cheap to keep, unlike encoding the document on every update.
   */
  get approximateDocumentBytes(): number {
    return this.measuredBytes + this.bytesSinceSnapshot;
  }

  /**
   * Whether the document stays within `limitBytes` with `extraBytes` more. When the cheap bound
   * says no, the document is measured exactly first: a room another server stores is never
   * compacted here, so its bound only grows, and must not refuse a writer on its own.
   */
  fitsWithin(extraBytes: number, limitBytes: number): boolean {
    if (this.approximateDocumentBytes + extraBytes <= limitBytes) return true;
    // Little has come in since the last exact measure: that bound stands, so a writer pressing
    // against the limit does not make the server encode the whole document for every update.
    if (this.measuredExactly && this.bytesSinceSnapshot < limitBytes / 100) return false;
    this.measuredBytes = Y.encodeStateAsUpdateV2(this.doc).byteLength;
    this.measuredExactly = true;
    this.bytesSinceSnapshot = 0;
    return this.measuredBytes + extraBytes <= limitBytes;
  }

  /**
   * Writes what is pending now instead of at the end of the window, and resolves once it is
   * stored. For steps that must not wait on the timer: a revision, unloading.
   */
  flushNow(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      void this.enqueue(() => this.flush(false));
    }
    return this.whenStored();
  }

  /** Whether every update received so far is stored. */
  get isStored(): boolean {
    return this.stored >= this.received;
  }

  /** Stores everything pending now and compacts; used when the room unloads or the server stops. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // Keep trying until the pending updates are written: unloading must not drop edits.
    while (this.pending.length > 0 || (this.entriesSinceSnapshot > 0 && this.mayCompact())) {
      await this.enqueue(() => this.flush(true));
      if (this.lastError) await delay(this.retryDelay);
    }
  }

  private schedule(ms: number): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.enqueue(() => this.flush(false));
    }, ms);
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.writing = this.writing.then(task);
    return this.writing;
  }

  /** Writes the pending updates as one merged log entry, then compacts if due (or if forced). */
  private async flush(forceCompact: boolean): Promise<void> {
    // Take the batch out, so updates arriving during the write wait for the next window.
    const batch = this.pending;
    const batchEnd = this.received;
    const mark = this.progress?.mark();
    this.pending = [];
    try {
      if (batch.length > 0) {
        const entries = mergePerWriter(batch);
        this.lastSeq = await this.store.append(this.manuscriptId, this.docName, entries, this.summaryIfDue());
        this.entriesSinceSnapshot += entries.length;
        if (mark !== undefined && mark !== null) this.progress?.stored(mark);
      }
      this.markStored(batchEnd);
      const due = forceCompact || this.entriesSinceSnapshot >= this.options.compactAfterEntries;
      if (this.entriesSinceSnapshot > 0 && due && this.mayCompact()) {
        await this.compact();
      }
      this.succeeded();
    } catch (error) {
      if (this.stored < batchEnd) this.pending = batch.concat(this.pending);
      this.failed(error as Error);
    }
    if (this.pending.length > 0) this.schedule(this.options.flushWindowMs);
  }

  private async compact(): Promise<void> {
    const state = Y.encodeStateAsUpdateV2(this.doc);
    await this.store.compact(this.manuscriptId, this.docName, state, this.lastSeq, this.options.summarize(this.docName, this.doc));
    this.measuredBytes = state.byteLength;
    this.bytesSinceSnapshot = 0;
    this.entriesSinceSnapshot = 0;
    this.lastSummaryAt = Date.now();
  }

  /** The summary is refreshed at most every 10 s while writing; compaction always refreshes it. */
  private summaryIfDue(): DocumentSummary | undefined {
    if (Date.now() - this.lastSummaryAt < 10_000) return undefined;
    this.lastSummaryAt = Date.now();
    return this.options.summarize(this.docName, this.doc);
  }

  private markStored(upTo: number): void {
    this.stored = Math.max(this.stored, upTo);
    const ready = this.waiters.filter((w) => w.target <= this.stored);
    this.waiters = this.waiters.filter((w) => w.target > this.stored);
    for (const waiter of ready) waiter.resolve();
  }

  private succeeded(): void {
    if (this.lastError) log.info('storage recovered', { manuscriptId: this.manuscriptId });
    this.lastError = null;
    this.retryDelay = this.options.retryDelayMs;
  }

  private failed(error: Error): void {
    this.lastError = error;
    log.error('storage write failed; will retry', {
      manuscriptId: this.manuscriptId,
      pendingUpdates: this.pending.length,
      retryInMs: this.retryDelay,
      error: error.message,
    });
    if (!this.closed && this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.enqueue(() => this.flush(false));
      }, this.retryDelay);
    }
    this.retryDelay = Math.min(this.retryDelay * 2, 10_000);
  }
}

/** An update waiting for the next storage window: as Yjs emitted it (format V1), and its writer. */
interface QueuedUpdate {
  update: Uint8Array;
  userId: string | null;
}

/**
 * One log entry per writer for a window: each writer's updates (V1) merged and stored as V2,
 * writers in the order they first wrote. Attribution stays exact while the log still gets one
 * row per window, not per key.
 */
function mergePerWriter(batch: QueuedUpdate[]): LogEntry[] {
  const byWriter = new Map<string | null, Uint8Array[]>();
  for (const { update, userId } of batch) {
    const updates = byWriter.get(userId);
    if (updates) updates.push(update);
    else byWriter.set(userId, [update]);
  }
  return [...byWriter].map(([userId, updates]) => ({ userId, update: Y.convertUpdateFormatV1ToV2(updates.length === 1 ? updates[0] : Y.mergeUpdates(updates)) }));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
