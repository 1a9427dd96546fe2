import * as Y from 'yjs';
import type { StoredDocument } from '../persistence/DocumentStore';

/**
 * A Y.Doc that keeps its full history (garbage collection off), so the text at any revision's
 * snapshot can be rebuilt. The sync server's rooms are such docs; this builds one from storage.
 */
export function historyDocFromStored(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdateV2(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdateV2(doc, update);
  });
  return doc;
}

/** An independent copy of a history-keeping doc, for reading snapshots without touching the original. */
export function copyHistoryDoc(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdateV2(copy, Y.encodeStateAsUpdateV2(doc));
  return copy;
}

/** The document as it was at a snapshot (a new doc; the history doc is left as it is). */
export function docAtSnapshot(historyDoc: Y.Doc, snapshot: Y.Snapshot): Y.Doc {
  return Y.createDocFromSnapshot(historyDoc, snapshot, new Y.Doc({ gc: false }));
}
