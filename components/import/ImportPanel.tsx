'use client';

import { useState } from 'react';
import { ImportForm } from './ImportForm';

/** The workspace's side panel for appending chapters from a file to the open book (owners and editors). */
export function ImportPanel({ manuscriptId, onClose }: { manuscriptId: string; onClose: () => void }) {
  const [done, setDone] = useState<number | null>(null);
  return (
    <aside className="side-panel import-panel" aria-label="Import" data-testid="import-panel">
      <header>
        <h2>Import</h2>
        <button type="button" className="link-button" onClick={onClose} aria-label="Close import">
          Close
        </button>
      </header>
      <ImportForm manuscriptId={manuscriptId} onImported={setDone} />
      {done !== null && (
        <p role="status" data-testid="import-done">
          Added {done} section{done === 1 ? '' : 's'} to the book. The state before is in the history.
        </p>
      )}
    </aside>
  );
}
