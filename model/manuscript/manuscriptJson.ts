import type { JSONContent } from '@tiptap/core';

/** The kinds of section a manuscript is made of: front matter, then parts and chapters. */
export const SECTION_KINDS = ['dedication', 'epigraphs', 'part', 'chapter'] as const;

/** One of {@link SECTION_KINDS}. */
export type SectionKind = (typeof SECTION_KINDS)[number];

/** One section as plain JSON: its kind and its ProseMirror document (a `doc` holding one section node). */
export interface SectionJson {
  id: string;
  kind: SectionKind;
  content: JSONContent;
}

/**
 * A whole manuscript as plain JSON, independent of Yjs: what importers produce, exporters consume
 * and tests compare. Sections are in reading order.
 */
export interface ManuscriptJson {
  title: string;
  /** BCP 47 tag of the book's language; absent: the default (see bookLanguage.ts). */
  language?: string;
  sections: SectionJson[];
}
