'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { SectionEditor } from '../editor/SectionEditor';
import { IdentityPicker } from '../identity/IdentityPicker';
import { useWriterIdentity } from '../identity/useWriterIdentity';
import { Binder } from './Binder';
import { ConnectionStatus } from './ConnectionStatus';
import { ManuscriptTitle } from './ManuscriptTitle';
import { PresenceList } from './PresenceList';
import { formatCount } from './formatCount';
import { syncServerUrl, useConnectionState, useManuscriptConnection } from './useManuscriptConnection';
import { useSectionList } from './useSectionList';

interface ManuscriptWorkspaceProps {
  manuscriptId: string;
  syncPort: number;
  syncUrl?: string;
}

/**
 * The writing room for one manuscript: title, status, who is here, the binder, and the editor of
 * the selected section.
 */
export function ManuscriptWorkspace({ manuscriptId, syncPort, syncUrl }: ManuscriptWorkspaceProps) {
  const url = useMemo(() => (typeof window === 'undefined' ? '' : syncServerUrl(syncPort, syncUrl)), [syncPort, syncUrl]);
  const connection = useManuscriptConnection(manuscriptId, url);
  const state = useConnectionState(connection);
  const { sections, totalWords } = useSectionList(connection?.doc ?? null);
  const [writer] = useWriterIdentity();
  const [chosenId, setChosenId] = useState<string | null>(null);

  // Open the first chapter by default, and move off a section a co-writer deleted.
  const activeId =
    chosenId && sections.some((s) => s.id === chosenId) ? chosenId : (sections.find((s) => s.kind === 'chapter') ?? sections[0])?.id ?? null;

  const active = sections.find((s) => s.id === activeId);
  const chapterLabel = active?.kind === 'chapter' ? `Chapter ${active.chapterNumber}` : undefined;

  useEffect(() => {
    if (!connection || !writer) return;
    connection.provider.awareness.setLocalStateField('user', { name: writer.name, color: writer.color });
  }, [connection, writer]);
  useEffect(() => {
    if (connection) connection.provider.awareness.setLocalStateField('section', activeId);
  }, [connection, activeId]);

  return (
    <div className="workspace">
      <header className="workspace-header">
        <Link href="/" className="workspace-home" aria-label="Library">
          Quire
        </Link>
        {connection && <ManuscriptTitle doc={connection.doc} />}
        <span className="word-total" data-testid="word-total">
          {formatCount(totalWords)} words
        </span>
        <ConnectionStatus state={state} />
        {connection && <PresenceList provider={connection.provider} sections={sections} />}
        <IdentityPicker />
      </header>
      <div className="workspace-body">
        {connection && <Binder doc={connection.doc} sections={sections} activeId={activeId} onSelect={setChosenId} />}
        <main className="workspace-editor">
          {connection && writer && activeId ? (
            <SectionEditor
              key={`${activeId}:${writer.name}:${writer.color}`}
              doc={connection.doc}
              provider={connection.provider}
              sectionId={activeId}
              writer={writer}
              chapterLabel={chapterLabel}
            />
          ) : (
            <div className="manuscript-page is-loading">{state.loaded ? 'This manuscript has no sections.' : 'Opening…'}</div>
          )}
        </main>
      </div>
    </div>
  );
}
