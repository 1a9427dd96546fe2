import type * as Y from 'yjs';
import { countWords } from '@model/manuscript/countWords';
import { fragmentText } from '@model/manuscript/fragmentText';
import { listSections, readTitle, sectionFragment } from '@model/manuscript/manuscriptLayout';
import type { DocumentSummary } from '../persistence/DocumentStore';

/** The title and total word count stored beside a manuscript's document for the library page. */
export function summarizeManuscript(doc: Y.Doc): DocumentSummary {
  let wordCount = 0;
  for (const section of listSections(doc)) wordCount += countWords(fragmentText(sectionFragment(doc, section.id)));
  return { title: readTitle(doc) || 'Untitled manuscript', wordCount };
}
