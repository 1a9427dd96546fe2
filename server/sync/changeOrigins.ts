/**
 * Transaction origins in a room's document and awareness: they say where a change came from, and
 * so whether it is relayed, stored, shared with other servers, or counted as a writer's edit.
 */

/** The replay of stored state (and of the shared stream since it) while a room loads. */
export const LOADING = Symbol('loading');

/** Changes the sync server makes itself (a section's word count in the book). */
export const SERVER_ORIGIN = Symbol('server');

/** A change another sync server received from one of its writers (or made itself: `userId` null), read from Redis. */
export class RemoteChange {
  constructor(readonly userId: string | null) {}
}

/** Presence read from Redis, announced by a writer connected to another sync server. */
export const REMOTE_PRESENCE = Symbol('remote presence');

/** Owner of an awareness client id announced through another sync server (in a room's `awarenessOwners`). */
export const ANOTHER_SERVER = Symbol('another server');
