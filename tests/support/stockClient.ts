import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import { isTestScope, stopWhenDone, type TestScope } from './testScope';
import { withTimeout } from './withTimeout';

/** A stock y-websocket client (the npm package, unmodified) connected to a sync server. */
export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /**
   * Resolves once the first sync with the server has completed; fails if that takes more than
   * 30 s from the moment it is awaited.
   */
  readonly synced: Promise<void>;
  /**
   * Resolves with the close code when the server next closes this connection for good (a code
   * the client will not reconnect after); fails after 10 s. Call before causing the close.
   */
  closedByServer(): Promise<number>;
  /**
   * Resolves when this connection next drops and the client has synced again over a new one;
   * fails after 10 s. Call before causing the drop.
   */
  resynced(): Promise<void>;
  /** Disconnects for good and frees the document; idempotent. */
  destroy(): void;
}

/** Generous: 200 clients connecting at once to a server on a busy 2-core machine sync within it. */
const SYNC_TIMEOUT_MS = 30_000;
/** The server closes or recycles connections within 5 s of an access change (tests assert that). */
const EVENT_TIMEOUT_MS = 10_000;

/**
 * Connects a stock y-websocket client to `ws://127.0.0.1:<port>/<manuscriptId>?token=<token>`,
 * the way a script or bot would. With a test scope, the client is destroyed when that test (or
 * file) ends, pass or fail, so a failing test never leaves a client reconnecting forever.
 */
export function connectStockClient(scope: TestScope, port: number, manuscriptId: string, token: string, doc?: Y.Doc): StockClient;
/** For scripts that are not tests (benchmarks): the caller destroys the client. */
export function connectStockClient(port: number, manuscriptId: string, token: string, doc?: Y.Doc): StockClient;
export function connectStockClient(...args: [TestScope, number, string, string, Y.Doc?] | [number, string, string, Y.Doc?]): StockClient {
  const [scope, port, manuscriptId, token, doc = new Y.Doc()] = isTestScope(args[0])
    ? (args as [TestScope, number, string, string, Y.Doc?])
    : [null, ...(args as [number, string, string, Y.Doc?])];
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, manuscriptId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const name = `the client of manuscript ${manuscriptId}`;
  // Waits still pending when the client is destroyed fail at once instead of at their timeout.
  const pending = new Set<(error: Error) => void>();
  const waitFor = <T>(ms: number, what: string, subscribe: (resolve: (value: T) => void) => () => void): Promise<T> => {
    let unsubscribe = () => {};
    let cancel!: (error: Error) => void;
    const event = new Promise<T>((resolve, reject) => {
      cancel = reject;
      unsubscribe = subscribe(resolve);
    });
    pending.add(cancel);
    const bounded = withTimeout(event, ms, `${name} ${what}`).finally(() => {
      unsubscribe();
      pending.delete(cancel);
    });
    // Made to be awaited later: a test that failed before awaiting it should not also report it.
    bounded.catch(() => {});
    return bounded;
  };

  const firstSync = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
  let destroyed = false;
  const client: StockClient = {
    doc,
    provider,
    get synced() {
      return withTimeout(firstSync, SYNC_TIMEOUT_MS, `${name} did not finish its first sync with the server`);
    },
    closedByServer() {
      return waitFor<number>(EVENT_TIMEOUT_MS, 'was not closed for good by the server', (resolve) => {
        const onClosed = (event: { code: number }) => resolve(event.code);
        // `on` with our own `off`: lib0's `once` wraps the handler, so `off` could not remove it.
        provider.on('closed', onClosed);
        return () => provider.off('closed', onClosed);
      });
    },
    resynced() {
      return waitFor<void>(EVENT_TIMEOUT_MS, 'did not reconnect and sync again', (resolve) => {
        const onSync = (isSynced: boolean) => {
          if (isSynced) resolve();
        };
        const onDrop = () => {
          provider.off('connection-close', onDrop);
          provider.on('sync', onSync);
        };
        provider.on('connection-close', onDrop);
        return () => {
          provider.off('connection-close', onDrop);
          provider.off('sync', onSync);
        };
      });
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const cancel of pending) cancel(new Error(`${name} was destroyed while a test waited for it`));
      provider.destroy();
      doc.destroy();
    },
  };
  if (scope) stopWhenDone(scope, name, () => client.destroy());
  return client;
}
