import type * as Y from 'yjs';
import type { DocumentStore } from '../persistence/DocumentStore';
import { Room, type RoomRevisions, type RoomSharing } from './Room';
import { ExpiringLock } from './redis/ExpiringLock';
import { revisionLockKey } from './redis/redisKeys';
import type { RoomStorageOptions } from './RoomStorage';
import { RevisionScheduler } from './RevisionScheduler';
import { SectionStatsKeeper } from './SectionStatsKeeper';
import { log } from './log';

/** A room's key in the registry: the manuscript and the document's name. */
const keyOf = (manuscriptId: string, docName: string) => `${manuscriptId}/${docName}`;

/**
 * Keeps the rooms that are loaded, one per open document: opens a room on first use (waiting for
 * a previous unload of the same document to finish storing), and unloads a room once nobody has
 * used it for the grace period, after its storage is closed. A section's room keeps its book's
 * room loaded and keeps the section's word count in it current. Automatic revisions are made per
 * manuscript, over all its documents: after writers pause, while they keep writing, and when the
 * last writer leaves the manuscript.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room | null>>();
  /** The rooms whose load has finished, for checks that cannot wait. */
  private readonly settled = new Map<string, Room>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly keepers = new Map<Room, { book: Room; keeper: SectionStatsKeeper }>();
  private readonly schedulers = new Map<string, RevisionScheduler>();

  constructor(
    private readonly store: DocumentStore,
    private readonly storageOptions: RoomStorageOptions,
    private readonly gracePeriodMs: number,
    private readonly revisions?: RoomRevisions,
    /** With other sync servers through Redis: rooms are shared, and one server at a time records a manuscript's revision. */
    private readonly sharing?: RoomSharing,
  ) {}

  /** The loaded room for one document of a manuscript, loading it if needed; null if the manuscript does not exist. */
  async open(manuscriptId: string, docName: string): Promise<Room | null> {
    const key = keyOf(manuscriptId, docName);
    this.cancelUnload(key);
    let room = this.rooms.get(key);
    if (!room) {
      room = this.load(manuscriptId, docName);
      this.rooms.set(key, room);
    }
    return room;
  }

  /**
   * Opens a section's room, which keeps `book` (its book's room, already open) loaded while it is.
   * Null if the manuscript does not exist.
   */
  async openSection(book: Room, sectionId: string): Promise<Room | null> {
    const room = await this.open(book.manuscriptId, sectionId);
    if (room && !this.keepers.has(room)) {
      book.dependents.add(room);
      this.cancelUnload(keyOf(book.manuscriptId, book.docName));
      this.keepers.set(room, { book, keeper: new SectionStatsKeeper(room, book) });
    }
    return room;
  }

  /** Called when a room may have become unused: starts the grace period before unloading. */
  released(room: Room): void {
    // The last writer left the manuscript: keep what they wrote as a revision.
    if (!this.hasMembers(room.manuscriptId)) void this.schedulers.get(room.manuscriptId)?.now();
    const key = keyOf(room.manuscriptId, room.docName);
    if (room.inUse || this.unloadTimers.has(key)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(key);
      if (!room.inUse) void this.unload(room);
    }, this.gracePeriodMs);
    timer.unref();
    this.unloadTimers.set(key, timer);
  }

  /** Rooms currently in memory. */
  async loadedRooms(): Promise<Room[]> {
    const rooms = await Promise.all(this.rooms.values());
    return rooms.filter((room): room is Room => room !== null);
  }

  /** Stores and unloads every room (sections before their books); used on shutdown. */
  async closeAll(): Promise<void> {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const rooms = await this.loadedRooms();
    await Promise.all(rooms.filter((room) => this.keepers.has(room)).map((room) => this.unload(room)));
    await Promise.all(rooms.filter((room) => !this.keepers.has(room)).map((room) => this.unload(room)));
    await Promise.all(this.unloading.values());
  }

  /** Makes a revision of the manuscript now if anything changed since its last one (tests, restore). */
  async revisionNow(manuscriptId: string): Promise<void> {
    await this.schedulers.get(manuscriptId)?.now();
  }

  private async load(manuscriptId: string, docName: string): Promise<Room | null> {
    const key = keyOf(manuscriptId, docName);
    await this.unloading.get(key);
    try {
      const room = await Room.load(manuscriptId, docName, this.store, this.storageOptions, this.sharing);
      if (!room) this.rooms.delete(key);
      else {
        this.settled.set(key, room);
        log.info('room loaded', { manuscriptId, docName });
        const scheduler = this.schedulerFor(manuscriptId);
        if (scheduler) room.onEdited = () => scheduler.edited();
        // A room nobody joins (the client left while it loaded) still unloads.
        this.released(room);
      }
      return room;
    } catch (error) {
      this.rooms.delete(key);
      throw error;
    }
  }

  private schedulerFor(manuscriptId: string): RevisionScheduler | null {
    const revisions = this.revisions;
    if (!revisions) return null;
    let scheduler = this.schedulers.get(manuscriptId);
    if (!scheduler) {
      scheduler = new RevisionScheduler(revisions.timing, async () => {
        const rooms = (await this.loadedRooms()).filter((room) => room.manuscriptId === manuscriptId);
        await Promise.all(rooms.map((room) => room.flushNow()));
        await this.exclusively(manuscriptId, () => revisions.create(manuscriptId, new Map<string, Y.Doc>(rooms.map((room) => [room.docName, room.doc]))));
      });
      this.schedulers.set(manuscriptId, scheduler);
    }
    return scheduler;
  }

  /**
   * Runs `step` unless another sync server is recording the manuscript's revision right now (it
   * covers the same changes; the next pause here makes one if anything is left). The lock
   * expires if its holder dies. Without Redis there is only this server.
   */
  private async exclusively(manuscriptId: string, step: () => Promise<void>): Promise<void> {
    if (!this.sharing) return step();
    const lock = new ExpiringLock(this.sharing.link.commands, revisionLockKey(manuscriptId), 60_000);
    if (!(await lock.tryAcquire())) {
      log.info('another server is recording this revision', { manuscriptId });
      return;
    }
    try {
      await step();
    } finally {
      await lock.release();
    }
  }

  private hasMembers(manuscriptId: string): boolean {
    for (const room of this.settled.values()) if (room.manuscriptId === manuscriptId && room.members.size > 0) return true;
    return false;
  }

  private unload(room: Room): Promise<void> {
    const key = keyOf(room.manuscriptId, room.docName);
    if (this.rooms.get(key) === undefined) return this.unloading.get(key) ?? Promise.resolve();
    this.rooms.delete(key);
    this.settled.delete(key);
    const kept = this.keepers.get(room);
    const scheduler = this.schedulers.get(room.manuscriptId);
    // Only the manuscript's last room makes a revision as it goes: a section left behind by one
    // writer (or by a browser's offline copy) must not cut a revision while others keep writing;
    // its changes are stored and the next revision covers them.
    const lastOfManuscript = ![...this.rooms.keys()].some((other) => other.startsWith(`${room.manuscriptId}/`));
    const done = ((lastOfManuscript ? scheduler?.now() : undefined) ?? Promise.resolve())
      .then(() => kept?.keeper.stop())
      .then(() => room.close())
      .then(() => {
        room.destroy();
        log.info('room unloaded', { manuscriptId: room.manuscriptId, docName: room.docName });
        if (kept) {
          this.keepers.delete(room);
          kept.book.dependents.delete(room);
          this.released(kept.book);
        }
        if (![...this.rooms.keys()].some((other) => other.startsWith(`${room.manuscriptId}/`))) {
          scheduler?.stop();
          this.schedulers.delete(room.manuscriptId);
        }
      })
      .finally(() => this.unloading.delete(key));
    this.unloading.set(key, done);
    return done;
  }

  private cancelUnload(key: string): void {
    const timer = this.unloadTimers.get(key);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(key);
  }
}
