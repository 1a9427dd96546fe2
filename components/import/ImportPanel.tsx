'use client';

import { useState } from 'react';
import { ImportForm } from './ImportForm';
import { SidePanel } from '../workspace/SidePanel';

/** The workspace's side panel for appending chapters from a file to the open book (owners and editors). */
export function ImportPanel({ manuscriptId, onClose }: { manuscriptId: string; onClose: () => void }) {
  const [done, setDone] = useState<number | null>(null);
  return (
    <SidePanel title="Import" name="import" closeLabel="import" onClose={onClose}>
      <ImportForm manuscriptId={manuscriptId} onImported={setDone} />
      {done !== null && (
        <p role="status" data-testid="import-done">
          Added {done} section{done === 1 ? '' : 's'} to the book. The state before is in the history.
        </p>
      )}
    </SidePanel>
  );
}
