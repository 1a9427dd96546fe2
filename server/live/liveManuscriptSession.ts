import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { signSyncToken } from '../access/syncToken';
import { syncConfig } from '../config/syncConfig';
import { HttpError } from '../http/HttpError';
import { MessageType } from '@model/protocol/messageType';

/** Where the app reaches the sync server: SYNC_INTERNAL_URL, or this machine on SYNC_PORT. */
function internalSyncUrl(): string {
  return process.env.SYNC_INTERNAL_URL ?? `ws://127.0.0.1:${syncConfig().port}`;
}

/**
 * Opens a manuscript's live document on the sync server as `userId` (a history-keeping doc),
 * from the app's process: a websocket client of the sync server, not part of it.
 * Once everything the server holds is stored, `beforeChange` may read it; then `change` edits
 * it; once that is stored too, `afterStored` reads the result. Changes travel like any writer's:
 * co-writers see them at once and the log credits them to that user.
 */
export async function liveManuscriptSession<T>(
  manuscriptId: string,
  userId: string,
  steps: {
    beforeChange?: (doc: Y.Doc) => Promise<void>;
    change?: (doc: Y.Doc) => void;
    afterStored: (doc: Y.Doc) => Promise<T>;
  },
): Promise<T> {
  const doc = new Y.Doc({ gc: false });
  const provider = new WebsocketProvider(internalSyncUrl(), manuscriptId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token: await signSyncToken(userId, manuscriptId, 60) },
    disableBc: true,
  });
  try {
    await within(10_000, new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve()))));
    if (steps.beforeChange) {
      await within(10_000, storedAcknowledgement(provider, 1));
      await steps.beforeChange(doc);
    }
    steps.change?.(doc);
    await within(10_000, storedAcknowledgement(provider, 2));
    return await steps.afterStored(doc);
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

/** Asks the server to confirm that everything sent so far is stored, and waits for the answer. */
function storedAcknowledgement(provider: WebsocketProvider, ticket: number): Promise<void> {
  return new Promise((resolve) => {
    provider.messageHandlers[MessageType.storedAck] = (_encoder, decoder) => {
      if (decoding.readVarUint(decoder) === ticket) resolve();
    };
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.storedAck);
    encoding.writeVarUint(encoder, ticket);
    provider.ws!.send(encoding.toUint8Array(encoder));
  });
}

function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new HttpError(503, 'The sync server did not answer in time. Nothing was changed; try again.')), ms).unref(),
    ),
  ]);
}
