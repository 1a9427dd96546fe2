import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import * as authProtocol from 'y-protocols/auth';
import { CloseCode } from '@model/protocol/closeCode';
import { encodeMessage } from '@model/protocol/encodeMessage';
import { MessageType } from '@model/protocol/messageType';
import { COMMENT_ONLY_REASON, READ_ONLY_REASON } from '@model/protocol/readOnlyReason';
import { BOOK_DOCUMENT } from '@model/manuscript/bookDocument';
import { changesOnlyCommentsAndOwnSuggestions } from './commentOnlyUpdate';
import { changesNothing } from './changesNothing';
import { ANOTHER_SERVER } from './changeOrigins';

/** The largest update a commenter's connection may send (comments and suggestions, not pastes of chapters). */
const COMMENTER_UPDATE_LIMIT_BYTES = 256 * 1024;
import { TokenBucket } from './TokenBucket';
import { MalformedAwareness, admitPresence } from './presenceStamp';
import type { Room, RoomMember } from './Room';
import { canWrite, type Role } from '@model/access/roles';
import { log } from './log';

/** Per-connection limits. */
export interface ConnectionLimits {
  /** Updates that would take the document past this size are refused (bytes). */
  maxDocumentBytes: number;
  /** Sustained document messages per second a connection may send; bursts of twice that are allowed. */
  maxMessagesPerSecond: number;
  /**
   * Sustained awareness messages (presence: carets, names) per second a connection may send,
   * bursts of twice that. Awareness over it is dropped, never a reason to disconnect.
   */
  maxAwarenessPerSecond: number;
}

/** Who a connection belongs to, from its authentication. */
export interface ConnectionIdentity {
  userId: string;
  name: string;
  role: Role;
  /** The app's own short session: a stored-acknowledgement stores what is pending at once. */
  storesAtOnce?: boolean;
}

/** Raised for a message that breaks the protocol; it closes only the connection that sent it. */
export class ProtocolError extends Error {}

const PRESENCE_LIMITS = { maxClientIds: 4, maxStateBytes: 16 * 1024 };
/** Unsent bytes a connection may have beyond twice the document (see `send`). */
const UNREAD_SLACK_BYTES = 4 * 1024 * 1024;

/**
 * One client's websocket in a room. Speaks the y-websocket protocol: sync step 1/2 and updates,
 * awareness, awareness queries; plus Quire's stored-acknowledgement. Any malformed message
 * closes this connection only, before anything from it reaches the document. Document messages
 * and awareness have separate budgets: too many document messages close the connection, too
 * much awareness is only dropped. Members whose role cannot write still receive every update;
 * the first change one sends is answered with a permission-denied message, and none is applied.
 */
export class Connection implements RoomMember {
  /** Awareness client ids this connection has announced, withdrawn when it leaves. */
  private readonly awarenessIds = new Set<number>();
  private alive = true;
  private closed = false;
  private readonly documentBudget: TokenBucket;
  private readonly awarenessBudget: TokenBucket;
  private awarenessDropped = 0;
  private toldReadOnly = false;
  private role: Role;
  readonly userId: string;

