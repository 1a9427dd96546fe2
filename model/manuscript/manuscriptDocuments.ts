import * as Y from 'yjs';
import { generateNKeysBetween } from 'fractional-indexing';
import { sectionStatsMap } from './bookDocument';
import { emptySection } from './emptySection';
import type { ManuscriptJson } from './manuscriptJson';
import { listSections, metaMap, readTitle, sectionsMap } from './manuscriptLayout';
import { readLanguage } from './bookLanguage';
import { hasSectionContent, measureSection, readSectionContent, writeSectionContent } from './sectionDocument';
import { manuscriptSchema } from '../schema';

/** A manuscript as Yjs documents: the book, and each section's own document by section id. */
export interface ManuscriptDocuments {
  book: Y.Doc;
  sections: Map<string, Y.Doc>;
}

/**
 * Writes a manuscript's JSON into new documents: the book (title, section entries in order, each
 * section's stats) and one document per section. `gc: false` makes history-keeping documents,
 * as the sync server's are. Throws before writing anything if a section does not fit the schema.
 */
export function writeManuscriptToDocuments(manuscript: ManuscriptJson, options: { gc?: boolean } = {}): ManuscriptDocuments {
  for (const section of manuscript.sections) manuscriptSchema.nodeFromJSON(section.content).check();
  const gc = options.gc ?? true;
  const book = new Y.Doc({ gc });
  const sections = new Map<string, Y.Doc>();
  const ranks = generateNKeysBetween(null, null, manuscript.sections.length);
  for (const section of manuscript.sections) {
    const doc = new Y.Doc({ gc });
    writeSectionContent(doc, section.content);
    sections.set(section.id, doc);
  }
  book.transact(() => {
    metaMap(book).set('title', manuscript.title);
    if (manuscript.language) metaMap(book).set('language', manuscript.language);
    manuscript.sections.forEach((section, index) => {
      sectionsMap(book).set(section.id, { kind: section.kind, rank: ranks[index] });
      sectionStatsMap(book).set(section.id, measureSection(sections.get(section.id)!));
    });
  });
  return { book, sections };
}

/**
 * Reads a book document and its sections' documents back into manuscript JSON, sections in the
 * book's reading order. A section whose document is missing or empty (created but never
 * written) reads as an empty section of its kind, so nothing downstream meets a hole.
 */
export function documentsToManuscript(book: Y.Doc, sectionDocument: (sectionId: string) => Y.Doc | undefined): ManuscriptJson {
  const language = metaMap(book).get('language');
  return {
    title: readTitle(book),
    ...(typeof language === 'string' ? { language: readLanguage(book) } : {}),
    sections: listSections(book).map(({ id, kind }) => {
      const doc = sectionDocument(id);
      const content = doc && hasSectionContent(doc) ? readSectionContent(doc) : emptySection(kind);
      return { id, kind, content };
    }),
  };
}
