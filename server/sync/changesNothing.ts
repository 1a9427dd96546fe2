import * as Y from 'yjs';

/**
 * Whether a decoded update holds nothing the document lacks: every struct already integrated and
 * every deletion already made. A client that reconnects sends its whole delete set (Yjs's state
 * vectors do not cover deletions), so a reader's browser sends such an update on every reload;
 * it changes nothing and must not be answered as a refused change.
 */
export function changesNothing(doc: Y.Doc, decoded: ReturnType<typeof Y.decodeUpdate>): boolean {
  for (const struct of decoded.structs) {
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return false;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const known = Y.getState(doc.store, client);
    for (const range of ranges) {
      const end = range.clock + range.len;
      if (end > known) return false;
      let clock = range.clock;
      while (clock < end) {
        const struct = Y.getItem(doc.store, { client, clock } as Y.ID);
        if (!struct.deleted) return false;
        clock = struct.id.clock + struct.length;
      }
    }
  }
  return true;
}
