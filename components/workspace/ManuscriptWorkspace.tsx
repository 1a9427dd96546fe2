'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { SectionEditor } from '../editor/SectionEditor';
import { IdentityPicker } from '../identity/IdentityPicker';
import { useWriterColor } from '../identity/useWriterColor';
import { SharePanel } from '../sharing/SharePanel';
import { HistoryPanel, type RevisionJson } from '../revisions/HistoryPanel';
import { CompareView } from '../revisions/CompareView';
import { ExportPanel } from '../export/ExportPanel';
import { ImportPanel } from '../import/ImportPanel';
import { canManageMembers, canWrite, type Role } from '@model/access/roles';
import { Binder } from './Binder';
import { ConnectionStatus } from './ConnectionStatus';
import { ManuscriptTitle } from './ManuscriptTitle';
import { PresenceList } from './PresenceList';
import { RoleBadge } from './RoleBadge';
import { formatCount } from './formatCount';
import { syncServerUrl, useConnectionState, useManuscriptConnection, type ManuscriptConnection } from './useManuscriptConnection';
import { useSectionList } from './useSectionList';
import { useSyncAccess } from './useSyncAccess';

interface ManuscriptWorkspaceProps {
  manuscriptId: string;
  syncPort: number;
  syncUrl?: string;
  /** The signed-in writer. */
  user: { id: string; name: string };
  /** Their role when the page was served, and a sync token for the room. */
  initialRole: Role;
  syncToken: string;
}

/**
 * The writing room for one manuscript: title, status, who is here, the binder, and the editor of
 * the selected section. Readers (viewers, and commenters until comments exist) get the same room
 * read-only.
 */
export function ManuscriptWorkspace({ manuscriptId, syncPort, syncUrl, user, initialRole, syncToken }: ManuscriptWorkspaceProps) {
  const url = useMemo(() => (typeof window === 'undefined' ? '' : syncServerUrl(syncPort, syncUrl)), [syncPort, syncUrl]);
  const connection = useManuscriptConnection(manuscriptId, url, syncToken);
  const { role, ended, refusedChange } = useSyncAccess(connection, manuscriptId, initialRole);
  const state = useConnectionState(connection);
  const { sections, totalWords } = useSectionList(connection?.doc ?? null);
  const [color, setColor] = useWriterColor();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [panel, setPanel] = useState<'share' | 'history' | 'export' | 'import' | null>(null);
  const [comparing, setComparing] = useState<{ from: RevisionJson; to: RevisionJson | 'now' } | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const toggle = (which: 'share' | 'history' | 'export' | 'import') => setPanel((open) => (open === which ? null : which));
  const writable = canWrite(role) && !ended;
  const writer = useMemo(() => (color ? { name: user.name, color } : null), [user.name, color]);

  // Open the first chapter by default, and move off a section a co-writer deleted.
  const activeId =
    chosenId && sections.some((s) => s.id === chosenId) ? chosenId : (sections.find((s) => s.kind === 'chapter') ?? sections[0])?.id ?? null;
  const active = sections.find((s) => s.id === activeId);
  const chapterLabel = active?.kind === 'chapter' || active?.kind === 'part' ? active.numberLabel : undefined;

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
        {connection && <ManuscriptTitle doc={connection.doc} readOnly={!writable} />}
        <RoleBadge role={role} />
        <span className="word-total" data-testid="word-total">
          {formatCount(totalWords)} words
        </span>
        <ConnectionStatus state={state} />
        {connection && <PresenceList provider={connection.provider} sections={sections} />}
        <button type="button" className="share-button" onClick={() => toggle('history')}>
          History
        </button>
        <button type="button" className="share-button" onClick={() => toggle('export')}>
          Export
        </button>
        {writable && (
          <button type="button" className="share-button" onClick={() => toggle('import')}>
            Import
          </button>
        )}
        {canManageMembers(role) && (
          <button type="button" className="share-button" onClick={() => toggle('share')}>
            Share
          </button>
        )}
        <IdentityPicker name={user.name} color={color} onColor={setColor} />
      </header>
      {ended && (
        <p className="workspace-ended" role="alert" data-testid="access-ended">
          {ended}{' '}
          {refusedChange && connection && (
            <button type="button" onClick={() => void discardUnsaved(connection)}>
              Discard this browser’s unsaved changes
            </button>
          )}{' '}
          <Link href="/">Back to your library</Link>
        </p>
      )}
      <div className="workspace-body">
        {connection && <Binder doc={connection.doc} manuscriptId={manuscriptId} sections={sections} activeId={activeId} onSelect={setChosenId} readOnly={!writable} />}
        <main className="workspace-editor">
          {comparing ? (
            <CompareView
              manuscriptId={manuscriptId}
              from={comparing.from}
              to={comparing.to}
              canWrite={writable}
              onClose={() => setComparing(null)}
              onRestored={() => setHistoryVersion((v) => v + 1)}
            />
          ) : connection && writer && activeId ? (
            <SectionEditor
              key={`${activeId}:${writer.color}:${writable}`}
              doc={connection.doc}
              provider={connection.provider}
              sectionId={activeId}
              writer={writer}
              chapterLabel={chapterLabel}
              editable={writable}
            />
          ) : (
            <div className="manuscript-page is-loading">{state.loaded ? 'This manuscript has no sections.' : 'Opening…'}</div>
          )}
        </main>
        {panel === 'share' && <SharePanel manuscriptId={manuscriptId} selfId={user.id} onClose={() => setPanel(null)} />}
        {panel === 'export' && <ExportPanel manuscriptId={manuscriptId} sections={sections} onClose={() => setPanel(null)} />}
        {panel === 'import' && writable && <ImportPanel manuscriptId={manuscriptId} sections={sections} onClose={() => setPanel(null)} />}
        {panel === 'history' && (
          <HistoryPanel
            manuscriptId={manuscriptId}
            sections={sections}
            canWrite={writable}
            refreshKey={historyVersion}
            onCompare={(from, to) => setComparing({ from, to })}
            onClose={() => setPanel(null)}
          />
        )}
      </div>
    </div>
  );
}

/**
 * Forgets this browser's copy of the manuscript, refused change included, and reloads from the
 * server. The way out once the server has refused a change: otherwise every reload resends it.
 */
async function discardUnsaved(connection: ManuscriptConnection): Promise<void> {
  connection.provider.disconnect();
  await connection.local.clearData();
  window.location.reload();
}
