import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';

/** A stock y-websocket client (the npm package, unmodified) connected to a sync server. */
export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server has completed. */
  synced: Promise<void>;
  destroy(): void;
}

/**
 * Connects a stock y-websocket client to `ws://127.0.0.1:<port>/<manuscriptId>?token=<token>`,
 * the way a script or bot would.
 */
export function connectStockClient(port: number, manuscriptId: string, token: string, doc: Y.Doc = new Y.Doc()): StockClient {
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, manuscriptId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
