'use client';

import { useState } from 'react';
import { ImportForm } from './ImportForm';
import type { SectionListItem } from '../workspace/useSectionList';
import { SidePanel } from '../workspace/SidePanel';

/** The workspace's side panel for appending chapters from a file to the open book (owners and editors). */
export function ImportPanel({ manuscriptId, sections, onClose }: { manuscriptId: string; sections: SectionListItem[]; onClose: () => void }) {
  const after = { chapters: sections.filter((s) => s.kind === 'chapter').length, parts: sections.filter((s) => s.kind === 'part').length };
  const [done, setDone] = useState<number | null>(null);
  return (
    <SidePanel title="Import" name="import" closeLabel="import" onClose={onClose}>
      <ImportForm manuscriptId={manuscriptId} onImported={setDone} after={after} />
      {done !== null && (
        <p role="status" data-testid="import-done">
          Added {done} section{done === 1 ? '' : 's'} to the book. The state before is in the history.
        </p>
      )}
    </SidePanel>
  );
}
