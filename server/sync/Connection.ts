import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import { MessageType, encodeMessage } from './protocol';
import type { Room, RoomMember } from './Room';
import { canWrite, type Role } from '../access/roles';
import { log } from './log';

/** Close codes this server uses beyond the standard ones. 44xx tells y-websocket not to reconnect. */
export const CloseCode = {
  /** The member's role changed: reconnect to pick up the new one. */
  roleChanged: 4001,
  /** The member was removed from the manuscript. */
  accessRemoved: 4403,
  /** The manuscript reached the maximum document size; the update was not applied. */
  documentTooLarge: 4413,
  /** A message broke the protocol or the message rate limit. */
  policyViolation: 1008,
} as const;

/** Per-connection limits. */
export interface ConnectionLimits {
  /** Updates that would take the document past this size are refused (bytes). */
  maxDocumentBytes: number;
  /** Sustained messages per second a connection may send; bursts of twice that are allowed. */
  maxMessagesPerSecond: number;
}

/** Raised for a message that breaks the protocol; it closes only the connection that sent it. */
export class ProtocolError extends Error {}

/**
 * One client's websocket in a room. Speaks the y-websocket protocol: sync step 1/2 and updates,
 * awareness, awareness queries; plus Quire's stored-acknowledgement. Any malformed message
 * closes this connection only, before anything from it reaches the document. Members whose role
 * cannot write still receive every update, but the document changes they send are dropped.
 */
export class Connection implements RoomMember {
  /** Awareness client ids this connection has announced, removed when it leaves. */
  private readonly awarenessIds = new Set<number>();
  private alive = true;
  private closed = false;
  /** Token bucket for the message rate limit. */
  private allowance: number;
  private lastMessageAt = Date.now();

  constructor(
    private readonly socket: WebSocket,
    private readonly room: Room,
    readonly userId: string,
    private role: Role,
    private readonly limits: ConnectionLimits,
    private readonly onClose: (connection: Connection) => void,
  ) {
    this.allowance = limits.maxMessagesPerSecond * 2;
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    socket.on('close', () => this.close());
    socket.on('error', () => this.close());
    socket.on('pong', () => {
      this.alive = true;
    });
    room.members.add(this);
    this.greet();
  }

  /** The manuscript this connection is in. */
  get manuscriptId(): string {
    return this.room.manuscriptId;
  }

  /** Sends one binary message, unless the socket is no longer open. */
  send(message: Uint8Array): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(message, (error) => {
      if (error) this.close();
    });
  }

  /**
   * Applies the member's current role (null: removed). A removal closes the connection for good;
   * another role closes it so the client reconnects and learns the new one.
   */
  applyRole(role: Role | null): void {
    if (role === this.role) return;
    if (role === null) this.close(CloseCode.accessRemoved, 'access removed');
    else this.close(CloseCode.roleChanged, 'role changed');
  }

  /** Pings the client; closes the connection if the previous ping went unanswered. */
  heartbeat(): void {
    if (!this.alive) {
      this.socket.terminate();
      this.close();
      return;
    }
    this.alive = false;
    this.socket.ping();
  }

  /** Closes the connection (code 1008 = policy violation for protocol errors). */
  close(code?: number, reason?: string): void {
    if (this.closed) return;
    this.closed = true;
    this.room.members.delete(this);
    if (this.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.room.awareness, [...this.awarenessIds], null);
    }
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) {
      this.socket.close(code ?? 1000, reason);
    }
    this.onClose(this);
  }

  /** Starts the sync handshake and shares who is already here. */
  private greet(): void {
    this.send(encodeMessage(MessageType.sync, (encoder) => syncProtocol.writeSyncStep1(encoder, this.room.doc)));
    const states = this.room.awareness.getStates();
    if (states.size > 0) {
      const body = awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, [...states.keys()]);
      this.send(encodeMessage(MessageType.awareness, (encoder) => encoding.writeVarUint8Array(encoder, body)));
    }
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    if (!this.withinRate()) {
      log.warn('closing connection over the message rate limit', { manuscriptId: this.room.manuscriptId, userId: this.userId });
      this.close(CloseCode.policyViolation, 'message rate limit exceeded');
      return;
    }
    try {
      if (!isBinary) throw new ProtocolError('text frames are not part of the protocol');
      // A copy with its own buffer: a length field pointing past the message must fail, not read
      // into whatever else shares ws's pooled buffer.
      this.handle(new Uint8Array(data));
    } catch (error) {
      const reason = error instanceof ProtocolError ? error.message : 'malformed message';
      log.warn('closing connection after a bad message', {
        manuscriptId: this.room.manuscriptId,
        reason,
        error: (error as Error).message,
      });
      this.close(CloseCode.policyViolation, reason.slice(0, 120));
    }
  }

  /** Token bucket: refills at the allowed rate, holds at most a two-second burst. */
  private withinRate(): boolean {
    const now = Date.now();
    const rate = this.limits.maxMessagesPerSecond;
    this.allowance = Math.min(rate * 2, this.allowance + ((now - this.lastMessageAt) / 1000) * rate);
    this.lastMessageAt = now;
    if (this.allowance < 1) return false;
    this.allowance -= 1;
    return true;
  }

  private handle(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync:
        return this.handleSync(decoder);
      case MessageType.awareness:
        return this.handleAwareness(decodeExactly(decoder, () => decoding.readVarUint8Array(decoder)));
      case MessageType.queryAwareness: {
        const body = awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, [...this.room.awareness.getStates().keys()]);
        return this.send(encodeMessage(MessageType.awareness, (encoder) => encoding.writeVarUint8Array(encoder, body)));
      }
      case MessageType.storedAck: {
        const ticket = decodeExactly(decoder, () => decoding.readVarUint(decoder));
        void this.room.storage.whenStored().then(() =>
          this.send(encodeMessage(MessageType.storedAck, (encoder) => encoding.writeVarUint(encoder, ticket))),
        );
        return;
      }
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  }

  private handleSync(decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = decodeExactly(decoder, () => decoding.readVarUint8Array(decoder));
        // Decoding validates the vector before the document is asked to diff against it.
        Y.decodeStateVector(stateVector);
        this.send(encodeMessage(MessageType.sync, (encoder) => syncProtocol.writeSyncStep2(encoder, this.room.doc, stateVector)));
        return;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decodeExactly(decoder, () => decoding.readVarUint8Array(decoder));
        // Decode fully first: an update that does not decode must not touch the document.
        Y.decodeUpdate(update);
        // Readers receive updates but cannot make them: what they send is neither applied, relayed nor stored.
        if (!canWrite(this.role)) return;
        if (this.room.storage.approximateDocumentBytes + update.byteLength > this.limits.maxDocumentBytes) {
          log.warn('refusing an update past the maximum document size', { manuscriptId: this.room.manuscriptId, userId: this.userId });
          this.close(CloseCode.documentTooLarge, 'the manuscript has reached its maximum size');
          return;
        }
        Y.applyUpdate(this.room.doc, update, this);
        return;
      }
      default:
        throw new ProtocolError(`unknown sync message type ${syncType}`);
    }
  }

  private handleAwareness(update: Uint8Array): void {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      decoding.readVarUint(decoder); // clock
      const state = JSON.parse(decoding.readVarString(decoder)) as unknown;
      if (state === null) this.awarenessIds.delete(clientId);
      else this.awarenessIds.add(clientId);
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes in awareness update');
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, update, this);
  }
}

/** Reads one field with `read` and insists the message ends there. */

function decodeExactly<T>(decoder: decoding.Decoder, read: () => T): T {
  const value = read();
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after message');
  return value;
}
