import * as Y from 'yjs';
import { updateYFragment } from '@tiptap/y-tiptap';
import { generateNKeysBetween } from 'fractional-indexing';
import { manuscriptSchema } from '@model/schema';
import { sectionStatsMap } from '@model/manuscript/bookDocument';
import type { ManuscriptJson, SectionJson } from '@model/manuscript/manuscriptJson';
import { listSections, metaMap, readTitle, sectionsMap } from '@model/manuscript/manuscriptLayout';
import { measureSection, readSectionContent, sectionContent, writeSectionContent } from '@model/manuscript/sectionDocument';
import { rankBetween } from '@model/manuscript/rankBetween';
import { HttpError } from '../http/HttpError';
import { openLiveDocument, type LiveDocument } from '../live/liveManuscriptSession';

/**
 * Brings a manuscript laid out in sections back to `past` (a revision read as JSON), as new
 * changes on top of the current state, through the live documents so co-writers see it at once:
 * one section (its text, and its place in the book if it was removed since), or the whole book
 * (title, which sections exist, their order, their text). The book changes first, so a section
 * removed since is listed again before its own room is opened. Resolves once every change is
 * stored. Nothing in the history is lost: restoring the revision made just before undoes it.
 */
export async function restoreSections(book: LiveDocument, past: ManuscriptJson, userId: string, manuscriptId: string, sectionId?: string): Promise<void> {
  const targets = sectionId ? past.sections.filter((section) => section.id === sectionId) : past.sections;
  if (sectionId && targets.length === 0) throw new HttpError(404, 'That section does not exist in this revision.');
  book.doc.transact(() => (sectionId ? relistSection(book.doc, past, sectionId) : restoreBookOrder(book.doc, past)));
  await book.stored();
  for (const section of targets) await restoreSectionText(manuscriptId, userId, section);
}

/** Title, language, membership and order of the book as `past` had them. */
function restoreBookOrder(doc: Y.Doc, past: ManuscriptJson): void {
  if (readTitle(doc) !== past.title) metaMap(doc).set('title', past.title);
  if (past.language && metaMap(doc).get('language') !== past.language) metaMap(doc).set('language', past.language);
  const keep = new Set(past.sections.map((section) => section.id));
  for (const id of [...sectionsMap(doc).keys()]) {
    if (keep.has(id)) continue;
    sectionsMap(doc).delete(id);
    sectionStatsMap(doc).delete(id);
  }
  const current = listSections(doc).map((section) => section.id);
  const order = past.sections.map((section) => section.id);
  // Ranks are rewritten only when the order differs, so an unmoved book keeps its entries as they are.
  const sameOrder = current.length === order.length && current.every((id, index) => id === order[index]);
  const ranks = sameOrder ? null : generateNKeysBetween(null, null, order.length);
  past.sections.forEach((section, index) => {
    const entry = sectionsMap(doc).get(section.id);
    if (!ranks && entry && entry.kind === section.kind) return;
    sectionsMap(doc).set(section.id, { kind: section.kind, rank: ranks?.[index] ?? entry?.rank ?? rankBetween(null, null) });
    sectionStatsMap(doc).set(section.id, statsOf(section));
  });
}

/** Lists one section again if it was removed since, where it stood among the sections still there. */
function relistSection(doc: Y.Doc, past: ManuscriptJson, sectionId: string): void {
  if (sectionsMap(doc).has(sectionId)) return;
  const section = past.sections.find((s) => s.id === sectionId)!;
  const current = listSections(doc);
  const currentIds = new Set(current.map((s) => s.id));
  const index = past.sections.findIndex((s) => s.id === sectionId);
  const before = past.sections.slice(0, index).reverse().find((s) => currentIds.has(s.id));
  const after = past.sections.slice(index + 1).find((s) => currentIds.has(s.id));
  const beforeRank = before ? sectionsMap(doc).get(before.id)!.rank : null;
  const afterRank = after ? sectionsMap(doc).get(after.id)!.rank : null;
  sectionsMap(doc).set(sectionId, { kind: section.kind, rank: rankBetween(beforeRank, afterRank) });
  sectionStatsMap(doc).set(sectionId, statsOf(section));
}

/** Rewrites one section's live document to its past text, if it differs (a minimal change). */
async function restoreSectionText(manuscriptId: string, userId: string, section: SectionJson): Promise<void> {
  const live = await openLiveDocument(manuscriptId, userId, section.id);
  try {
    if (sectionContent(live.doc).length === 0) writeSectionContent(live.doc, section.content);
    else if (JSON.stringify(readSectionContent(live.doc)) !== JSON.stringify(section.content)) {
      const node = manuscriptSchema.nodeFromJSON(section.content);
      updateYFragment(live.doc, sectionContent(live.doc), node, { mapping: new Map(), isOMark: new Map() });
    } else return;
    await live.stored();
  } finally {
    live.close();
  }
}

function statsOf(section: SectionJson) {
  const doc = new Y.Doc();
  writeSectionContent(doc, section.content);
  const stats = measureSection(doc);
  doc.destroy();
  return stats;
}
