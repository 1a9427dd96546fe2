import * as Y from 'yjs';
import { countWords } from '@model/manuscript/countWords';
import type { LogEntry } from '../persistence/DocumentStore';
import type { DeleteSet } from './revisionSnapshots';

interface YChange {
  type: 'added' | 'removed';
  user: string | null;
}

/** Words added and removed per author (user id, null for no author). */
export type AuthorTally = Map<string | null, { added: number; removed: number }>;

/**
 * Counts the words added and removed in one document's text between two of its snapshots, and
 * who did it: text that appeared is credited to the author whose update created it, text that
 * disappeared to the author whose update deleted it, from the log entries written between the
 * two snapshots. Adds each author's words into `authors`; returns the totals. Reading at the
 * snapshots splits the document's items: pass a fragment of a copy of a live document.
 */
export function countWordChanges(root: Y.XmlFragment, previous: Y.Snapshot, current: Y.Snapshot, entries: LogEntry[], authors: AuthorTally): { added: number; removed: number } {
  const creatorOf = new Map<number, string | null>();
  const deletesBy = new Map<string | null, DeleteSet[]>();
  for (const entry of entries) {
    const { structs, ds } = Y.decodeUpdateV2(entry.update);
    for (const struct of structs) creatorOf.set(struct.id.client, entry.userId);
    const list = deletesBy.get(entry.userId) ?? [];
    list.push(ds);
    deletesBy.set(entry.userId, list);
  }
  const deleters = [...deletesBy].map(([userId, sets]) => ({ userId, ds: Y.mergeDeleteSets(sets) }));
  const computeYChange = (type: 'added' | 'removed', id: Y.ID): YChange => ({
    type,
    user: type === 'added' ? (creatorOf.get(id.client) ?? null) : (deleters.find((d) => Y.isDeleted(d.ds, id))?.userId ?? null),
  });
  let added = 0;
  let removed = 0;
  forEachText(root as unknown as Y.AbstractType<unknown>, (text) => {
    for (const run of text.toDelta(current, previous, computeYChange) as Array<{ insert: unknown; attributes?: { ychange?: YChange } }>) {
      const change = run.attributes?.ychange;
      if (!change || typeof run.insert !== 'string') continue;
      const words = countWords(run.insert);
      if (words === 0) continue;
      const tally = authors.get(change.user) ?? { added: 0, removed: 0 };
      tally[change.type] += words;
      authors.set(change.user, tally);
      if (change.type === 'added') added += words;
      else removed += words;
    }
  });
  return { added, removed };
}

/** Visits every text node under a type, including those inside deleted elements. */
function forEachText(type: Y.AbstractType<unknown>, visit: (text: Y.XmlText) => void): void {
  // Deleted children are not in toArray(); walking the item list reaches them too.
  for (let item = type._start; item !== null; item = item.right as Y.Item | null) {
    const child = (item.content as { type?: unknown }).type;
    if (child instanceof Y.XmlText) visit(child);
    else if (child instanceof Y.XmlElement) forEachText(child as unknown as Y.AbstractType<unknown>, visit);
  }
}
