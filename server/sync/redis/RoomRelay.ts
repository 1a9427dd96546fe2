import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import { AwarenessBroadcaster } from '../AwarenessBroadcaster';
import { encodePresence, type PresenceEntry } from '../presenceStamp';
import { ANOTHER_SERVER, LOADING, REMOTE_PRESENCE, RemoteChange } from '../changeOrigins';
import type { RoomStorage } from '../RoomStorage';
import { ExpiringLock } from './ExpiringLock';
import { toStreamEntry, type RedisLink, type StreamEntry, type StreamSubscription } from './RedisLink';
import { roomKeys, type RoomKeys } from './redisKeys';
import { STREAM_START, compareStreamIds, laterStreamId } from './streamId';
import { log } from '../log';
import { withDeadline } from '../deadline';

/** Tuning of the relays (tests shorten the lock so a takeover happens within seconds). */
export interface RelayOptions {
  /** How long the writer's lock outlives its holder (ms); renewed every quarter of it. */
  lockTtlMs: number;
  /** How long an update stays in the stream after it is stored (ms), for servers that are loading the room. */
  keepStoredMs: number;
  /** How often local presence changes go out to the other servers together (ms). */
  presenceWindowMs: number;
}

/** The parts of a room its relay works on. */
export interface RelayedRoom {
  readonly manuscriptId: string;
  readonly docName: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly awarenessOwners: Map<number, unknown>;
  readonly awarenessAccounts: Map<number, string>;
  readonly storage: RoomStorage;
}

/** Presence entries older than this are not replayed to a room that joins (the awareness timeout). */
const PRESENCE_REPLAY_MS = 30_000;
/**
 * Notes how far the room is stored, only if the caller holds the writer lock: sets the stored
 * point, appends a "stored" entry (with the Redis run id the writer knows, so a note from before a
 * restart is not mistaken for one after it), and trims what every server has had time to read.
 */
const NOTE_STORED = `if redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('set', KEYS[2], ARGV[2])
redis.call('xadd', KEYS[3], '*', 't', 's', 's', ARGV[3], 'r', ARGV[5], 'd', ARGV[2])
redis.call('xtrim', KEYS[3], 'MINID', '~', ARGV[4])
return 1`;

/** Presence entries kept per room (Redis trims approximately). */
const PRESENCE_KEPT = 1000;

/**
 * Joins one room across sync servers through Redis (with `REDIS_URL` set). Every change made in
 * the room on this server (a writer's update, the server's own word counts) is appended to the
 * room's update stream with its writer; the entries other servers append are applied here and
 * relayed to this server's writers. Exactly one server holds the room's writer lock
 * (`ExpiringLock`): it stores the stream's entries in the database, credited to their writers,
 * compacts, and notes in the stream how far it has stored, which is how every server answers its
 * writers' stored-acknowledgements. If it dies, its lock expires and another server with the room
 * open takes over from the last noted point, so nothing in the stream is left unstored. Presence
 * travels through a second stream, stamped by the server its writer is connected to.
 */
export class RoomRelay {
  private readonly keys: RoomKeys;
  private readonly lock: ExpiringLock;
  private updates!: StreamSubscription;
  private presence!: StreamSubscription;
  private readonly presenceOut: AwarenessBroadcaster;
  /** The stream position up to which the database holds every update, as last noted. */
  private storedThrough = STREAM_START;
  /** This server's most recent entry, once Redis has given it an id. */
  private lastPublished: Promise<string | null> = Promise.resolve(null);
  /** Entries of this server still on their way into the stream (one being retried may finish after later ones). */
  private readonly inFlight = new Set<Promise<string>>();
  private waiters: Array<{ target: string; resolve: () => void; reject: (error: Error) => void }> = [];
  private persisting = false;
  private catchingUp = false;
  private lockTimer: NodeJS.Timeout | null = null;
  private ticking = false;
  private left = false;
  private readonly stopRestartWatch: () => void;
  private readonly forgetTimedOut = ({ removed }: { removed: number[] }) => {
    for (const id of removed) if (this.room.awarenessOwners.get(id) === ANOTHER_SERVER) this.room.awarenessOwners.delete(id);
  };

