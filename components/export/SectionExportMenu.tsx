'use client';

import { useState, type MouseEvent } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '@model/export/exportFormats';
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
  // The binder scrolls, which would clip a menu hanging out of it: the open menu is placed on the page.
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const download = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    setError(null);
    downloadExport(event.currentTarget.href).catch((failure: Error) => setError(failure.message));
  };
  return (
    <details
      className="export-menu"
      onToggle={(event) => {
        const details = event.currentTarget;
        const rect = details.querySelector('summary')!.getBoundingClientRect();
        setPlace(details.open ? { top: rect.bottom + 4, left: rect.left } : null);
      }}
    >
      <summary aria-label={`Export ${label}`} title={`Export ${label}`}>
        ⤓
      </summary>
      <ul role="menu" aria-label={`Export ${label} as`} style={place ? { position: 'fixed', top: place.top, left: place.left, right: 'auto' } : undefined}>
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
