/** What each export format is called, its file extension and content type. */
export const EXPORT_FORMATS = {
  pdf: { label: 'PDF (print-ready)', extension: 'pdf', contentType: 'application/pdf' },
  docx: { label: 'Word (.docx)', extension: 'docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  smf: {
    label: 'Standard Manuscript Format (.docx)',
    extension: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  epub: { label: 'EPUB (e-book)', extension: 'epub', contentType: 'application/epub+zip' },
  html: { label: 'Web page (.html)', extension: 'html', contentType: 'text/html; charset=utf-8' },
  markdown: { label: 'Markdown (.md)', extension: 'md', contentType: 'text/markdown; charset=utf-8' },
} as const;

/** One of the keys of {@link EXPORT_FORMATS}. */
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** Whether a string names an export format. */
export function isExportFormat(value: string | null): value is ExportFormat {
  return value !== null && Object.hasOwn(EXPORT_FORMATS, value);
}
