import type { DocumentStore } from './DocumentStore';

/** A call from the main thread to the storage thread: one {@link DocumentStore} method, or close. */
export type StorageRequest =
  | { [M in keyof DocumentStore]: { id: number; method: M; args: Parameters<DocumentStore[M]> } }[keyof DocumentStore]
  | { id: number; method: 'close' };

/** The storage thread's answer to one call: its result, or the error's message and code. */
export type StorageReply = { id: number; result: unknown; error?: undefined } | { id: number; error: { message: string; code?: string } };
