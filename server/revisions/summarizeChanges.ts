import * as Y from 'yjs';
import { countWords } from '@model/manuscript/countWords';
import { listSections, sectionFragment, type SectionRef } from '@model/manuscript/manuscriptLayout';
import { numberSections } from '@model/manuscript/sectionNumbering';
import { readChapterTitle } from '@model/manuscript/sectionTitle';
import type { LogEntry } from '../persistence/DocumentStore';
import { docAtSnapshot } from './historyDoc';
import type { DeleteSet } from './revisionSnapshots';

/** Words added and removed per author (user id, null for no author) and per section. */
export interface ChangeCounts {
  authors: Map<string | null, { added: number; removed: number }>;
  sections: Array<{ sectionId: string; label: string; status: 'added' | 'removed' | 'changed'; added: number; removed: number }>;
}

interface YChange {
  type: 'added' | 'removed';
  user: string | null;
}

/**
 * Counts what changed between two snapshots of a history-keeping doc, and who changed it. Text
 * that appeared is credited to the author whose update created it; text that disappeared to the
 * author whose update deleted it. Authorship comes from the update log entries written between
 * the two snapshots, each of which records its author. Reads `doc` without changing it only if
 * `doc` is a copy: Yjs splits items at snapshot boundaries while reading.
 */
export function summarizeChanges(doc: Y.Doc, previous: Y.Snapshot, current: Y.Snapshot, entries: LogEntry[]): ChangeCounts {
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

  const before = docAtSnapshot(doc, previous);
  const after = docAtSnapshot(doc, current);
  const beforeSections = listSections(before);
  const beforeIds = new Set(beforeSections.map((s) => s.id));
  const afterSections = listSections(after);
  const afterIds = new Set(afterSections.map((s) => s.id));
  const ordered = [...afterSections, ...beforeSections.filter((s) => !afterIds.has(s.id))];
  // A section is named where it stands: a removed one by its title and place in the older version.
  const afterLabels = labelsIn(after, afterSections);
  const beforeLabels = labelsIn(before, beforeSections);

  const authors = new Map<string | null, { added: number; removed: number }>();
  const sections: ChangeCounts['sections'] = [];
  for (const { id } of ordered) {
    let added = 0;
    let removed = 0;
    forEachText(sectionFragment(doc, id) as unknown as Y.AbstractType<unknown>, (text) => {
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
    const status = !beforeIds.has(id) ? 'added' : !afterIds.has(id) ? 'removed' : 'changed';
    if (added === 0 && removed === 0 && status === 'changed') continue;
    const label = (afterIds.has(id) ? afterLabels : beforeLabels).get(id)!;
    sections.push({ sectionId: id, label, status, added, removed });
  }
  before.destroy();
  after.destroy();
  return { authors, sections };
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

/** Each section's label as the binder shows it in `doc` ("Chapter 3", "Part Two: Roots"), by id. */
function labelsIn(doc: Y.Doc, sections: SectionRef[]): Map<string, string> {
  const numbering = numberSections(sections.map(({ id, kind }) => ({ kind, title: readChapterTitle(doc, id) })));
  return new Map(sections.map(({ id }, index) => [id, numbering[index].label]));
}