  private constructor(
    private readonly link: RedisLink,
    private readonly room: RelayedRoom,
    private readonly options: RelayOptions,
  ) {
    this.keys = roomKeys(room.manuscriptId, room.docName);
    this.lock = new ExpiringLock(link.commands, this.keys.writer, options.lockTtlMs);
    this.presenceOut = new AwarenessBroadcaster(room.awareness, (body) => this.publishPresence(body), options.presenceWindowMs, (origin) => origin !== REMOTE_PRESENCE);
    this.stopRestartWatch = link.onRestart(() => this.republish());
    room.awareness.on('update', this.forgetTimedOut);
  }

  /** Where the database's copy of a room ends in its stream; read before the room is loaded from the database. */
  static async storedPosition(link: RedisLink, manuscriptId: string, docName: string, timeoutMs: number): Promise<string> {
    const stored = link.commands.get(roomKeys(manuscriptId, docName).storedThrough);
    return (await withDeadline(stored, timeoutMs, 'redis did not answer while the room was loading')) ?? STREAM_START;
  }

  /**
   * Joins a room just loaded from the database as it stood at `storedAt`: applies the stream's
   * updates since then, replays recent presence, and starts reading both streams and contending
   * for the writer lock. Rejects with {@link StreamGapError} if updates after `storedAt` were
   * already trimmed (the caller loads again), and with an error if Redis does not answer within
   * `timeoutMs` (the writer is refused for now rather than kept waiting on a room that cannot open).
   */
  static async join(link: RedisLink, room: RelayedRoom, storedAt: string, options: RelayOptions, timeoutMs: number): Promise<RoomRelay> {
    const relay = new RoomRelay(link, room, options);
    const joining = (async () => {
      const position = await relay.catchUp(storedAt);
      const presencePosition = await relay.replayPresence();
      // Given up on meanwhile: the room is gone, nothing is read for it.
      if (relay.left) return;
      relay.updates = link.subscribe(relay.keys.updates, position, (entries) => relay.receiveUpdates(entries));
      relay.presence = link.subscribe(relay.keys.presence, presencePosition, (entries) => relay.receivePresence(entries));
    })();
    try {
      await withDeadline(joining, timeoutMs, 'redis did not answer while the room was loading');
    } catch (error) {
      relay.left = true;
      relay.presenceOut.stop();
      relay.stopRestartWatch();
      room.awareness.off('update', relay.forgetTimedOut);
      throw error;
    }
    relay.lockTimer = setInterval(() => void relay.tick(), Math.max(50, Math.floor(options.lockTtlMs / 4)));
    relay.lockTimer.unref();
    void relay.tick();
    return relay;
  }

  /** Whether this server stores the room now (holds its writer lock). */
  get isWriter(): boolean {
    return this.persisting;
  }

  /** Whether this server may compact the room: it holds the lock and Redis confirmed so recently. */
  mayCompact(): boolean {
    return this.persisting && this.lock.confirmedWithin(this.options.lockTtlMs / 2);
  }

