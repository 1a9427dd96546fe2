import * as encoding from 'lib0/encoding';

/** Encodes a message as lib0 does for y-websocket: a varuint type (see MessageType), then the body. */
export function encodeMessage(type: number, writeBody: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  writeBody(encoder);
  return encoding.toUint8Array(encoder);
}