  constructor(
    private readonly socket: WebSocket,
    private readonly room: Room,
    private readonly identity: ConnectionIdentity,
    private readonly limits: ConnectionLimits,
    private readonly onClose: (connection: Connection) => void,
  ) {
    this.userId = identity.userId;
    this.role = identity.role;
    this.documentBudget = new TokenBucket(limits.maxMessagesPerSecond, limits.maxMessagesPerSecond * 2);
    this.awarenessBudget = new TokenBucket(limits.maxAwarenessPerSecond, limits.maxAwarenessPerSecond * 2);
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

  /**
   * Sends one binary message, unless the socket is no longer open. A client that stops reading
   * while it keeps asking (each sync step 1 is answered with the whole document) would make the
   * server buffer without end: past twice the document plus 4 MiB unsent, it is closed.
   */
  send(message: Uint8Array): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > 2 * this.room.storage.approximateDocumentBytes + UNREAD_SLACK_BYTES) {
      log.warn('closing a connection that does not read its messages', { manuscriptId: this.room.manuscriptId, userId: this.userId });
      this.close(CloseCode.policyViolation, 'not reading its messages');
      return;
    }
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
      for (const id of this.awarenessIds) this.room.awarenessOwners.delete(id);
      awarenessProtocol.removeAwarenessStates(this.room.awareness, [...this.awarenessIds], null);
    }
    if (this.awarenessDropped > 0) {
      log.info('dropped awareness over the budget', { manuscriptId: this.room.manuscriptId, userId: this.userId, messages: this.awarenessDropped });
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
    try {
      if (!isBinary) throw new ProtocolError('text frames are not part of the protocol');
      // A copy with its own buffer: a length field pointing past the message must fail, not read
      // into whatever else shares ws's pooled buffer.
      const message = new Uint8Array(data);
      if (!this.withinBudget(message)) return;
      this.handle(message);
    } catch (error) {
      const reason = error instanceof ProtocolError || error instanceof MalformedAwareness ? error.message : 'malformed message';
      log.warn('closing connection after a bad message', {
        manuscriptId: this.room.manuscriptId,
        reason,
        error: (error as Error).message,
      });
      this.close(CloseCode.policyViolation, reason.slice(0, 120));
    }
  }

  /**
   * Charges a message to its budget. Presence over its budget is dropped (false) and the
   * connection stays; document messages over theirs close it, as a misbehaving client.
   */
  private withinBudget(message: Uint8Array): boolean {
    const type = message.length > 0 ? message[0] : -1;
    if (type === MessageType.awareness || type === MessageType.queryAwareness) {
      if (this.awarenessBudget.take()) return true;
      this.awarenessDropped += 1;
      return false;
    }
    if (this.documentBudget.take()) return true;
    log.warn('closing connection over the message rate limit', { manuscriptId: this.room.manuscriptId, userId: this.userId });
    this.close(CloseCode.policyViolation, 'message rate limit exceeded');
    return false;
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
        // In a book's room the answer also covers its open sections: a revision taken after it is whole.
        const rooms = [this.room, ...this.room.dependents];
        // No answer if a room closes first (shared rooms give up their waiters then): the writer
        // has left, and an unconfirmed ticket is what a client that reconnects resends.
        // The app's own sessions (a replace-all, a restore) wait on this for each section: they
        // do not wait out the storage window, which batches writers' keystrokes.
        const stored = (room: Room) => (this.identity.storesAtOnce ? room.flushNow().then(() => room.whenStored()) : room.whenStored());
        void Promise.all(rooms.map(stored)).then(
          () => this.send(encodeMessage(MessageType.storedAck, (encoder) => encoding.writeVarUint(encoder, ticket))),
          () => {},
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
        const decoded = Y.decodeUpdate(update);
        // Readers receive updates but cannot make them: what they send is neither applied, relayed
        // nor stored, and the first real change is answered so the client knows why. Commenters
        // may mark passages for comment threads in a section, and nothing else.
        if (!canWrite(this.role) && !this.commentsOnly(update, decoded)) return this.refuseReaderUpdate(decoded);
        if (!this.dependenciesKnown(decoded.structs)) {
          log.warn('refusing an update with missing dependencies', { manuscriptId: this.room.manuscriptId, userId: this.userId });
          this.close(CloseCode.policyViolation, 'an update that depends on changes the server does not have');
          return;
        }
        if (!this.room.storage.fitsWithin(update.byteLength, this.limits.maxDocumentBytes)) {
          log.warn('refusing an update past the maximum document size', { manuscriptId: this.room.manuscriptId, userId: this.userId });
          this.close(CloseCode.documentTooLarge, 'the manuscript has reached its maximum size');
          return;
        }
        Y.applyUpdate(this.room.doc, update, this);
        this.refusePending();
        return;
      }
      default:
        throw new ProtocolError(`unknown sync message type ${syncType}`);
    }
  }

  /**
   * Whether every client's first change in the update follows on from what the document has.
   * Yjs would hold an update with a gap in memory until the gap is filled, outside the size limit,
   * and then integrate it all at once past that limit; clients that follow the protocol never
   * send one (after a reconnect, sync step 2 carries everything the server lacks).
   */
  private dependenciesKnown(structs: ReturnType<typeof Y.decodeUpdate>['structs']): boolean {
    // An update lists each client's structs together, oldest first, so a client's first struct is
    // where its change starts. The clocks are read straight from the document's store: encoding
    // and decoding a state vector for every message cost more than the rest of this check.
    let client = -1;
    for (const struct of structs) {
      if (struct.id.client === client) continue;
      client = struct.id.client;
      if (struct.id.clock > Y.getState(this.room.doc.store, client)) return false;
    }
    return true;
  }

  /**
   * An update that referred to changes the server lacks (another client's, which the check above
   * cannot see) leaves parts waiting in the document's store: they are dropped, never integrated,
   * and the sender is closed; its client reconnects and syncs properly.
   */
  private refusePending(): void {
    const store = this.room.doc.store as unknown as { pendingStructs: unknown; pendingDs: unknown };
    if (store.pendingStructs === null && store.pendingDs === null) return;
    store.pendingStructs = null;
    store.pendingDs = null;
    log.warn('dropped an update with missing dependencies', { manuscriptId: this.room.manuscriptId, userId: this.userId });
    this.close(CloseCode.policyViolation, 'an update that depends on changes the server does not have');
  }

  /** Whether a commenter's update, in a section's room, changes nothing but comment marks and their own suggestions. */
  private commentsOnly(update: Uint8Array, decoded: ReturnType<typeof Y.decodeUpdate>): boolean {
    const sectionRoom = this.room.docName !== BOOK_DOCUMENT && this.room.docName !== '';
    // Reading a commenter's update costs a copy of the section: one the size of a long paste is not a suggestion.
    if (update.byteLength > COMMENTER_UPDATE_LIMIT_BYTES) return false;
    return this.role === 'commenter' && sectionRoom && changesOnlyCommentsAndOwnSuggestions(this.room.doc, update, decoded, this.userId);
  }

  /** Tells a reader once that its changes are not applied (an empty sync reply is no change). */
  private refuseReaderUpdate(decoded: ReturnType<typeof Y.decodeUpdate>): void {
    if (this.toldReadOnly) return;
    // Nothing new (a reconnecting reader re-sends what the room has, deletions included): nothing to refuse.
    if (changesNothing(this.room.doc, decoded)) return;
    this.toldReadOnly = true;
    log.info('refused a change from a reader', { manuscriptId: this.room.manuscriptId, userId: this.userId, role: this.role });
    this.send(encodeMessage(MessageType.auth, (encoder) => authProtocol.writePermissionDenied(encoder, this.role === 'commenter' ? COMMENT_ONLY_REASON : READ_ONLY_REASON)));
  }

  /** Admits this connection's own presence, stamped with who it is, into the room's awareness. */
  private handleAwareness(update: Uint8Array): void {
    const { awarenessOwners: owners, awarenessAccounts: accounts } = this.room;
    const ownership = {
      // A writer's id last seen through another server (which may have died) is theirs to take back here.
      ownerOf: (id: number) => (owners.get(id) === ANOTHER_SERVER && accounts.get(id) === this.userId ? undefined : owners.get(id)),
      accountOf: (id: number) => accounts.get(id),
    };
    const admitted = admitPresence(update, this, ownership, this.awarenessIds.size, this.identity, PRESENCE_LIMITS);
    for (const id of admitted.claimed) {
      owners.set(id, this);
      accounts.set(id, this.userId);
      this.awarenessIds.add(id);
    }
    for (const id of admitted.released) {
      owners.delete(id);
      this.awarenessIds.delete(id);
    }
    if (admitted.update) awarenessProtocol.applyAwarenessUpdate(this.room.awareness, admitted.update, this);
  }
}

/** Reads one field with `read` and insists the message ends there. */

function decodeExactly<T>(decoder: decoding.Decoder, read: () => T): T {
  const value = read();
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after message');
  return value;
}
