import Document from '@tiptap/extension-document';
import { BLOCK_SUGGESTION_MARKS } from './Suggestion';

/**
 * The top node of every section's editor: it holds exactly one section node (a dedication,
 * the epigraphs, or a chapter). Each section lives in its own Yjs fragment, so the editor only
 * ever mounts one section at a time.
 */
export const ManuscriptDocument = Document.extend({
  content: 'section',
  // Suggesting marks a whole block it adds or removes; the editor then moves the mark onto its text.
  marks: BLOCK_SUGGESTION_MARKS,
});
