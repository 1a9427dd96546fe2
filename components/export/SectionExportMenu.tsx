'use client';

import { useState, type MouseEvent } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../server/export/exportFormats';
import { downloadExport } from './downloadExport';
import { exportUrl } from './exportUrl';

interface SectionExportMenuProps {
  manuscriptId: string;
  sectionId: string;
  label: string;
}

/** A chapter's (or part's) own export menu in the binder: one download link per format. */
export function SectionExportMenu({ manuscriptId, sectionId, label }: SectionExportMenuProps) {
  const [error, setError] = useState<string | null>(null);
  const download = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    setError(null);
    downloadExport(event.currentTarget.href).catch((failure: Error) => setError(failure.message));
  };
  return (
    <details className="export-menu">
      <summary aria-label={`Export ${label}`} title={`Export ${label}`}>
        ⤓
      </summary>
      <ul role="menu" aria-label={`Export ${label} as`}>
        {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((format) => (
          <li key={format} role="none">
            <a role="menuitem" href={exportUrl(manuscriptId, format, { sectionIds: [sectionId] })} download onClick={download}>
              {EXPORT_FORMATS[format].label}
            </a>
          </li>
        ))}
        {error && (
          <li role="alert" className="form-error export-error">
            {error}
          </li>
        )}
      </ul>
    </details>
  );
}
