import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { mergeDeltaSnapshots } from './revisionSnapshots';

/**
 * A revision of a manuscript laid out in sections stores one delta snapshot (see
 * revisionSnapshots.ts) per document that changed since the previous revision, by document name.
 * A document absent from a revision did not change: its snapshot at that revision is the one at
 * the revision before. Encoded as a count, then for each document its name and its delta.
 */
export function encodeDocumentDeltas(deltas: Map<string, Uint8Array>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, deltas.size);
  for (const [name, delta] of [...deltas].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    encoding.writeVarString(encoder, name);
    encoding.writeVarUint8Array(encoder, delta);
  }
  return encoding.toUint8Array(encoder);
}

/** Reads what {@link encodeDocumentDeltas} wrote. */
export function decodeDocumentDeltas(bytes: Uint8Array): Map<string, Uint8Array> {
  const decoder = decoding.createDecoder(bytes);
  const deltas = new Map<string, Uint8Array>();
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const name = decoding.readVarString(decoder);
    deltas.set(name, decoding.readVarUint8Array(decoder));
  }
  return deltas;
}

/**
 * Every document's full snapshot at the last of `revisions` (oldest first, each its encoded
 * document deltas): per document, its deltas merged in order. Documents no revision touched are
 * absent.
 */
export function documentSnapshotsAt(revisions: Uint8Array[]): Map<string, Y.Snapshot> {
  const perDocument = new Map<string, Uint8Array[]>();
  for (const revision of revisions) {
    for (const [name, delta] of decodeDocumentDeltas(revision)) {
      const list = perDocument.get(name) ?? [];
      list.push(delta);
      perDocument.set(name, list);
    }
  }
  return new Map([...perDocument].map(([name, deltas]) => [name, mergeDeltaSnapshots(deltas)]));
}
