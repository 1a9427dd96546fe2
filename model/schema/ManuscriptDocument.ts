import Document from '@tiptap/extension-document';

/**
 * The top node of every section's editor: it holds exactly one section node (a dedication,
 * the epigraphs, or a chapter). Each section lives in its own Yjs fragment, so the editor only
 * ever mounts one section at a time.
 */
export const ManuscriptDocument = Document.extend({
  content: 'section',
});
