import type * as Y from 'yjs';
import type { IndexeddbPersistence } from 'y-indexeddb';

/** y-indexeddb's object store of updates (its own name for it). */
const UPDATES_STORE = 'updates';

/**
 * Tracks whether every change made in this browser is written to its local copy (IndexedDB), so
 * that "kept on this device" is said only once it is true. y-indexeddb writes each update in a
 * transaction of its own and does not say when it is done; a read-only transaction on the same
 * store, begun after it, completes only after it (IndexedDB runs overlapping transactions in
 * order), so waiting for one is waiting for every write before it. A page reloaded before that
 * can lose the last keystrokes, which is why the difference is shown.
 */
export class LocalCopyTracker {
  private pending = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly local: IndexeddbPersistence,
  ) {
    doc.on('update', this.onUpdate);
  }

  /** True when nothing changed here is waiting to be written to this browser's copy. */
  get allKept(): boolean {
    return this.pending === 0;
  }

  /** Calls `listener` whenever {@link allKept} may have changed; returns an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.doc.off('update', this.onUpdate);
    this.listeners.clear();
  }

  private onUpdate = (_update: Uint8Array, origin: unknown) => {
    // What the local copy itself delivered is in it already.
    if (origin === this.local) return;
    this.pending += 1;
    if (this.pending === 1) this.notify();
    void this.written().finally(() => {
      this.pending -= 1;
      if (this.pending === 0) this.notify();
    });
  };

  /** Resolves once every write to the local copy begun so far has completed (or failed). */
  private async written(): Promise<void> {
    await this.local.whenSynced;
    const db = this.local.db;
    if (!db) return;
    await new Promise<void>((resolve) => {
      try {
        const transaction = db.transaction([UPDATES_STORE], 'readonly');
        transaction.oncomplete = transaction.onerror = transaction.onabort = () => resolve();
        transaction.objectStore(UPDATES_STORE).count();
      } catch {
        resolve();
      }
    });
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
