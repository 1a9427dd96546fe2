import * as Y from 'yjs';
import { wordSpans } from '@model/manuscript/countWords';
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
    // Yjs hands a run per item (a keystroke or a few, split wherever others wrote in between), not
    // per word: the paragraph's text is read whole, removed text in its place, and each word is
    // credited once to every writer who added (or removed) any of its characters, so "counted",
    // typed as "cou" and "nted" around another item, is one word, not two.
    let whole = '';
    const changes: Array<{ from: number; to: number; change: YChange }> = [];
    for (const run of text.toDelta(current, previous, computeYChange) as Array<{ insert: unknown; attributes?: { ychange?: YChange } }>) {
      const piece = typeof run.insert === 'string' ? run.insert : ' ';
      const change = run.attributes?.ychange;
      if (change) changes.push({ from: whole.length, to: whole.length + piece.length, change });
      whole += piece;
    }
    if (changes.length === 0) return;
    let next = 0;
    for (const [start, end] of wordSpans(whole)) {
      while (next < changes.length && changes[next].to <= start) next++;
      const credited = new Set<string>();
      for (let i = next; i < changes.length && changes[i].from < end; i++) {
        const { change } = changes[i];
        const key = `${change.type}:${change.user}`;
        if (credited.has(key)) continue;
        credited.add(key);
        const tally = authors.get(change.user) ?? { added: 0, removed: 0 };
        tally[change.type]++;
        authors.set(change.user, tally);
        if (change.type === 'added') added++;
        else removed++;
      }
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
