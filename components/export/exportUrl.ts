import type { ExportFormat } from '@model/export/exportFormats';

/** The download address of an export: the whole book, or the given sections. */
export function exportUrl(manuscriptId: string, format: ExportFormat, options: { sectionIds?: string[]; font?: 'times' | 'courier' } = {}): string {
  const query = new URLSearchParams({ format });
  if (options.sectionIds) query.set('sections', options.sectionIds.join(','));
  if (options.font && format === 'smf') query.set('font', options.font);
  return `/api/manuscripts/${encodeURIComponent(manuscriptId)}/export?${query}`;
}
