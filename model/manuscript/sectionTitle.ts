import * as Y from 'yjs';
import { fragmentText } from './fragmentText';
import { sectionFragment } from './manuscriptLayout';
import { nodeNames } from '../schema/names';

/** The title element (chapter or part title) of a section fragment, or null for front matter. */
function titleElement(fragment: Y.XmlFragment): Y.XmlElement | null {
  const section = fragment.length > 0 ? fragment.get(0) : null;
  if (!(section instanceof Y.XmlElement) || (section.nodeName !== nodeNames.chapter && section.nodeName !== nodeNames.part)) return null;
  const title = section.length > 0 ? section.get(0) : null;
  return title instanceof Y.XmlElement && (title.nodeName === nodeNames.chapterTitle || title.nodeName === nodeNames.partTitle) ? title : null;
}

/** The title of a chapter or part as typed in its title line ('' if untitled or front matter). */
export function readChapterTitle(doc: Y.Doc, sectionId: string): string {
  const title = titleElement(sectionFragment(doc, sectionId));
  return title ? fragmentText(title) : '';
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
