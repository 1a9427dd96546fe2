'use client';

import { EXPORT_FORMATS, type ExportFormat } from '../../server/export/exportFormats';
import { exportUrl } from './exportUrl';

interface SectionExportMenuProps {
  manuscriptId: string;
  sectionId: string;
  label: string;
}

/** A chapter's (or part's) own export menu in the binder: one download link per format. */
export function SectionExportMenu({ manuscriptId, sectionId, label }: SectionExportMenuProps) {
  return (
    <details className="export-menu">
      <summary aria-label={`Export ${label}`} title={`Export ${label}`}>
        ⤓
      </summary>
      <ul role="menu" aria-label={`Export ${label} as`}>
        {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((format) => (
          <li key={format} role="none">
            <a role="menuitem" href={exportUrl(manuscriptId, format, { sectionIds: [sectionId] })} download>
              {EXPORT_FORMATS[format].label}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
