// The modules mutation testing changes, one list per area: the Stryker configurations mutate them
// and the coverage report groups them (scripts/coverage/coverageAreas.ts), so the two never drift.

/** Import structure detection: text, Markdown and Word blocks into a manuscript. */
export const IMPORT_MODULES = [
  'server/import/classifyLine.ts',
  'server/import/plainTextLines.ts',
  'server/import/plainTextBlocks.ts',
  'server/import/markdownBlocks.ts',
  'server/import/importBlock.ts',
  'server/import/looksLikeMarkdown.ts',
  'server/import/looksLikeSceneHeading.ts',
  'server/import/buildManuscript.ts',
  'server/import/keepTitleAsHeading.ts',
];

/**
 * History: diffs, summaries, retention, snapshots, and the section numbering their labels come
 * from. `:from-to` limits a file to those lines.
 */
export const HISTORY_MODULES = [
  'model/manuscript/sectionNumbering.ts',
  'server/revisions/sectionBlocks.ts',
  'server/revisions/diffManuscripts.ts',
  'server/revisions/retention.ts',
  'server/revisions/summarizeChanges.ts',
  // Only its pure half: the rest reads the database.
  'server/revisions/revisionSnapshots.ts:1-27',
];

/** Export escaping. */
export const EXPORT_MODULES = ['server/export/escapeHtml.ts', 'server/export/inlinesToHtml.ts', 'server/export/epubEscape.ts'];
