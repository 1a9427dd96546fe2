import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { laterStreamId } from './streamId';
import { log } from '../log';
import { withDeadline } from '../deadline';

/** One entry of a stream, its fields by name (values as Redis returned them, bytes). */
export interface StreamEntry {
  id: string;
  fields: Map<string, Buffer>;
}

/** A stream this server reads: entries after `position` go to `deliver`, in order, once each. */
export interface StreamSubscription {
  readonly key: string;
  /** The last entry delivered (or skipped over by the subscriber itself); reading resumes after it. */
  position: string;
  deliver(entries: StreamEntry[]): void;
  /** Stops reading the stream. */
  cancel(): void;
}

/** How long one blocking read waits before it starts again with the current set of streams (ms). */
const READ_BLOCK_MS = 2000;
/** Most entries taken from all streams in one read. */
const READ_COUNT = 1000;

/**
 * This server's connection to Redis: one connection for commands, and one that reads every
 * subscribed stream in a single blocking `XREAD` (a second connection, since a blocked connection
 * can do nothing else). When the set of streams changes, the blocked read is cut short with
 * `CLIENT UNBLOCK` so a new room's entries flow at once. Commands issued while Redis is away
 * wait in ioredis's queue and go out, in order, when it returns; nothing is dropped. A Redis that
 * comes back empty (restarted without persistence) is noticed by its changed `run_id`, and
 * `onRestart` listeners re-publish what only this server holds.
 */
export class RedisLink {
  /** Marks this process's entries, so it does not apply its own updates twice. */
  readonly serverId = randomUUID();
  readonly commands: Redis;
  private readonly reader: Redis;
  private readonly subscriptions = new Map<string, StreamSubscription>();
  private readerClientId: number | null = null;
  private runId: string | null = null;

  /** The Redis server's `run_id` as last read: it changes when Redis restarts (empty, without persistence). */
  get redisRunId(): string | null {
    return this.runId;
  }
  private readonly restartListeners = new Set<() => void>();
  private closed = false;
  private wake: (() => void) | null = null;
  private readonly loop: Promise<void>;

  constructor(readonly url: string) {
    const options = {
      // Never give up on a command: a write waits for Redis to come back rather than being lost.
      maxRetriesPerRequest: null,
      retryStrategy: (attempt: number) => Math.min(100 * attempt, 2000),
      lazyConnect: false,
    };
    this.commands = new Redis(url, { ...options, connectionName: 'quire-sync' });
    this.reader = new Redis(url, { ...options, connectionName: 'quire-sync-reader' });
    for (const client of [this.commands, this.reader]) client.on('error', (error: Error) => log.warn('redis connection error', { error: error.message }));
    this.reader.on('close', () => (this.readerClientId = null));
    this.commands.on('ready', () => void this.checkRunId());
    this.loop = this.readLoop();
  }

  /** Whether the command connection is up. */
  get isReady(): boolean {
    return this.commands.status === 'ready';
  }

  /** Round trip to Redis within `timeoutMs`; rejects if Redis does not answer. */
  async ping(timeoutMs = 1000): Promise<void> {
    if (!this.isReady) throw new Error(`redis is ${this.commands.status}`);
    await withDeadline(this.commands.ping(), timeoutMs, 'redis did not answer in time');
  }

  /** Reads `key` from after `position`, delivering entries to `deliver`. */
  subscribe(key: string, position: string, deliver: (entries: StreamEntry[]) => void): StreamSubscription {
    const subscription: StreamSubscription = {
      key,
      position,
      deliver,
      cancel: () => {
        if (this.subscriptions.get(key) !== subscription) return;
        this.subscriptions.delete(key);
        this.restartRead();
      },
    };
    this.subscriptions.set(key, subscription);
    this.restartRead();
    return subscription;
  }

  /** Calls `listener` whenever Redis is found to have restarted empty. */
  onRestart(listener: () => void): () => void {
    this.restartListeners.add(listener);
    return () => this.restartListeners.delete(listener);
  }

