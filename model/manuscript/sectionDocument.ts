import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { manuscriptSchema } from '../schema';
import { nodeNames } from '../schema/names';
import type { SectionStats } from './bookDocument';
import { countWords } from './countWords';
import { fragmentText } from './fragmentText';

/**
 * One section's own Yjs document (storage name: the section id; sync room
 * `/<manuscriptId>/<sectionId>`) holds its text in one fragment: a ProseMirror document whose
 * single child is the section node (dedication, epigraphs, part or chapter).
 */
export function sectionContent(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment('section');
}

/** Whether the section's text has arrived (an empty fragment: not yet synced or never written). */
export function hasSectionContent(doc: Y.Doc): boolean {
  return sectionContent(doc).length > 0;
}

/** The section node's element, or null while the document is empty. */
function sectionElement(doc: Y.Doc): Y.XmlElement | null {
  const fragment = sectionContent(doc);
  const first = fragment.length > 0 ? fragment.get(0) : null;
  return first instanceof Y.XmlElement ? first : null;
}

/** A chapter's or part's title line, or null for front matter. */
export function sectionTitleElement(doc: Y.Doc): Y.XmlElement | null {
  const section = sectionElement(doc);
  if (!section || (section.nodeName !== nodeNames.chapter && section.nodeName !== nodeNames.part)) return null;
  const title = section.length > 0 ? section.get(0) : null;
  return title instanceof Y.XmlElement && (title.nodeName === nodeNames.chapterTitle || title.nodeName === nodeNames.partTitle) ? title : null;
}

/** The section's title and word count, read straight from the Yjs types (no editor needed). */
export function measureSection(doc: Y.Doc): SectionStats {
  const title = sectionTitleElement(doc);
  return { title: title ? fragmentText(title) : '', words: countWords(fragmentText(sectionContent(doc))) };
}

/**
 * Writes a section's ProseMirror JSON into its (empty) document in one transaction. Throws,
 * changing nothing, if the content does not fit the schema.
 */
export function writeSectionContent(doc: Y.Doc, content: JSONContent): void {
  manuscriptSchema.nodeFromJSON(content).check();
  doc.transact(() => prosemirrorJSONToYXmlFragment(manuscriptSchema, content, sectionContent(doc)));
}

/** The section's ProseMirror JSON. */
export function readSectionContent(doc: Y.Doc): JSONContent {
  return yXmlFragmentToProsemirrorJSON(sectionContent(doc)) as JSONContent;
}

/**
 * Replaces a chapter's or part's title text, as the binder's rename does. The edit goes through
 * Yjs, so an open editor (local or a co-writer's) updates like any other remote change.
 */
export function renameSection(doc: Y.Doc, title: string): void {
  const element = sectionTitleElement(doc);
  if (!element) return;
  doc.transact(() => {
    element.delete(0, element.length);
    if (title) element.insert(0, [new Y.XmlText(title)]);
  });
}

/**
 * The update that gives an empty section document its first content, identical wherever it is
 * made (written by client id 0): two writers who fill the same new section at once send the same
 * items, which Yjs merges into one, instead of two copies of the section. Only for sections no
 * one has written yet; anything else must be written as a normal change.
 */
export function initialSectionUpdate(content: JSONContent): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 0;
  writeSectionContent(doc, content);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
