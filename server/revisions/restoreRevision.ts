import * as Y from 'yjs';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { manuscriptSchema } from '@model/schema';
import { metaMap, readTitle, sectionFragment, sectionsMap } from '@model/manuscript/manuscriptLayout';
import { HttpError } from '../http/HttpError';
import { copyHistoryDoc, docAtSnapshot } from './historyDoc';

/**
 * Brings a live document back to a revision, as a new change on top of the current state: one
 * section (only its text and its place in the book; every other section keeps its newer edits),
 * or the whole book (title, which sections exist, their order and their text). Nothing in the
 * history is lost: restoring the revision made just before undoes it.
 */
export function restoreRevision(live: Y.Doc, snapshot: Y.Snapshot, sectionId?: string): void {
  // Reading a snapshot splits items in the doc it reads; read a copy so the live doc only changes by the restore.
  const copy = copyHistoryDoc(live);
  const past = docAtSnapshot(copy, snapshot);
  try {
    const pastSections = sectionsMap(past);
    if (sectionId && !pastSections.has(sectionId)) throw new HttpError(404, 'That section does not exist in this revision.');
    const targets = sectionId ? [sectionId] : [...pastSections.keys()];
    live.transact(() => {
      if (!sectionId) {
        if (readTitle(live) !== readTitle(past)) metaMap(live).set('title', readTitle(past));
        const language = metaMap(past).get('language');
        if (typeof language === 'string' && metaMap(live).get('language') !== language) metaMap(live).set('language', language);
        for (const id of [...sectionsMap(live).keys()]) if (!pastSections.has(id)) sectionsMap(live).delete(id);
      }
      for (const id of targets) {
        const entry = pastSections.get(id)!;
        const current = sectionsMap(live).get(id);
        if (!current || current.rank !== entry.rank || current.kind !== entry.kind) sectionsMap(live).set(id, { kind: entry.kind, rank: entry.rank });
        const node = yXmlFragmentToProseMirrorRootNode(sectionFragment(past, id), manuscriptSchema);
        updateYFragment(live, sectionFragment(live, id), node, { mapping: new Map(), isOMark: new Map() });
      }
    });
  } finally {
    past.destroy();
    copy.destroy();
  }
}
