import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Role } from '@model/access/roles';

/** Who a connection really is, as the server knows it from its authentication. */
export interface PresenceIdentity {
  userId: string;
  name: string;
  role: Role;
}

/** Who holds each awareness client id in the room: the live connection, and the account it was first announced by. */
export interface PresenceOwnership {
  /** The connection announcing this client id now, if any. */
  ownerOf(clientId: number): unknown;
  /** The account that first announced this client id while the room has been open, if any. */
  accountOf(clientId: number): string | undefined;
}

/** Limits on what one connection may announce in awareness. */
export interface PresenceLimits {
  /** Awareness client ids one connection may own (a stock client has one per document). */
  maxClientIds: number;
  /** Largest state, as UTF-8 JSON and once stamped, that is relayed (a caret and a name are a few hundred bytes). */
  maxStateBytes: number;
}

/** What a connection's awareness message amounts to once checked and stamped. */
export interface AdmittedPresence {
  /** An awareness update holding only the admitted entries, stamped; null if none was admitted. */
  update: Uint8Array | null;
  /** Client ids this connection now announces (to be owned by it). */
  claimed: number[];
  /** Client ids this connection withdrew (state null). */
  released: number[];
}

/** Raised for an awareness message that does not decode; the caller closes the connection. */
export class MalformedAwareness extends Error {}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Checks and stamps one awareness message from a connection. Entries for client ids another
 * connection owns are skipped: stock y-websocket clients re-send the states they receive, and
 * nobody may speak for someone else. An id once announced by one account stays that account's
 * while the room is open, so nobody can take a co-writer's id while they reconnect. Each admitted
 * state's `user` is replaced by the account's own name and role (a caret colour is kept if it is
 * a plain `#rrggbb`), so no member can appear as another. Pure: ownership is only read.
 */
export function admitPresence(
  message: Uint8Array,
  self: unknown,
  ownership: PresenceOwnership,
  ownedCount: number,
  identity: PresenceIdentity,
  limits: PresenceLimits,
): AdmittedPresence {
  const entries: Array<{ clientId: number; clock: number; json: string }> = [];
  const claimed: number[] = [];
  const released: number[] = [];
  let owned = ownedCount;
  try {
    const decoder = decoding.createDecoder(message);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      // Read as bytes: most entries a stock client sends are others' states it re-sends, skipped
      // here without the cost of decoding their text.
      const bytes = decoding.readVarUint8Array(decoder);
      const owner = ownership.ownerOf(clientId);
      if (owner !== undefined && owner !== self) continue;
      const account = ownership.accountOf(clientId);
      if (account !== undefined && account !== identity.userId) continue;
      const raw = utf8.decode(bytes);
      const state = JSON.parse(raw) as unknown;
      if (state === null) {
        // Only the owner withdraws a state; a removal for an id nobody holds changes nothing.
        if (owner !== self) continue;
        released.push(clientId);
        entries.push({ clientId, clock, json: 'null' });
        continue;
      }
      if (typeof state !== 'object' || Array.isArray(state) || bytes.length > limits.maxStateBytes) continue;
      const json = JSON.stringify(stamp(state as Record<string, unknown>, identity));
      if (Buffer.byteLength(json) > limits.maxStateBytes) continue;
      if (owner === undefined) {
        if (owned >= limits.maxClientIds) continue;
        owned += 1;
        claimed.push(clientId);
      }
      entries.push({ clientId, clock, json });
    }
    if (decoding.hasContent(decoder)) throw new MalformedAwareness('trailing bytes in awareness update');
  } catch (error) {
    if (error instanceof MalformedAwareness) throw error;
    throw new MalformedAwareness('malformed awareness update');
  }
  if (entries.length === 0) return { update: null, claimed, released };
  return { update: encodePresence(entries), claimed, released };
}

/** One client's entry in an awareness update: its id, clock and state as JSON (`null` for a departure). */
export interface PresenceEntry {
  clientId: number;
  clock: number;
  json: string;
}

/** An awareness update holding `entries`. */
export function encodePresence(entries: PresenceEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}

/** The state with `user` set to who the connection is. */
function stamp(state: Record<string, unknown>, identity: PresenceIdentity): Record<string, unknown> {
  const announced = state.user as { color?: unknown } | undefined;
  const color = typeof announced?.color === 'string' && HEX_COLOR.test(announced.color) ? announced.color : undefined;
  return { ...state, user: { name: identity.name, role: identity.role, ...(color ? { color } : {}) } };
}
