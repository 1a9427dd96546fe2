import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '@model/protocol/messageType';

/**
 * Tracks whether every change made in this browser is stored on the server. After local
 * changes it sends a numbered request (Quire's stored-ack message, `MessageType.storedAck`); the
 * server answers with the same number once everything it received before the request is in the
 * database. Websocket order makes that answer cover all the changes sent before the request.
 */
export class StoredTracker {
  private requested = 0;
  private acknowledged = 0;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
  ) {
    provider.messageHandlers[MessageType.storedAck] = (_encoder, decoder) => {
      this.acknowledged = Math.max(this.acknowledged, decoding.readVarUint(decoder));
      this.notify();
    };
    doc.on('update', this.onUpdate);
    provider.on('sync', this.onSync);
  }

  /** True when nothing changed here is waiting to be stored. */
  get allStored(): boolean {
    return !this.dirty && this.acknowledged >= this.requested;
  }

  /** Calls `listener` whenever {@link allStored} may have changed; returns an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.doc.off('update', this.onUpdate);
    this.provider.off('sync', this.onSync);
    this.listeners.clear();
  }

  private onUpdate = (_update: Uint8Array, origin: unknown) => {
    // Changes that came from the server are stored there already.
    if (origin === this.provider) return;
    this.dirty = true;
    this.notify();
    this.scheduleRequest();
  };

  private onSync = (synced: boolean) => {
    // After a reconnect, offline changes have just been sent: ask for their acknowledgement.
    if (synced && (this.dirty || this.acknowledged < this.requested)) this.scheduleRequest();
  };

  private scheduleRequest(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const ws = this.provider.ws;
      if (!this.provider.wsconnected || !this.provider.synced || !ws || ws.readyState !== ws.OPEN) return;
      this.requested++;
      this.dirty = false;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.storedAck);
      encoding.writeVarUint(encoder, this.requested);
      ws.send(encoding.toUint8Array(encoder));
      this.notify();
    }, 150);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
