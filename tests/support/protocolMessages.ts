import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

/** An awareness message (type 1) announcing one client's state, as a raw y-websocket client sends it. */
export function awarenessMessage(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

/** A sync message (type 0) carrying one Yjs update. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function bytes(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Messages no client following the protocol sends, each named for what is wrong with it. */
export const MALFORMED_MESSAGES: Record<string, Uint8Array | string> = {
  'random bytes': Uint8Array.from({ length: 64 }, (_, i) => (i * 97 + 13) % 256),
  'a truncated varint': new Uint8Array([0x80, 0x80]),
  'an absurd length': bytes((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint(e, 2 ** 40);
  }),
  'an unknown message type': bytes((e) => encoding.writeVarUint(e, 42)),
  'an update that does not decode': bytes((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, new Uint8Array([5, 200, 1, 7, 7, 7]));
  }),
  'a text frame': 'hello',
  'awareness that is not JSON': bytes((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(
      e,
      bytes((inner) => {
        encoding.writeVarUint(inner, 1);
        encoding.writeVarUint(inner, 5);
        encoding.writeVarUint(inner, 1);
        encoding.writeVarString(inner, '{not json');
      }),
    );
  }),
};
