import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { DocumentStore } from '../persistence/DocumentStore';
import { encodeMessage } from '@model/protocol/encodeMessage';
import { MessageType } from '@model/protocol/messageType';
import { RoomStorage, type RoomStorageOptions } from './RoomStorage';
import type { RevisionTiming } from './RevisionScheduler';
import { AwarenessBroadcaster } from './AwarenessBroadcaster';
import { ANOTHER_SERVER, LOADING, RemoteChange, SERVER_ORIGIN } from './changeOrigins';
import type { RedisLink } from './redis/RedisLink';
import { RoomRelay, StreamGapError, type RelayOptions } from './redis/RoomRelay';
import * as encoding from 'lib0/encoding';
import { log } from './log';

export { SERVER_ORIGIN } from './changeOrigins';

/** How a room is shared with other sync servers: their Redis, and the relay's tuning. */
export interface RoomSharing {
  link: RedisLink;
  options: RelayOptions;
}

/** Longest a revision, or a room closing, waits for the room's writer to store what this server sent (ms). */
const SHARED_STORE_WAIT_MS = 10_000;
/** Longest the Redis steps of loading a shared room may take before the writer is refused (503) (ms). */
const SHARED_LOAD_TIMEOUT_MS = 5_000;

/** How long awareness changes are gathered before they go out together (ms). */
export const AWARENESS_WINDOW_MS = 100;

/** How a manuscript's rooms make revisions: when, and the function that records one. */
export interface RoomRevisions {
  timing: RevisionTiming;
  /**
   * Records the manuscript's current state as an automatic revision, after the updates of its
   * loaded rooms are stored. `docs` holds the loaded documents by name; any other document of
   * the manuscript is as stored.
   */
  create(manuscriptId: string, docs: Map<string, Y.Doc>): Promise<void>;
}

/** Something in a room that can be sent binary messages (a websocket connection). */
export interface RoomMember {
  /** The account the member acts for; their updates are stored under it. */
  readonly userId: string | null;
  send(message: Uint8Array): void;
}

/**
 * One of a manuscript's documents live on the server (the book, a section, or a whole manuscript
 * in the older layout): its Y.Doc, the awareness (who is here and where their carets are), the
 * members connected to it, and its storage. Every document change is relayed to the other
 * members and queued for storage.
 */
export class Room {
  // Garbage collection off: deleted text stays in the document, so any revision can be rebuilt.
  readonly doc = new Y.Doc({ gc: false });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly members = new Set<RoomMember>();
  /** Which member announced each awareness client id: only it may change or withdraw that state. */
  readonly awarenessOwners = new Map<number, RoomMember | typeof ANOTHER_SERVER>();
  /** The account each awareness client id was first announced by; no other account may take it while the room is open. */
  readonly awarenessAccounts = new Map<number, string>();
  readonly storage: RoomStorage;
  /** Rooms that keep this one loaded while they are (the sections of a book). */
  readonly dependents = new Set<Room>();
  /** The room's link to the same room on other sync servers (with `REDIS_URL` set), else null. */
  relay: RoomRelay | null = null;
  /** Called after every change a member or the server makes (not while loading). */
  onEdited: () => void = () => {};
  private readonly presence: AwarenessBroadcaster;

