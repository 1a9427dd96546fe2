import * as awarenessProtocol from 'y-protocols/awareness';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Relays a room's awareness in batches: every change within `windowMs` goes out as one message
 * holding the latest state of each changed client. Twenty writers moving carets at 30 Hz then
 * cost each member a few messages a window instead of one per caret move per writer, and a
 * flood from one connection collapses into its latest state.
 */
export class AwarenessBroadcaster {
  private readonly pending = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private readonly onUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    if (!this.accept(origin)) return;
    for (const id of added) this.pending.add(id);
    for (const id of updated) this.pending.add(id);
    for (const id of removed) this.pending.add(id);
    if (this.pending.size > 0 && !this.timer) this.timer = setTimeout(() => this.flush(), this.windowMs);
  };

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    /** Receives each batch as one awareness update (the body of an awareness message). */
    private readonly send: (update: Uint8Array) => void,
    private readonly windowMs: number,
    /** Which changes to relay, by their origin (all by default). */
    private readonly accept: (origin: unknown) => boolean = () => true,
  ) {
    awareness.on('update', this.onUpdate);
  }

  /** Sends what changed since the last batch. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // A client whose state was never seen has no clock to send.
    const changed = [...this.pending].filter((id) => this.awareness.meta.has(id));
    this.pending.clear();
    if (changed.length === 0) return;
    this.send(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
  }

  /** Stops relaying (the room is closing). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.awareness.off('update', this.onUpdate);
  }
}
