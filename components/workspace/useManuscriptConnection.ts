'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { BOOK_DOCUMENT } from '@model/manuscript/bookDocument';
import { sectionsMap } from '@model/manuscript/manuscriptLayout';
import { StoredTracker } from './StoredTracker';
import { LocalCopyTracker } from './LocalCopyTracker';
import { AdoptingWebSocket } from './earlySockets';
import { SectionDocuments, localDatabaseName } from './sectionDocuments';

/** What the status indicator shows: the link to the server and whether all is stored. */
export interface ConnectionState {
  link: 'connecting' | 'syncing' | 'connected' | 'offline';
  allStored: boolean;
  /** True when every change made here is written to this browser's copy (IndexedDB). */
  keptLocally: boolean;
  /** True once the local copy (IndexedDB) or the server has delivered the book. */
  loaded: boolean;
}

/** The live objects of one open manuscript: its book document and its section documents. */
export interface ManuscriptConnection {
  /** The book: title, section list, each section's title and word count. */
  book: Y.Doc;
  provider: WebsocketProvider;
  tracker: StoredTracker;
  /** This browser's copy of the book (IndexedDB). */
  local: IndexeddbPersistence;
  /** Whether the book's changes are written to `local` yet. */
  localTracker: LocalCopyTracker;
  sections: SectionDocuments;
}

/** The sync server's websocket address for this page: same host, the configured port. */
export function syncServerUrl(syncPort: number, syncUrl?: string): string {
  if (syncUrl) return syncUrl;
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.hostname}:${syncPort}`;
}

/**
 * Opens a manuscript: its book document kept in IndexedDB (so it opens, and takes edits, while
 * the server is unreachable) and synced through the y-websocket provider at `/<manuscriptId>`,
 * which presents `token` (a short-lived sync token; see useSyncAccess for its renewal), and the
 * manager of its section documents. `initial` is the state the page was served with, applied at
 * once so the binder draws before any socket answers. Closes everything on unmount.
 */
export function useManuscriptConnection(manuscriptId: string, url: string, token: string, initial?: Uint8Array): ManuscriptConnection | null {
  const [connection, setConnection] = useState<ManuscriptConnection | null>(null);

  useEffect(() => {
    const book = new Y.Doc();
    const local = new IndexeddbPersistence(localDatabaseName(manuscriptId, BOOK_DOCUMENT), book);
    const provider = new WebsocketProvider(url, manuscriptId, book, { maxBackoffTime: 2500, WebSocketPolyfill: AdoptingWebSocket, params: { token } });
    // As if from the server (it is the server's state): not sent back, not counted as unsaved.
    if (initial) Y.applyUpdateV2(book, initial, provider);
    // Marks for profiling how a manuscript opens (see docs/PERFORMANCE.md).
    performance.mark('quire:connecting');
    provider.once('status', () => performance.mark('quire:socket-open'));
    provider.once('sync', () => performance.mark('quire:synced'));
    const tracker = new StoredTracker(book, provider);
    const localTracker = new LocalCopyTracker(book, local);
    const sections = new SectionDocuments(manuscriptId, url, token);
    // The connection is an external resource created here; state hands it to render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setConnection({ book, provider, tracker, local, localTracker, sections });
    return () => {
      setConnection(null);
      sections.destroy();
      tracker.destroy();
      localTracker.destroy();
      provider.destroy();
      void local.destroy();
      book.destroy();
    };
    // The token and the served state are read once: renewals update params in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [manuscriptId, url]);

  return connection;
}

/** Subscribes to the connection's link status, stored state (book and sections) and load state. */
export function useConnectionState(connection: ManuscriptConnection | null): ConnectionState {
  const [loaded, setLoaded] = useState(false);
  const snapshot = useSyncExternalStore(
    (notify) => {
      if (!connection) return () => {};
      const { provider, tracker, localTracker, sections } = connection;
      provider.on('status', notify);
      provider.on('sync', notify);
      const unsubscribe = tracker.subscribe(notify);
      const unsubscribeLocal = localTracker.subscribe(notify);
      const unsubscribeSections = sections.subscribe(notify);
      return () => {
        provider.off('status', notify);
        provider.off('sync', notify);
        unsubscribe();
        unsubscribeLocal();
        unsubscribeSections();
      };
    },
    () => {
      if (!connection) return 'connecting|true|true';
      const { provider, tracker, localTracker, sections } = connection;
      const link = provider.wsconnected ? (provider.synced ? 'connected' : 'syncing') : provider.wsconnecting ? 'connecting' : 'offline';
      return `${link}|${tracker.allStored && sections.allStored}|${localTracker.allKept && sections.allKeptLocally}`;
    },
    () => 'connecting|true|true',
  );

  useEffect(() => {
    if (!connection) return;
    const markLoaded = () => setLoaded(true);
    const { book, provider } = connection;
    // The book has arrived when the server synced or a copy (local or served) listed sections.
    const check = () => {
      if (provider.synced || sectionsMap(book).size > 0) markLoaded();
    };
    check();
    book.on('update', check);
    provider.on('sync', check);
    return () => {
      book.off('update', check);
      provider.off('sync', check);
    };
  }, [connection]);

  const [link, stored, kept] = snapshot.split('|');
  return { link: link as ConnectionState['link'], allStored: stored === 'true', keptLocally: kept === 'true', loaded };
}
