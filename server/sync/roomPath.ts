/** Which document a websocket asks for. */
export interface RoomAddress {
  manuscriptId: string;
  /** Null for `/<manuscriptId>`: the book document (or a whole manuscript in the older layout). */
  sectionId: string | null;
}

/** Ids are short url-safe strings; anything else is refused before touching storage. */
const ROOM_PATH = /^\/([A-Za-z0-9_-]{1,64})(?:\/([A-Za-z0-9_-]{1,64}))?\/?$/;

/**
 * Reads a sync room's path: `/<manuscriptId>` for the book, `/<manuscriptId>/<sectionId>` for one
 * section (a stock y-websocket client gets these with the room names `<manuscriptId>` and
 * `<manuscriptId>/<sectionId>`). Null for anything else.
 */
export function parseRoomPath(pathname: string): RoomAddress | null {
  const match = ROOM_PATH.exec(pathname);
  return match ? { manuscriptId: match[1], sectionId: match[2] ?? null } : null;
}
