import * as Y from 'yjs';
import type { SectionKind } from './manuscriptJson';
import { fragmentText } from './fragmentText';
import { sectionFragment } from './manuscriptLayout';

/** The chapter element of a section fragment, or null for front matter and empty fragments. */
function chapterElement(fragment: Y.XmlFragment): Y.XmlElement | null {
  const first = fragment.length > 0 ? fragment.get(0) : null;
  return first instanceof Y.XmlElement && first.nodeName === 'chapter' ? first : null;
}

/** The title of a chapter as typed in its title line ('' if untitled or not a chapter). */
export function readChapterTitle(doc: Y.Doc, sectionId: string): string {
  const chapter = chapterElement(sectionFragment(doc, sectionId));
  const title = chapter && chapter.length > 0 ? chapter.get(0) : null;
  return title instanceof Y.XmlElement && title.nodeName === 'chapterTitle' ? fragmentText(title) : '';
}

/** The name a section goes by in the binder: its chapter title, or the front-matter kind. */
export function sectionLabel(kind: SectionKind, chapterTitle: string, chapterNumber: number): string {
  if (kind === 'dedication') return 'Dedication';
  if (kind === 'epigraphs') return 'Epigraphs';
  return chapterTitle.trim() ? chapterTitle.trim() : `Chapter ${chapterNumber}`;
}

/**
 * Replaces a chapter's title text, as the binder's rename does. The edit goes through Yjs, so an
 * open editor (local or a co-writer's) updates like any other remote change.
 */
export function renameChapter(doc: Y.Doc, sectionId: string, title: string): void {
  const chapter = chapterElement(sectionFragment(doc, sectionId));
  const titleElement = chapter && chapter.length > 0 ? chapter.get(0) : null;
  if (!(titleElement instanceof Y.XmlElement) || titleElement.nodeName !== 'chapterTitle') return;
  doc.transact(() => {
    titleElement.delete(0, titleElement.length);
    if (title) titleElement.insert(0, [new Y.XmlText(title)]);
  });
}
