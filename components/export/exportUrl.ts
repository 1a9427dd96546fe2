import type { ExportFormat } from '@model/export/exportFormats';

/** The formats that can show pending suggestions (the others always carry the accepted text). */
export const SUGGESTION_FORMATS: readonly ExportFormat[] = ['html', 'docx'];

/** The formats set for print, whose straight quotes become typographic unless kept. */
export const TYPOGRAPHIC_FORMATS: readonly ExportFormat[] = ['pdf', 'docx'];

/** The download address of an export: the whole book, or the given sections. */
export function exportUrl(manuscriptId: string, format: ExportFormat, options: { sectionIds?: string[]; font?: 'times' | 'courier'; showSuggestions?: boolean; straightQuotes?: boolean } = {}): string {
  const query = new URLSearchParams({ format });
  if (options.sectionIds) query.set('sections', options.sectionIds.join(','));
  if (options.font && format === 'smf') query.set('font', options.font);
  if (options.showSuggestions && SUGGESTION_FORMATS.includes(format)) query.set('suggestions', 'shown');
  if (options.straightQuotes && TYPOGRAPHIC_FORMATS.includes(format)) query.set('quotes', 'straight');
  return `/api/manuscripts/${encodeURIComponent(manuscriptId)}/export?${query}`;
}