  /** Appends a change made on this server to the room's stream (`userId` null: the server's own). */
  publish(update: Uint8Array, userId: string | null): void {
    const fields = ['t', 'u', 's', this.link.serverId, 'w', userId ?? '', 'd', Buffer.from(update)];
    // Commands on one connection are answered in order, so the newest promise holds the newest id.
    // An error answer (Redis out of memory, read-only) is retried: the change must reach the
    // stream before anyone is told it is stored.
    const add = async (): Promise<string> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return ((await this.link.commands.callBuffer('XADD', this.keys.updates, '*', ...fields)) as Buffer).toString();
        } catch (error) {
          if (attempt % 20 === 0) log.error('could not add an update to the redis stream; retrying', { manuscriptId: this.room.manuscriptId, error: (error as Error).message });
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    };
    const added = add();
    this.inFlight.add(added);
    void added.then(() => this.inFlight.delete(added));
    this.lastPublished = added;
  }

  /** Resolves once every change published from this server so far is in the database (whoever stored it). */
  async whenStored(): Promise<void> {
    const ids = (await Promise.all([this.lastPublished, ...this.inFlight])).filter((id): id is string => id !== null);
    const target = ids.length > 0 ? ids.reduce(laterStreamId) : null;
    if (target === null || compareStreamIds(target, this.storedThrough) <= 0) return;
    if (this.left) throw new RoomLeftError();
    await new Promise<void>((resolve, reject) => this.waiters.push({ target, resolve, reject }));
  }

  /**
   * A note for the storage batch being taken now: every entry up to here is in it or stored
   * before it. None while taking the room over (entries read before then are not all queued yet).
   */
  storageMark(): string | null {
    return this.catchingUp || !this.persisting ? null : this.updates.position;
  }

  /**
   * Called by the room's storage once the batch taken at `mark` is in the database. The note in
   * Redis (the stored point, the stream's "stored" entry, trimming) is made only if this server
   * still holds the writer lock: a server that lost it must not move the point another now owns.
   */
  stored(mark: string): void {
    this.noteStored(mark);
    const trimBefore = [mark, `${Date.now() - this.options.keepStoredMs}-0`].sort(compareStreamIds)[0];
    void this.link.commands
      .eval(NOTE_STORED, 3, this.keys.writer, this.keys.storedThrough, this.keys.updates, this.lock.token, mark, this.link.serverId, trimBefore, this.link.redisRunId ?? '')
      .catch((error: Error) => log.warn('could not note stored updates in redis', { manuscriptId: this.room.manuscriptId, error: error.message }));
  }

  /** Stops reading and contending (before the room's storage closes); `release` gives the lock up after it. */
  leave(): void {
    this.left = true;
    this.persisting = false;
    if (this.lockTimer) clearInterval(this.lockTimer);
    this.updates.cancel();
    this.presence.cancel();
    this.presenceOut.flush();
    this.presenceOut.stop();
    this.stopRestartWatch();
    this.room.awareness.off('update', this.forgetTimedOut);
    // Nothing here will hear of the stored point any more: whoever waits is told so, not left hanging.
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) waiter.reject(new RoomLeftError());
  }

  /** Gives up the writer lock, once the room's storage has written everything it took. */
  async release(): Promise<void> {
    await this.lock.release().catch((error: Error) => log.warn('could not release a room lock', { error: error.message }));
  }

  private async catchUp(from: string): Promise<string> {
    const entries = await this.range(`(${from}`);
    if (await this.trimmedPast(from)) throw new StreamGapError();
    let position = from;
    if (this.left) return position;
    this.room.doc.transact(() => {
      for (const entry of entries) {
        position = entry.id;
        const type = entry.fields.get('t')?.toString();
        const data = entry.fields.get('d');
        if (type === 'u' && data) {
          Y.applyUpdate(this.room.doc, data);
          this.room.storage.count(data);
        }
        else if (type === 's' && data && (entry.fields.get('r')?.toString() ?? '') === (this.link.redisRunId ?? '')) this.noteStored(data.toString());
      }
    }, LOADING);
    return position;
  }

  /**
   * Whether entries after `from` were trimmed from the stream (the server loaded too slowly).
   * Trimming removes a prefix and `from` is an entry's id, so while that entry is still there
   * nothing after it is gone; with no stored point yet, the stream must never have lost an entry.
   */
  private async trimmedPast(from: string): Promise<boolean> {
    if (from !== STREAM_START) {
      const still = (await this.link.commands.call('XRANGE', this.keys.updates, from, from)) as unknown[];
      return still.length === 0;
    }
    try {
      const info = (await this.link.commands.call('XINFO', 'STREAM', this.keys.updates)) as unknown[];
      const field = (name: string) => Number(info[info.indexOf(name) + 1]);
      return field('entries-added') > field('length');
    } catch {
      return false; // no stream yet: nothing was trimmed
    }
  }

  private async replayPresence(): Promise<string> {
    const newest = (await this.link.commands.callBuffer('XREVRANGE', this.keys.presence, '+', '-', 'COUNT', 200)) as Array<[Buffer, Buffer[]]>;
    const entries = newest.map(toStreamEntry).reverse();
    const recent = `${Date.now() - PRESENCE_REPLAY_MS}-0`;
    this.receivePresence(entries.filter((entry) => compareStreamIds(entry.id, recent) > 0));
    return entries.length > 0 ? entries[entries.length - 1].id : STREAM_START;
  }

  private async range(start: string): Promise<StreamEntry[]> {
    const items = (await this.link.commands.callBuffer('XRANGE', this.keys.updates, start, '+')) as Array<[Buffer, Buffer[]]>;
    return items.map(toStreamEntry);
  }

  private receiveUpdates(entries: StreamEntry[]): void {
    for (const entry of entries) {
      const type = entry.fields.get('t')?.toString();
      const data = entry.fields.get('d');
      if (!data) continue;
      if (type === 's') {
        // A note made against another Redis (before or after a restart this server has not
        // caught up with) says nothing about this server's entries.
        const runId = entry.fields.get('r')?.toString() ?? '';
        if (runId === (this.link.redisRunId ?? '')) this.noteStored(data.toString());
        continue;
      }
      if (type !== 'u') continue;
      const userId = entry.fields.get('w')?.toString() || null;
      if (entry.fields.get('s')?.toString() !== this.link.serverId) {
        try {
          Y.applyUpdate(this.room.doc, data, new RemoteChange(userId));
        } catch (error) {
          log.error('could not apply an update from another server', { manuscriptId: this.room.manuscriptId, error: (error as Error).message });
          continue;
        }
      }
      if (this.persisting) this.room.storage.queue(data, userId);
    }
  }

  private receivePresence(entries: StreamEntry[]): void {
    const { awarenessOwners: owners, awarenessAccounts: accounts } = this.room;
    for (const entry of entries) {
      const data = entry.fields.get('d');
      if (!data || entry.fields.get('s')?.toString() === this.link.serverId) continue;
      try {
        const announcedBy = JSON.parse(entry.fields.get('o')?.toString() ?? '{}') as Record<string, string>;
        const admitted: PresenceEntry[] = [];
        for (const client of presenceEntries(data)) {
          const owner = owners.get(client.clientId);
          // A writer's own connection here outranks any word about its id from elsewhere.
          if (owner !== undefined && owner !== ANOTHER_SERVER) continue;
          if (client.json !== 'null') owners.set(client.clientId, ANOTHER_SERVER);
          else owners.delete(client.clientId);
          const account = announcedBy[client.clientId];
          if (account && !accounts.has(client.clientId)) accounts.set(client.clientId, account);
          admitted.push(client);
        }
        if (admitted.length > 0) awarenessProtocol.applyAwarenessUpdate(this.room.awareness, encodePresence(admitted), REMOTE_PRESENCE);
      } catch (error) {
        log.warn('ignored malformed presence from redis', { manuscriptId: this.room.manuscriptId, error: (error as Error).message });
      }
    }
  }

  private publishPresence(body: Uint8Array): void {
    const announcedBy: Record<string, string> = {};
    for (const { clientId } of presenceEntries(body)) {
      const account = this.room.awarenessAccounts.get(clientId);
      if (account) announcedBy[clientId] = account;
    }
    void this.link.commands
      .call('XADD', this.keys.presence, 'MAXLEN', '~', PRESENCE_KEPT, '*', 's', this.link.serverId, 'o', JSON.stringify(announcedBy), 'd', Buffer.from(body))
      .catch((error: Error) => log.warn('could not share presence through redis', { error: error.message }));
  }

  /** Renews the writer lock, or tries to take it; one step at a time. */
  private async tick(): Promise<void> {
    if (this.ticking || this.left) return;
    this.ticking = true;
    try {
      if (this.lock.isHeld) {
        if (!(await this.lock.renew()) && this.persisting) {
          this.persisting = false;
          log.warn('lost the room writer lock; another server stores the room', { manuscriptId: this.room.manuscriptId, docName: this.room.docName });
        }
      } else if (await this.lock.tryAcquire()) {
        await this.takeOver();
      }
    } catch (error) {
      log.warn('room lock step failed', { manuscriptId: this.room.manuscriptId, error: (error as Error).message });
    } finally {
      this.ticking = false;
    }
  }

  /**
   * Becomes the room's writer: stores every entry after the last noted point (the previous
   * writer may have died with them read but not stored), then every entry as it arrives.
   */
  private async takeOver(): Promise<void> {
    // Storing starts before the catch-up is read: entries the reader delivers while it is read
    // are queued as they come, and the catch-up covers everything since the last noted point.
    this.persisting = true;
    this.catchingUp = true;
    let entries: StreamEntry[];
    try {
      const from = (await this.link.commands.get(this.keys.storedThrough)) ?? STREAM_START;
      entries = await this.range(`(${from}`);
    } catch (error) {
      this.persisting = false;
      await this.lock.release().catch(() => {});
      throw error;
    } finally {
      this.catchingUp = false;
    }
    if (this.left) return void this.lock.release().catch(() => {});
    // Entries past this server's read position are new here: applied (and queued) as if read.
    const unread = entries.filter((entry) => compareStreamIds(entry.id, this.updates.position) > 0);
    this.receiveUpdates(unread);
    for (const entry of entries) {
      const data = entry.fields.get('d');
      if (unread.includes(entry) || entry.fields.get('t')?.toString() !== 'u' || !data) continue;
      this.room.storage.queue(data, entry.fields.get('w')?.toString() || null);
    }
    if (entries.length > 0) this.updates.position = laterStreamId(this.updates.position, entries[entries.length - 1].id);
    log.info('storing room as its writer', { manuscriptId: this.room.manuscriptId, docName: this.room.docName, catchingUp: entries.length });
  }

  private noteStored(position: string): void {
    this.storedThrough = laterStreamId(this.storedThrough, position);
    const ready = this.waiters.filter((waiter) => compareStreamIds(waiter.target, this.storedThrough) <= 0);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve();
  }

  /**
   * Redis came back empty: updates it held that no server had stored are gone from it. This
   * server publishes its whole document (servers that have it change nothing; the writer stores
   * what is new) and its writers' presence, and waits for that, not the lost entries, to be stored.
   */
  private republish(): void {
    if (this.left) return;
    this.lock.forget();
    this.persisting = false;
    this.publish(Y.encodeStateAsUpdate(this.room.doc), null);
    const waiting = this.waiters;
    this.waiters = [];
    void this.lastPublished.then((target) => {
      for (const waiter of waiting) this.waiters.push({ ...waiter, target: target ?? waiter.target });
      this.noteStored(STREAM_START);
    });
    const local = [...this.room.awareness.getStates().keys()].filter((id) => this.room.awarenessOwners.get(id) !== ANOTHER_SERVER);
    if (local.length > 0) this.publishPresence(awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, local));
  }
}

/** Entries after the point a loading server asked for were trimmed; it must load again. */
export class StreamGapError extends Error {
  constructor() {
    super('the room stream was trimmed past the stored point while loading');
  }
}

/** The room stopped being shared before what was waited for was noted as stored. */
export class RoomLeftError extends Error {
  constructor() {
    super('the room closed on this server before its writer noted the change as stored');
  }
}

/** The entries of an awareness update. */
function presenceEntries(update: Uint8Array): PresenceEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: PresenceEntry[] = [];
  for (let i = 0; i < count; i++) {
    entries.push({ clientId: decoding.readVarUint(decoder), clock: decoding.readVarUint(decoder), json: decoding.readVarString(decoder) });
  }
  return entries;
}