  /** Stops reading and closes both connections. */
  async close(): Promise<void> {
    this.closed = true;
    this.restartRead();
    this.reader.disconnect();
    await this.loop.catch(() => {});
    await this.commands.quit().catch(() => this.commands.disconnect());
  }

  private restartRead(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
    const id = this.readerClientId;
    if (id !== null && this.commands.status === 'ready') void this.commands.call('CLIENT', 'UNBLOCK', id).catch(() => {});
  }

  private async readLoop(): Promise<void> {
    while (!this.closed) {
      const subscriptions = [...this.subscriptions.values()];
      if (subscriptions.length === 0) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      try {
        if (this.readerClientId === null) this.readerClientId = Number(await this.reader.call('CLIENT', 'ID'));
        const reply = (await this.reader.callBuffer(
          'XREAD',
          'COUNT',
          READ_COUNT,
          'BLOCK',
          READ_BLOCK_MS,
          'STREAMS',
          ...subscriptions.map((s) => s.key),
          ...subscriptions.map((s) => s.position),
        )) as unknown[] | null;
        if (reply) this.dispatch(streamsOf(reply));
      } catch (error) {
        if (this.closed) return;
        // Cut short by CLIENT UNBLOCK, or Redis is away: start again (after a pause if away).
        if (!/UNBLOCKED/.test((error as Error).message)) {
          log.warn('redis stream read failed; retrying', { error: (error as Error).message });
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    }
  }

  private dispatch(reply: Array<[Buffer, Array<[Buffer, Buffer[]]>]>): void {
    for (const [keyBytes, items] of reply) {
      const subscription = this.subscriptions.get(keyBytes.toString());
      if (!subscription) continue;
      const entries: StreamEntry[] = [];
      for (const [idBytes, values] of items) {
        const entry = toStreamEntry([idBytes, values]);
        // The subscriber may have read past this point itself (catching up when it took the lock).
        if (laterStreamId(entry.id, subscription.position) === subscription.position) continue;
        entries.push(entry);
      }
      if (entries.length === 0) continue;
      subscription.position = entries[entries.length - 1].id;
      try {
        subscription.deliver(entries);
      } catch (error) {
        log.error('could not apply entries from redis', { key: subscription.key, error: (error as Error).message });
      }
    }
  }

  private async checkRunId(): Promise<void> {
    try {
      const info = await this.commands.info('server');
      const runId = /run_id:(\w+)/.exec(info)?.[1] ?? null;
      const restarted = this.runId !== null && runId !== null && runId !== this.runId;
      this.runId = runId;
      if (restarted) {
        log.warn('redis restarted; re-publishing what this server holds');
        for (const listener of this.restartListeners) listener();
      }
    } catch (error) {
      log.warn('could not read redis run id', { error: (error as Error).message });
    }
  }
}

/**
 * The streams of an `XREAD` reply as [key, entries] pairs: RESP2 answers a list of pairs, RESP3 a
 * map, which ioredis hands over as one flat list of keys and values.
 */
function streamsOf(reply: unknown[]): Array<[Buffer, Array<[Buffer, Buffer[]]>]> {
  if (reply.length === 0 || !Buffer.isBuffer(reply[0])) return reply as Array<[Buffer, Array<[Buffer, Buffer[]]>]>;
  const pairs: Array<[Buffer, Array<[Buffer, Buffer[]]>]> = [];
  for (let i = 0; i + 1 < reply.length; i += 2) pairs.push([reply[i] as Buffer, reply[i + 1] as Array<[Buffer, Buffer[]]>]);
  return pairs;
}

/** A stream entry as Redis sends it (its id, then field names and values in turn), as a {@link StreamEntry}. */
export function toStreamEntry([id, values]: [Buffer, Buffer[]]): StreamEntry {
  const fields = new Map<string, Buffer>();
  for (let i = 0; i + 1 < values.length; i += 2) fields.set(values[i].toString(), values[i + 1]);
  return { id: id.toString(), fields };
}
