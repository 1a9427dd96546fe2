import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { signAppSyncToken } from '../access/syncToken';
import { syncConfig } from '../config/syncConfig';
import { HttpError } from '../http/HttpError';
import { MessageType } from '@model/protocol/messageType';

/** Where the app reaches the sync server: SYNC_INTERNAL_URL, or this machine on SYNC_PORT. */
function internalSyncUrl(): string {
  return process.env.SYNC_INTERNAL_URL ?? `ws://127.0.0.1:${syncConfig().port}`;
}

/** One of a manuscript's documents open on the sync server, as a writer would have it. */
export interface LiveDocument {
  doc: Y.Doc;
  /** Resolves once the server has stored everything this side has sent (or the server held, just after opening). */
  stored(): Promise<void>;
  close(): void;
}

/**
 * Opens one of a manuscript's documents live on the sync server as `userId` (a history-keeping
 * doc): the book or whole manuscript (`sectionId` omitted) or one section. Resolves once synced.
 * Changes travel like any writer's: co-writers see them at once and the log credits that user.
 */
export async function openLiveDocument(manuscriptId: string, userId: string, sectionId?: string): Promise<LiveDocument> {
  const doc = new Y.Doc({ gc: false });
  const provider = new WebsocketProvider(internalSyncUrl(), sectionId ? `${manuscriptId}/${sectionId}` : manuscriptId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token: await signAppSyncToken(userId, manuscriptId, 60) },
    disableBc: true,
  });
  const close = () => {
    provider.destroy();
    doc.destroy();
  };
  try {
    await within(10_000, new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve()))));
  } catch (error) {
    close();
    throw error;
  }
  let ticket = 0;
  return { doc, stored: () => within(10_000, storedAcknowledgement(provider, ++ticket)), close };
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
  const live = await openLiveDocument(manuscriptId, userId);
  try {
    if (steps.beforeChange) {
      await live.stored();
      await steps.beforeChange(live.doc);
    }
    steps.change?.(live.doc);
    await live.stored();
    return await steps.afterStored(live.doc);
  } finally {
    live.close();
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
