import type * as Y from 'yjs';
import { countWords } from '@model/manuscript/countWords';
import { fragmentText } from '@model/manuscript/fragmentText';
import { listSections, readTitle, sectionFragment } from '@model/manuscript/manuscriptLayout';
import { MAIN_DOCUMENT, type DocumentSummary } from '../persistence/DocumentStore';
import { BOOK_DOCUMENT, bookWordCount } from '@model/manuscript/bookDocument';

/** The title and total word count stored beside a manuscript's document for the library page. */
export function summarizeManuscript(doc: Y.Doc): DocumentSummary {
  let wordCount = 0;
  for (const section of listSections(doc)) wordCount += countWords(fragmentText(sectionFragment(doc, section.id)));
  return { title: readTitle(doc) || 'Untitled manuscript', wordCount };
}

/** The library's title and word count from a book document: the sections' counts as it holds them. */
export function summarizeBook(book: Y.Doc): DocumentSummary {
  return { title: readTitle(book) || 'Untitled manuscript', wordCount: bookWordCount(book, listSections(book).map((section) => section.id)) };
}

/** The summary kept beside a manuscript, from whichever of its documents holds the title; undefined for a section's. */
export function summarizeDocument(docName: string, doc: Y.Doc): DocumentSummary | undefined {
  if (docName === MAIN_DOCUMENT) return summarizeManuscript(doc);
  if (docName === BOOK_DOCUMENT) return summarizeBook(doc);
  return undefined;
}
