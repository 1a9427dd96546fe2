import type { DocumentStore } from '../persistence/DocumentStore';
import { Room, type RoomRevisions } from './Room';
import type { RoomStorageOptions } from './RoomStorage';
import { log } from './log';

/**
 * Keeps the rooms that are loaded: opens a room on first use (waiting for a previous unload of
 * the same manuscript to finish storing), and unloads a room once it has had no members for the
 * grace period, after its storage is closed.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room | null>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: DocumentStore,
    private readonly storageOptions: RoomStorageOptions,
    private readonly gracePeriodMs: number,
    private readonly revisions?: RoomRevisions,
  ) {}

  /** The loaded room for a manuscript, loading it if needed; null if the manuscript does not exist. */
  async open(manuscriptId: string): Promise<Room | null> {
    this.cancelUnload(manuscriptId);
    let room = this.rooms.get(manuscriptId);
    if (!room) {
      room = this.load(manuscriptId);
      this.rooms.set(manuscriptId, room);
    }
    return room;
  }

  /** Called when a room may have become empty: starts the grace period before unloading. */
  released(room: Room): void {
    if (room.members.size > 0 || this.unloadTimers.has(room.manuscriptId)) return;
    // The last writer left: keep what they wrote as a revision.
    void room.revisions?.now();
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.manuscriptId);
      if (room.members.size === 0) void this.unload(room);
    }, this.gracePeriodMs);
    timer.unref();
    this.unloadTimers.set(room.manuscriptId, timer);
  }

  /** Rooms currently in memory. */
  async loadedRooms(): Promise<Room[]> {
    const rooms = await Promise.all(this.rooms.values());
    return rooms.filter((room): room is Room => room !== null);
  }

  /** Stores and unloads every room; used on shutdown. */
  async closeAll(): Promise<void> {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    await Promise.all((await this.loadedRooms()).map((room) => this.unload(room)));
    await Promise.all(this.unloading.values());
  }

  private async load(manuscriptId: string): Promise<Room | null> {
    await this.unloading.get(manuscriptId);
    try {
      const room = await Room.load(manuscriptId, this.store, this.storageOptions, this.revisions);
      if (!room) this.rooms.delete(manuscriptId);
      else {
        log.info('room loaded', { manuscriptId });
        // A room nobody joins (the client left while it loaded) still unloads.
        this.released(room);
      }
      return room;
    } catch (error) {
      this.rooms.delete(manuscriptId);
      throw error;
    }
  }

  private unload(room: Room): Promise<void> {
    const { manuscriptId } = room;
    if (this.rooms.get(manuscriptId) === undefined) return this.unloading.get(manuscriptId) ?? Promise.resolve();
    this.rooms.delete(manuscriptId);
    const done = (room.revisions?.now() ?? Promise.resolve())
      .then(() => room.storage.close())
      .then(() => {
        room.destroy();
        log.info('room unloaded', { manuscriptId });
      })
      .finally(() => this.unloading.delete(manuscriptId));
    this.unloading.set(manuscriptId, done);
    return done;
  }

  private cancelUnload(manuscriptId: string): void {
    const timer = this.unloadTimers.get(manuscriptId);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(manuscriptId);
  }
}
