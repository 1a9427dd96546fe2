import * as Y from 'yjs';
import type { SectionKind } from './manuscriptJson';
import { fragmentText } from './fragmentText';
import { sectionFragment } from './manuscriptLayout';
import { partLabel } from './partLabel';

/** The title element (chapter or part title) of a section fragment, or null for front matter. */
function titleElement(fragment: Y.XmlFragment): Y.XmlElement | null {
  const section = fragment.length > 0 ? fragment.get(0) : null;
  if (!(section instanceof Y.XmlElement) || (section.nodeName !== 'chapter' && section.nodeName !== 'part')) return null;
  const title = section.length > 0 ? section.get(0) : null;
  return title instanceof Y.XmlElement && (title.nodeName === 'chapterTitle' || title.nodeName === 'partTitle') ? title : null;
}

/** The title of a chapter or part as typed in its title line ('' if untitled or front matter). */
export function readChapterTitle(doc: Y.Doc, sectionId: string): string {
  const title = titleElement(sectionFragment(doc, sectionId));
  return title ? fragmentText(title) : '';
}

/**
 * The name a section goes by in the binder and the history: a chapter's title (or "Chapter 3"),
 * "Part One: Title", or the front-matter kind. `number` is the section's place among sections of
 * its kind.
 */
export function sectionLabel(kind: SectionKind, title: string, number: number): string {
  if (kind === 'dedication') return 'Dedication';
  if (kind === 'epigraphs') return 'Epigraphs';
  if (kind === 'part') return title.trim() ? `${partLabel(number)}: ${title.trim()}` : partLabel(number);
  return title.trim() ? title.trim() : `Chapter ${number}`;
}

/**
 * Replaces a chapter's or part's title text, as the binder's rename does. The edit goes through
 * Yjs, so an open editor (local or a co-writer's) updates like any other remote change.
 */
export function renameChapter(doc: Y.Doc, sectionId: string, title: string): void {
  const element = titleElement(sectionFragment(doc, sectionId));
  if (!element) return;
  doc.transact(() => {
    element.delete(0, element.length);
    if (title) element.insert(0, [new Y.XmlText(title)]);
  });
}
