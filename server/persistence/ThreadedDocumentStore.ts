import { Worker } from 'node:worker_threads';
import type { DocumentLayout, DocumentStore, DocumentSummary, LogEntry, StoredDocument } from './DocumentStore';
import type { StorageReply, StorageRequest } from './storageMessages';

/**
 * The thread's first script: a worker does not inherit the process's `--import tsx`, so it
 * registers tsx itself before loading the TypeScript source of the storage thread.
 */
const THREAD_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./storageThread.ts', import.meta.url).href)}); })`;

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** An error from the storage thread, keeping the code (Prisma's) that decides whether to retry. */
class StorageThreadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'StorageThreadError';
  }
}

/**
 * A {@link DocumentStore} whose database work runs on a worker thread (`storageThread.ts`), so
 * writing the log never holds up the sync server's event loop, which relays every keystroke.
 * Calls are posted in order and answered in order. If the thread dies, the calls in flight fail
 * (the room's storage retries them) and the next call starts a new thread.
 */
export class ThreadedDocumentStore implements DocumentStore {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  /** Called once no call is in flight (close waits for that). */
  private drained: Array<() => void> = [];

  constructor(private readonly databaseUrl: string) {}

  layoutOf(manuscriptId: string): Promise<DocumentLayout | null> {
    return this.call({ method: 'layoutOf', args: [manuscriptId] }) as Promise<DocumentLayout | null>;
  }

  load(manuscriptId: string, docName: string): Promise<StoredDocument | null> {
    return this.call({ method: 'load', args: [manuscriptId, docName] }) as Promise<StoredDocument | null>;
  }

  append(manuscriptId: string, docName: string, entries: LogEntry[], summary?: DocumentSummary): Promise<number> {
    return this.call({ method: 'append', args: [manuscriptId, docName, entries, summary] }) as Promise<number>;
  }

  compact(manuscriptId: string, docName: string, state: Uint8Array, throughSeq: number, summary?: DocumentSummary): Promise<void> {
    return this.call({ method: 'compact', args: [manuscriptId, docName, state, throughSeq, summary] }) as Promise<void>;
  }

  /** Waits for the calls in flight, then closes the thread's database connection and ends it. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    if (this.pending.size > 0) await new Promise<void>((resolve) => this.drained.push(resolve));
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage({ id: 0, method: 'close' } satisfies StorageRequest);
    await exited;
  }

  private call(request: Omit<Extract<StorageRequest, { method: keyof DocumentStore }>, 'id'>): Promise<unknown> {
    if (this.closed) return Promise.reject(new StorageThreadError('the storage thread is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.thread().postMessage({ id, ...request } as StorageRequest);
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(THREAD_BOOTSTRAP, { eval: true, workerData: { databaseUrl: this.databaseUrl } });
    worker.on('message', (reply: StorageReply) => this.settle(reply));
    const lost = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, pending] of this.pending) {
        this.pending.delete(id);
        pending.reject(error);
      }
      this.notifyIfDrained();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new StorageThreadError(`the storage thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(reply: StorageReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.error) pending.reject(new StorageThreadError(reply.error.message, reply.error.code));
    else pending.resolve(reply.result);
    this.notifyIfDrained();
  }

  private notifyIfDrained(): void {
    if (this.pending.size > 0) return;
    for (const resolve of this.drained.splice(0)) resolve();
  }
}
