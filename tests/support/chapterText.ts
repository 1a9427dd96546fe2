import * as Y from 'yjs';
import { listSections, sectionFragment } from '@model/manuscript/manuscriptLayout';
import { fragmentText } from '@model/manuscript/fragmentText';
import { sectionContent } from '@model/manuscript/sectionDocument';

/** The id of the manuscript's first chapter. */
export function firstChapterId(doc: Y.Doc): string {
  const chapter = listSections(doc).find((section) => section.kind === 'chapter');
  if (!chapter) throw new Error('no chapter');
  return chapter.id;
}

/** The first body paragraph's Y.XmlText of a chapter (created empty if the paragraph has no text yet). */
export function firstParagraphText(doc: Y.Doc, sectionId: string): Y.XmlText {
  const chapter = sectionFragment(doc, sectionId).get(0) as Y.XmlElement;
  const paragraph = chapter.toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph') as Y.XmlElement;
  if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
  return paragraph.get(0) as Y.XmlText;
}

/** All text of a section, one line per block. */
export function sectionText(doc: Y.Doc, sectionId: string): string {
  return fragmentText(sectionFragment(doc, sectionId));
}

/** The first body paragraph's Y.XmlText in a section's own document (per-section layout). */
export function sectionDocParagraph(doc: Y.Doc): Y.XmlText {
  const section = sectionContent(doc).get(0) as Y.XmlElement;
  const paragraph = section.toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph') as Y.XmlElement;
  if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
  return paragraph.get(0) as Y.XmlText;
}

/** All text of a section's own document, one line per block. */
export function sectionDocText(doc: Y.Doc): string {
  return fragmentText(sectionContent(doc));
}
