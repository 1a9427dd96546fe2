'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { StoredTracker } from './StoredTracker';

/** What the status indicator shows: the link to the server and whether all is stored. */
export interface ConnectionState {
  link: 'connecting' | 'syncing' | 'connected' | 'offline';
  allStored: boolean;
  /** True once the local copy (IndexedDB) or the server has delivered the text. */
  loaded: boolean;
}

/** The live objects of one open manuscript. */
export interface ManuscriptConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  tracker: StoredTracker;
  /** This browser's copy of the manuscript (IndexedDB). */
  local: IndexeddbPersistence;
}

/** The sync server's websocket address for this page: same host, the configured port. */
export function syncServerUrl(syncPort: number, syncUrl?: string): string {
  if (syncUrl) return syncUrl;
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.hostname}:${syncPort}`;
}

/**
 * Opens a manuscript: a Y.Doc kept in IndexedDB (so it opens, and takes edits, while the server
 * is unreachable) and synced through the y-websocket provider, which presents `token` (a
 * short-lived sync token; see useSyncAccess for its renewal). Closes everything on unmount.
 */
export function useManuscriptConnection(manuscriptId: string, url: string, token: string): ManuscriptConnection | null {
  const [connection, setConnection] = useState<ManuscriptConnection | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const local = new IndexeddbPersistence(`quire:${manuscriptId}`, doc);
    const provider = new WebsocketProvider(url, manuscriptId, doc, { maxBackoffTime: 2500, params: { token } });
    // Marks for profiling how a manuscript opens (see docs/PERFORMANCE.md).
    performance.mark('quire:connecting');
    provider.once('status', () => performance.mark('quire:socket-open'));
    provider.once('sync', () => performance.mark('quire:synced'));
    const tracker = new StoredTracker(doc, provider);
    // The connection is an external resource created here; state hands it to render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setConnection({ doc, provider, tracker, local });
    return () => {
      setConnection(null);
      tracker.destroy();
      provider.destroy();
      void local.destroy();
      doc.destroy();
    };
    // The token is read once: renewals update provider.params in place, without reconnecting.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [manuscriptId, url]);

  return connection;
}

/** Subscribes to the connection's link status, stored state and load state. */
export function useConnectionState(connection: ManuscriptConnection | null): ConnectionState {
  const [loaded, setLoaded] = useState(false);
  const snapshot = useSyncExternalStore(
    (notify) => {
      if (!connection) return () => {};
      const { provider, tracker } = connection;
      provider.on('status', notify);
      provider.on('sync', notify);
      const unsubscribe = tracker.subscribe(notify);
      return () => {
        provider.off('status', notify);
        provider.off('sync', notify);
        unsubscribe();
      };
    },
    () => {
      if (!connection) return 'connecting|true';
      const { provider, tracker } = connection;
      const link = provider.wsconnected ? (provider.synced ? 'connected' : 'syncing') : provider.wsconnecting ? 'connecting' : 'offline';
      return `${link}|${tracker.allStored}`;
    },
    () => 'connecting|true',
  );

  useEffect(() => {
    if (!connection) return;
    const markLoaded = () => setLoaded(true);
    const { doc, provider } = connection;
    // Text has arrived when the server synced or the local copy filled in the sections map.
    const check = () => {
      if (provider.synced || doc.getMap('sections').size > 0) markLoaded();
    };
    check();
    doc.on('update', check);
    provider.on('sync', check);
    return () => {
      doc.off('update', check);
      provider.off('sync', check);
    };
  }, [connection]);

  const [link, stored] = snapshot.split('|');
  return { link: link as ConnectionState['link'], allStored: stored === 'true', loaded };
}
