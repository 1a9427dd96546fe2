import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { emptySection } from '@model/manuscript/emptySection';
import type { SectionKind } from '@model/manuscript/manuscriptJson';
import { hasSectionContent, initialSectionUpdate, renameSection } from '@model/manuscript/sectionDocument';
import { readSectionStats, sectionStatsMap } from '@model/manuscript/bookDocument';
import { StoredTracker } from './StoredTracker';
import { LocalCopyTracker } from './LocalCopyTracker';
import { AdoptingWebSocket } from './earlySockets';

/** One section's document as the writing room holds it: kept in IndexedDB, synced over its own room. */
export interface SectionConnection {
  id: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  local: IndexeddbPersistence;
  tracker: StoredTracker;
  /** Whether this section's changes are written to `local` yet. */
  localTracker: LocalCopyTracker;
}

/** The IndexedDB database that keeps one of a manuscript's documents in this browser. */
export function localDatabaseName(manuscriptId: string, docName: string): string {
  return `quire:${manuscriptId}:${docName}`;
}

/** How many sections sync in the background at once, after the open one. */
const BACKGROUND_CONCURRENCY = 2;

/**
 * The section documents of one open manuscript. The section on screen is opened first and kept
 * live; a section left behind stays connected until everything typed in it is stored, then
 * closes. Once the open section is ready, every other section is synced once in the background
 * (two at a time, each closed when done) into IndexedDB, so a writer who loses the connection can
 * still open and edit any chapter; what is in this browser is counted for the status line.
 */
export class SectionDocuments {
  private readonly live = new Map<string, SectionConnection>();
  /** How many users (the editor, a rename) hold each live section open. */
  private readonly holds = new Map<string, number>();
  private readonly leaving = new Set<SectionConnection>();
  private readonly listeners = new Set<() => void>();
  private readonly offline: Set<string>;
  private queue: string[] = [];
  private running = 0;
  private destroyed = false;
  private token: string;

  constructor(
    private readonly manuscriptId: string,
    private readonly url: string,
    token: string,
  ) {
    this.token = token;
    this.offline = new Set(readOfflineList(manuscriptId));
  }

  /**
   * The live connection to a section, opened if needed. `kind` is what an empty section starts
   * as: a section the server confirms empty (added by a co-writer a moment ago) gets the same
   * initial content everywhere, so two writers filling it at once do not double it.
   */
  open(sectionId: string, kind: SectionKind): SectionConnection {
    this.holds.set(sectionId, (this.holds.get(sectionId) ?? 0) + 1);
    const existing = this.live.get(sectionId) ?? [...this.leaving].find((c) => c.id === sectionId);
    if (existing) {
      this.leaving.delete(existing);
      this.live.set(sectionId, existing);
      return existing;
    }
    const connection = this.connect(sectionId);
    connection.provider.once('sync', () => {
      if (!hasSectionContent(connection.doc)) Y.applyUpdate(connection.doc, initialSectionUpdate(emptySection(kind)));
      this.markOffline(sectionId);
    });
    this.live.set(sectionId, connection);
    this.notify();
    return connection;
  }

  /**
   * Opens a section just added to the book by this writer and fills it at once, online or not
   * (no one else can have written a section that did not exist).
   */
  create(sectionId: string, kind: SectionKind): SectionConnection {
    const connection = this.open(sectionId, kind);
    Y.applyUpdate(connection.doc, initialSectionUpdate(emptySection(kind)));
    return connection;
  }

  /** Lets a section go once no one holds it and everything typed in it is stored. */
  release(sectionId: string): void {
    const held = (this.holds.get(sectionId) ?? 1) - 1;
    if (held > 0) {
      this.holds.set(sectionId, held);
      return;
    }
    this.holds.delete(sectionId);
    const connection = this.live.get(sectionId);
    if (!connection) return;
    this.live.delete(sectionId);
    this.leaving.add(connection);
    const closeWhenStored = () => {
      if (!this.leaving.has(connection) || !connection.tracker.allStored) return;
      unsubscribe();
      this.leaving.delete(connection);
      this.close(connection);
      this.notify();
    };
    const unsubscribe = connection.tracker.subscribe(closeWhenStored);
    closeWhenStored();
  }

  /**
   * Renames a chapter or part from the binder: the title lives in the section's own document, so
   * it is opened (if it is not on screen), renamed once its text is here, and let go. The book's
   * copy of the title changes at once too; the server confirms it from the section.
   */
  async rename(book: Y.Doc, sectionId: string, kind: SectionKind, title: string): Promise<void> {
    const stats = readSectionStats(book, sectionId);
    sectionStatsMap(book).set(sectionId, { title, words: stats?.words ?? 0 });
    const connection = this.open(sectionId, kind);
    try {
      await new Promise<void>((resolve) => {
        const check = () => {
          if (!hasSectionContent(connection.doc)) return;
          connection.doc.off('update', check);
          resolve();
        };
        connection.doc.on('update', check);
        check();
      });
      renameSection(connection.doc, title);
    } finally {
      this.release(sectionId);
    }
  }

