import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { DocumentStore } from '../persistence/DocumentStore';
import { encodeMessage } from '@model/protocol/encodeMessage';
import { MessageType } from '@model/protocol/messageType';
import { RoomStorage, type RoomStorageOptions } from './RoomStorage';
import type { RevisionTiming } from './RevisionScheduler';
import { AwarenessBroadcaster } from './AwarenessBroadcaster';

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

/** Transaction origin of the replay of stored state when a room loads. */
const LOADING = Symbol('loading');

/** Transaction origin of changes the sync server makes itself (a section's word count in the book). */
export const SERVER_ORIGIN = Symbol('server');

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
  readonly awarenessOwners = new Map<number, RoomMember>();
  /** The account each awareness client id was first announced by; no other account may take it while the room is open. */
  readonly awarenessAccounts = new Map<number, string>();
  readonly storage: RoomStorage;
  /** Rooms that keep this one loaded while they are (the sections of a book). */
  readonly dependents = new Set<Room>();
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
      this.storage.add(update, userId);
      // The server's own bookkeeping (a section's word count in its book) follows a writer's
      // edit, which already counted; alone it is no reason for a revision.
      if (origin !== SERVER_ORIGIN) this.onEdited();
    });
    this.presence = new AwarenessBroadcaster(this.awareness, (message) => this.broadcast(message, null), AWARENESS_WINDOW_MS);
  }

  /**
   * Loads one of a manuscript's documents from storage into a room; resolves to null if the
   * manuscript does not exist. The document is complete before anyone can join, so a client that
   * leaves early can never cause an empty document to be stored.
   */
  static async load(manuscriptId: string, docName: string, store: DocumentStore, storageOptions: RoomStorageOptions): Promise<Room | null> {
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
    return room;
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
