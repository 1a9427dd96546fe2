import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Renews the lock only if this holder still has it (an expired lock taken by another is theirs). */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
/** Releases the lock only if this holder still has it. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * A lock in Redis that expires unless its holder renews it (`SET NX PX` with a random token):
 * if the holder dies, the lock frees itself after `ttlMs` and another server takes over.
 * `confirmedWithin` tells whether the holder heard from Redis recently enough to be sure it still
 * holds it, which is what steps that must never run twice at once (compaction) check.
 */
export class ExpiringLock {
  /** This holder's token: the lock's value while it is held here. */
  readonly token = randomUUID();
  private held = false;
  private confirmedAt = 0;

  constructor(
    private readonly redis: Redis,
    readonly key: string,
    readonly ttlMs: number,
  ) {}

  /** Whether this holder believes it holds the lock (it may have expired unnoticed; see `confirmedWithin`). */
  get isHeld(): boolean {
    return this.held;
  }

  /** Takes the lock if it is free; true if this holder now has it. */
  async tryAcquire(): Promise<boolean> {
    const startedAt = Date.now();
    const answer = await this.redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX');
    this.held = answer === 'OK';
    if (this.held) this.confirmedAt = startedAt;
    return this.held;
  }

  /** Extends the lock; false (and no longer held) if it expired and is gone or someone else's. */
  async renew(): Promise<boolean> {
    const startedAt = Date.now();
    const renewed = (await this.redis.eval(RENEW, 1, this.key, this.token, String(this.ttlMs))) === 1;
    this.held = renewed;
    if (renewed) this.confirmedAt = startedAt;
    return renewed;
  }

  /** Whether Redis confirmed this holder's lock less than `ms` ago. */
  confirmedWithin(ms: number): boolean {
    return this.held && Date.now() - this.confirmedAt < ms;
  }

  /** Stops believing it holds the lock, without asking Redis (Redis lost it: it restarted empty). */
  forget(): void {
    this.held = false;
  }

  /** Gives the lock up (only if still this holder's). */
  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    await this.redis.eval(RELEASE, 1, this.key, this.token);
  }
}
