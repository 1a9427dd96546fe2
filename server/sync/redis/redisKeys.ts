/**
 * The Redis keys Quire uses, all under one prefix so a Redis shared with other software stays
 * readable. Manuscript and section ids are the server's own (cuid-like), never a writer's text.
 */
const PREFIX = 'quire';

/** The keys of one room (one document of a manuscript). */
export interface RoomKeys {
  /** Stream of the document's updates, and the storage progress notes ("stored up to"). */
  updates: string;
  /** Stream of the room's presence (awareness) changes. */
  presence: string;
  /** The stream id up to which every update is known to be in the database. */
  storedThrough: string;
  /** Lock held by the one server that stores and compacts the room. */
  writer: string;
}

/** The keys of the room for `docName` of `manuscriptId`. */
export function roomKeys(manuscriptId: string, docName: string): RoomKeys {
  // A hash tag keeps one room's keys on one node of a Redis cluster.
  const room = `${PREFIX}:{${manuscriptId}/${docName}}`;
  return { updates: `${room}:updates`, presence: `${room}:presence`, storedThrough: `${room}:stored`, writer: `${room}:writer` };
}

/** The lock held while one server records a manuscript's revision. */
export function revisionLockKey(manuscriptId: string): string {
  return `${PREFIX}:revision:${manuscriptId}`;
}