  /** Syncs the given sections into this browser, in the background, after what is queued. */
  syncInBackground(sectionIds: string[]): void {
    const wanted = sectionIds.filter((id) => !this.offline.has(id) && !this.live.has(id) && !this.queue.includes(id));
    this.queue.push(...wanted);
    this.pump();
  }

  /** How many of `sectionIds` this browser holds, to open and edit while offline. */
  availableOffline(sectionIds: string[]): number {
    return sectionIds.filter((id) => this.offline.has(id)).length;
  }

  /** True when nothing typed in any section is waiting to be stored. */
  get allStored(): boolean {
    return [...this.live.values(), ...this.leaving].every((connection) => connection.tracker.allStored);
  }

  /** True when every change typed in any section is written to this browser's copy. */
  get allKeptLocally(): boolean {
    return [...this.live.values(), ...this.leaving].every((connection) => connection.localTracker.allKept);
  }

  /** Every provider, live or closing (for access renewals and close codes). */
  get providers(): WebsocketProvider[] {
    return [...this.live.values(), ...this.leaving].map((connection) => connection.provider);
  }

  /** The token every section connection presents from now on (renewed by useSyncAccess). */
  setToken(token: string): void {
    this.token = token;
    for (const provider of this.providers) provider.params.token = token;
  }

  /** Calls `listener` whenever connections open or close, or what is stored changes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Forgets this browser's copy of every section it holds (see ManuscriptWorkspace's discard). */
  async clearLocal(sectionIds: string[]): Promise<void> {
    for (const connection of [...this.live.values(), ...this.leaving]) connection.provider.disconnect();
    await Promise.all(
      sectionIds.map(async (id) => {
        const local = this.live.get(id)?.local ?? new IndexeddbPersistence(localDatabaseName(this.manuscriptId, id), new Y.Doc());
        await local.clearData();
      }),
    );
    window.localStorage.removeItem(offlineKey(this.manuscriptId));
  }

  destroy(): void {
    this.destroyed = true;
    this.queue = [];
    for (const connection of [...this.live.values(), ...this.leaving]) this.close(connection);
    this.live.clear();
    this.leaving.clear();
    this.holds.clear();
    this.listeners.clear();
  }

  private connect(sectionId: string): SectionConnection {
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(localDatabaseName(this.manuscriptId, sectionId), doc);
    const provider = new WebsocketProvider(this.url, `${this.manuscriptId}/${sectionId}`, doc, { maxBackoffTime: 2500, WebSocketPolyfill: AdoptingWebSocket, params: { token: this.token } });
    const tracker = new StoredTracker(doc, provider);
    tracker.subscribe(() => this.notify());
    const localTracker = new LocalCopyTracker(doc, local);
    localTracker.subscribe(() => this.notify());
    return { id: sectionId, doc, provider, local, tracker, localTracker };
  }

  private close(connection: SectionConnection): void {
    connection.tracker.destroy();
    connection.localTracker.destroy();
    connection.provider.destroy();
    void connection.local.destroy();
    connection.doc.destroy();
  }

  private pump(): void {
    while (!this.destroyed && this.running < BACKGROUND_CONCURRENCY && this.queue.length > 0) {
      const id = this.queue.shift()!;
      if (this.offline.has(id) || this.live.has(id)) continue;
      this.running++;
      void this.syncOnce(id).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  /** Syncs one section into IndexedDB and closes it again; lowest priority, so it waits for idle time. */
  private async syncOnce(sectionId: string): Promise<void> {
    await idle();
    if (this.destroyed) return;
    const connection = this.connect(sectionId);
    try {
      await Promise.all([
        connection.local.whenSynced,
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('timed out')), 30_000);
          connection.provider.once('sync', () => {
            clearTimeout(timer);
            resolve();
          });
        }),
      ]);
      // y-indexeddb writes each update as it arrives; a moment lets the last write land.
      await new Promise((resolve) => setTimeout(resolve, 50));
      this.markOffline(sectionId);
    } catch {
      // Not reachable now: the next page load tries again.
    } finally {
      this.close(connection);
    }
  }

  private markOffline(sectionId: string): void {
    if (this.offline.has(sectionId)) return;
    this.offline.add(sectionId);
    window.localStorage.setItem(offlineKey(this.manuscriptId), JSON.stringify([...this.offline]));
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

const offlineKey = (manuscriptId: string) => `quire:${manuscriptId}:offline`;

function readOfflineList(manuscriptId: string): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(offlineKey(manuscriptId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** Resolves when the browser is idle (background work must not compete with typing). */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 200);
  });
}
