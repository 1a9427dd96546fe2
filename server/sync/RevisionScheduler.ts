/** When automatic revisions are made. */
export interface RevisionTiming {
  /** A revision follows this long after the last edit (a writer's pause). */
  idleMs: number;
  /** During continuous editing, a revision at least this often. */
  maxIntervalMs: number;
}

/**
 * Decides when a room makes an automatic revision: after writers pause, at least every so often
 * while they keep writing, and when the last writer leaves. Rooms with no edits since the last
 * revision make none. The revision itself is made by `makeRevision`, one at a time.
 */
export class RevisionScheduler {
  private idleTimer: NodeJS.Timeout | null = null;
  private intervalTimer: NodeJS.Timeout | null = null;
  private dirty = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly timing: RevisionTiming,
    private readonly makeRevision: () => Promise<void>,
  ) {}

  /** Records an edit: restarts the pause timer and starts the continuous-editing timer if needed. */
  edited(): void {
    this.dirty = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.now(), this.timing.idleMs);
    this.idleTimer.unref();
    if (!this.intervalTimer) {
      this.intervalTimer = setTimeout(() => void this.now(), this.timing.maxIntervalMs);
      this.intervalTimer.unref();
    }
  }

  /** Makes a revision now if anything changed since the last one (e.g. the last writer left). */
  now(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.intervalTimer) clearTimeout(this.intervalTimer);
    this.idleTimer = this.intervalTimer = null;
    if (!this.dirty) return this.running;
    this.dirty = false;
    this.running = this.running.then(this.makeRevision).catch(() => {
      // The revision could not be made (storage down): try again at the next occasion.
      this.dirty = true;
    });
    return this.running;
  }

  /** Stops the timers (the room is unloading; call now() first to keep its last changes). */
  stop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.intervalTimer) clearTimeout(this.intervalTimer);
    this.idleTimer = this.intervalTimer = null;
  }
}