  private constructor(
    readonly manuscriptId: string,
    readonly docName: string,
    store: DocumentStore,
    storageOptions: RoomStorageOptions,
    loaded: { lastSeq: number; entries: number; snapshotBytes: number; logBytes: number },
  ) {
    this.awareness.setLocalState(null);
    this.storage = new RoomStorage(manuscriptId, docName, this.doc, store, storageOptions, loaded);
    // One listener, one encoding: the update as relayed (format V1) is also what is queued for
    // storage, which converts each window's merged updates to V2 once instead of Yjs encoding
    // every keystroke a second time.
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      // Replaying stored state while loading must not be relayed (no one is here yet) nor queued
      // for storage again.
      if (origin === LOADING) return;
      const message = encodeMessage(MessageType.sync, (encoder) => syncProtocol.writeUpdate(encoder, update));
      this.broadcast(message, origin);
      // Updates from a connection are credited to its user; the server's own have no author.
      const userId = (origin as Partial<RoomMember> | null)?.userId ?? null;
      if (!this.relay) this.storage.add(update, userId);
      else {
        // Shared through Redis: the stream carries every change, and the room's writer (maybe
        // this server) stores it from there.
        this.storage.count(update);
        if (!(origin instanceof RemoteChange)) this.relay.publish(update, userId);
      }
      // The server's own bookkeeping (a section's word count in its book) follows a writer's
      // edit, which already counted; alone it is no reason for a revision.
      const serverOwn = origin === SERVER_ORIGIN || (origin instanceof RemoteChange && origin.userId === null);
      if (!serverOwn) this.onEdited();
    });
    this.presence = new AwarenessBroadcaster(
      this.awareness,
      (update) => this.broadcast(encodeMessage(MessageType.awareness, (encoder) => encoding.writeVarUint8Array(encoder, update)), null),
      AWARENESS_WINDOW_MS,
    );
  }

  /**
   * Loads one of a manuscript's documents from storage into a room; resolves to null if the
   * manuscript does not exist. The document is complete before anyone can join, so a client that
   * leaves early can never cause an empty document to be stored.
   */
  static async load(manuscriptId: string, docName: string, store: DocumentStore, storageOptions: RoomStorageOptions, sharing?: RoomSharing): Promise<Room | null> {
    for (let attempt = 1; ; attempt++) {
      // Shared: where the database's copy ends in the room's stream, read before the database,
      // so the stream since that point completes what is loaded.
      const storedAt = sharing ? await RoomRelay.storedPosition(sharing.link, manuscriptId, docName, SHARED_LOAD_TIMEOUT_MS) : null;
      const stored = await store.load(manuscriptId, docName);
      if (!stored) return null;
      const room = new Room(manuscriptId, docName, store, storageOptions, {
        lastSeq: stored.lastSeq,
        entries: stored.updates.length,
        snapshotBytes: stored.snapshot?.byteLength ?? 0,
        logBytes: stored.updates.reduce((sum, update) => sum + update.byteLength, 0),
      });
      room.doc.transact(() => {
        if (stored.snapshot) Y.applyUpdateV2(room.doc, stored.snapshot);
        for (const update of stored.updates) Y.applyUpdateV2(room.doc, update);
      }, LOADING);
      if (!sharing || storedAt === null) return room;
      try {
        room.relay = await RoomRelay.join(sharing.link, room, storedAt, sharing.options, SHARED_LOAD_TIMEOUT_MS);
      } catch (error) {
        room.destroy();
        if (error instanceof StreamGapError && attempt < 3) {
          log.warn('room stream moved on while loading; loading again', { manuscriptId, docName });
          continue;
        }
        throw error;
      }
      const relay = room.relay;
      room.storage.progress = { mark: () => relay.storageMark(), stored: (mark) => relay.stored(mark) };
      room.storage.mayCompact = () => relay.mayCompact();
      return room;
    }
  }

  /** Resolves once every change made in the room so far is in the database (on a shared room: whichever server stores it). */
  async whenStored(): Promise<void> {
    await this.storage.whenStored();
    await this.relay?.whenStored();
  }

  /**
   * Stores what is pending now and waits for it, for steps that must not wait on the timer (a
   * revision). A shared room also waits, up to 10 s, for the room's writer to store what this
   * server published.
   */
  async flushNow(): Promise<void> {
    await this.storage.flushNow();
    if (!this.relay) return;
    let timer: NodeJS.Timeout | undefined;
    // Like a timeout, a room that stopped being shared meanwhile ends the wait.
    await Promise.race([this.relay.whenStored().catch(() => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, SHARED_STORE_WAIT_MS)))]);
    clearTimeout(timer);
  }

  /**
   * Stores everything pending and stops sharing the room; call before `destroy`. A shared room
   * first waits (up to 10 s) for its writer, maybe this server, to store what this server
   * published: the last keystrokes before everyone left are in the database, not only in Redis.
   */
  async close(): Promise<void> {
    if (this.relay) await this.flushNow();
    this.relay?.leave();
    await this.storage.close();
    await this.relay?.release();
  }

  /** Sends a message to every member except `except`. */
  broadcast(message: Uint8Array, except: unknown): void {
    for (const member of this.members) if (member !== except) member.send(message);
  }

  /** Whether anyone keeps the room loaded: a connection, or a section room of this book. */
  get inUse(): boolean {
    return this.members.size > 0 || this.dependents.size > 0;
  }

  /** Frees the document and awareness timers; call after storage is closed. */
  destroy(): void {
    this.presence.stop();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
