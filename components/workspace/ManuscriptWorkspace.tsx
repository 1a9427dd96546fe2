'use client';

import Link from 'next/link';
import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import type { Editor } from '@tiptap/react';
import { listSections } from '@model/manuscript/manuscriptLayout';
import type { JSONContent } from '@tiptap/core';
import { SectionEditor } from '../editor/SectionEditor';
import { StaticSection } from '../editor/StaticSection';
import { IdentityPicker } from '../identity/IdentityPicker';
import { useWriterColor } from '../identity/useWriterColor';
import type { RevisionJson } from '../revisions/HistoryPanel';
import { canManageMembers, canWrite, type Role } from '@model/access/roles';
import { Binder } from './Binder';
import { ConnectionStatus } from './ConnectionStatus';
import { ManuscriptTitle } from './ManuscriptTitle';
import { BookLanguage, useBookLanguage } from './BookLanguage';
import { PresenceList } from './PresenceList';
import { RoleBadge } from './RoleBadge';
import { formatCount } from './formatCount';
import { syncServerUrl, useConnectionState, useManuscriptConnection, type ManuscriptConnection } from './useManuscriptConnection';
import { useSectionList } from './useSectionList';
import { useSyncAccess } from './useSyncAccess';
import { useOpenSection } from './useOpenSection';
import { OfflineCount } from './OfflineCount';
import { WorkspaceMenu } from './WorkspaceMenu';
import { useOnDemandComponent } from './useOnDemandComponent';
import { fromBase64 } from './servedState';
import { useComments } from '../comments/useComments';
import { MEASURES, savedMeasure, type Measure } from './focusMeasure';
import { COMMENT_ONLY_REASON } from '@model/protocol/readOnlyReason';
import { useWritingSession } from '../progress/useWritingSession';
import { SessionChip } from '../progress/SessionChip';


// The panels load when first opened: the writing room's first load carries the editor only.
const SharePanel = dynamic(() => import('../sharing/SharePanel').then((m) => m.SharePanel), { ssr: false });
const HistoryPanel = dynamic(() => import('../revisions/HistoryPanel').then((m) => m.HistoryPanel), { ssr: false });
const CompareView = dynamic(() => import('../revisions/CompareView').then((m) => m.CompareView), { ssr: false });
const ExportPanel = dynamic(() => import('../export/ExportPanel').then((m) => m.ExportPanel), { ssr: false });
const ImportPanel = dynamic(() => import('../import/ImportPanel').then((m) => m.ImportPanel), { ssr: false });
const ShortcutsSheet = dynamic(() => import('./ShortcutsSheet').then((m) => m.ShortcutsSheet), { ssr: false });
const FocusBar = dynamic(() => import('./FocusBar').then((m) => m.FocusBar), { ssr: false });
const FindPanel = dynamic(() => import('../find/FindPanel').then((m) => m.FindPanel), { ssr: false });
const ProgressPanel = dynamic(() => import('../progress/ProgressPanel').then((m) => m.ProgressPanel), { ssr: false });
// The comment list's code is fetched when the browser is idle and drawn without suspending (see
// useOnDemandComponent): it is opened often, and its first open should be as quick as the next.
const loadCommentsPanel = () => import('../comments/CommentsPanel').then((m) => m.CommentsPanel);

/** The panels beside the editor; one is open at a time. */
type PanelName = 'share' | 'history' | 'export' | 'import' | 'comments' | 'find' | 'progress';

interface ManuscriptWorkspaceProps {
  manuscriptId: string;
  syncPort: number;
  syncUrl?: string;
  /** The signed-in writer. */
  user: { id: string; name: string; color: string };
  /** Their role when the page was served, and a sync token for the room. */
  initialRole: Role;
  syncToken: string;
  /**
   * The book's state and the first section's, as stored when the page was served (update V2,
   * base64), so the binder and the text show before any socket answers.
   */
  served?: { book: string; section?: { id: string; state: string; content: JSONContent } };
}

/**
 * The writing room for one manuscript: title, status, who is here, the binder, and the editor of
 * the selected section. Readers (viewers, and commenters until comments exist) get the same room
 * read-only.
 */
export function ManuscriptWorkspace({ manuscriptId, syncPort, syncUrl, user, initialRole, syncToken, served }: ManuscriptWorkspaceProps) {
  const url = useMemo(() => (typeof window === 'undefined' ? '' : syncServerUrl(syncPort, syncUrl)), [syncPort, syncUrl]);
  const servedBook = useMemo(() => (served ? fromBase64(served.book) : undefined), [served]);
  const servedSection = useMemo(() => (served?.section ? { sectionId: served.section.id, state: fromBase64(served.section.state) } : undefined), [served]);
  const connection = useManuscriptConnection(manuscriptId, url, syncToken, servedBook);
  const language = useBookLanguage(connection?.book);
  const { role, ended, refusedChange, refusal } = useSyncAccess(connection, manuscriptId, initialRole);
  const state = useConnectionState(connection);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [openDoc, setOpenDoc] = useState<{ id: string; doc: import('yjs').Doc } | null>(null);
  const { sections, totalWords } = useSectionList(connection?.book ?? null, openDoc);
  const [color, setColor] = useWriterColor(user.color);
  const [panel, setPanel] = useState<PanelName | null>(null);
  const { Component: CommentsPanel, load: loadComments } = useOnDemandComponent(loadCommentsPanel);
  const [comparing, setComparing] = useState<{ from: RevisionJson; to: RevisionJson | 'now' } | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const toggle = (which: PanelName) => setPanel((open) => (open === which ? null : which));
  // Ctrl/Cmd+Shift+F opens the find panel, or puts the focus back in its search box.
  const [findFocus, setFindFocus] = useState(0);
  // Focus mode: the editor alone (Ctrl/Cmd+Shift+Enter, or Focus in the header; Esc leaves).
  const [focus, setFocus] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  // On a narrow screen the binder is a drawer, opened from the header and closed by a choice.
  const [binderOpen, setBinderOpen] = useState(false);
  const [measure, setMeasure] = useState<Measure>('medium');
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey;
      if (mod && event.code === 'KeyF') {
        event.preventDefault();
        setFocus(false);
        setPanel('find');
        setFindFocus((n) => n + 1);
      } else if (mod && event.code === 'Enter') {
        event.preventDefault();
        setFocus((on) => !on);
      } else if (event.key === 'Escape') {
        setFocus(false);
      } else if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingIn(event.target)) {
        event.preventDefault();
        setShortcuts(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const writable = canWrite(role) && !ended;
  const commentOnly = role === 'commenter' && !ended;
  const writer = useMemo(() => (color ? { name: user.name, color } : null), [user.name, color]);

  // Open the first chapter by default, and move off a section a co-writer deleted.
  const activeId =
    chosenId && sections.some((s) => s.id === chosenId) ? chosenId : (sections.find((s) => s.kind === 'chapter') ?? sections[0])?.id ?? null;
  const active = sections.find((s) => s.id === activeId);
  const chapterLabel = active?.kind === 'chapter' || active?.kind === 'part' ? active.numberLabel : undefined;
  const open = useOpenSection(connection, activeId, active?.kind ?? null, servedSection);
  const comments = useComments(manuscriptId, activeId, open.ready, setChosenId);
  // The open section's editor, with the section it edits, for the find panel to select matches in.
  const openSectionId = open.section?.id ?? null;
  const [sectionEditor, setSectionEditor] = useState<{ editor: Editor; sectionId: string } | null>(null);
  const { setEditor: setCommentsEditor } = comments;
  const onEditor = useCallback(
    (editor: Editor | null) => {
      setCommentsEditor(editor);
      setSectionEditor(editor && openSectionId ? { editor, sectionId: openSectionId } : null);
    },
    [setCommentsEditor, openSectionId],
  );
  // The writer's own session toward their personal target: whatever they type, text or suggestions.
  const session = useWritingSession(manuscriptId, writable || commentOnly ? sectionEditor : null);
  const startComment = () => {
    setPanel('comments');
    comments.start();
  };
  // The served text shows (from the server's first render on) until the editor takes its place.
  const servedText = served?.section && (activeId === null || activeId === served.section.id) ? <StaticSection content={served.section.content} sectionId={served.section.id} editable={writable} /> : null;
  const sectionIds = sections.map((s) => s.id).join(' ');
  // The open section's editor (a new one for another section, caret colour or role), and the one
  // that has shown itself so far.
  const editorKey = writer && open.section && open.ready ? `${open.section.id}:${writer.color}:${writable}:${commentOnly}` : null;
  const [shownEditor, setShownEditor] = useState<string | null>(null);

  useEffect(() => {
    // The measure this browser chose last time, read once mounted (the server has no say in it).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setMeasure(savedMeasure());
  }, []);
  useEffect(() => {
    // The count of the open section follows its own document as the writer types.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setOpenDoc(open.section ? { id: open.section.id, doc: open.section.doc } : null);
  }, [open.section]);
  useEffect(() => {
    // Who is where is told in the book's room; the carets in the open section's.
    if (!connection || !writer) return;
    for (const provider of [connection.provider, open.section?.provider]) provider?.awareness.setLocalStateField('user', { name: writer.name, color: writer.color });
  }, [connection, writer, open.section]);
  useEffect(() => {
    if (connection) connection.provider.awareness.setLocalStateField('section', activeId);
  }, [connection, activeId]);
  useEffect(() => {
    // Once the chapter is editable and the browser is idle, fetch the comment list's code, so that
    // opening it the first time does not wait for a download.
    if (!open.ready) return;
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(loadComments, { timeout: 5000 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = setTimeout(loadComments, 2000);
    return () => clearTimeout(timer);
  }, [open.ready, loadComments]);
  useEffect(() => {
    if (panel === 'comments') loadComments();
  }, [panel, loadComments]);
  useEffect(() => {
    // Once the open section is here, the others follow into this browser, for offline work.
    if (!connection || !open.ready || !sectionIds) return;
    connection.sections.syncInBackground(sectionIds.split(' ').filter((id) => id !== activeId));
  }, [connection, open.ready, sectionIds, activeId]);

  return (
    <div
      className={['workspace', focus && 'is-focus', binderOpen && 'binder-open'].filter(Boolean).join(' ')}
      style={focus ? ({ '--measure': MEASURES[measure] } as CSSProperties) : undefined}
    >
      {shortcuts && <ShortcutsSheet onClose={() => setShortcuts(false)} />}
      {focus && <FocusBar open={sectionEditor} measure={measure} onMeasure={setMeasure} onLeave={() => setFocus(false)} />}
      <header className="workspace-header">
        <button type="button" className="binder-toggle share-button" aria-expanded={binderOpen} aria-controls="binder" onClick={() => setBinderOpen((o) => !o)}>
          Sections
        </button>
        <Link href="/" className="workspace-home" aria-label="Library">
          Quire
        </Link>
        {connection && <ManuscriptTitle doc={connection.book} readOnly={!writable} />}
        {connection && <BookLanguage book={connection.book} readOnly={!writable} />}
        <RoleBadge role={role} />
        <span className="word-total" data-testid="word-total">
          {formatCount(totalWords)} words
        </span>
        <SessionChip session={session} />
        <ConnectionStatus state={state} />
        {connection && <OfflineCount sections={connection.sections} sectionIds={sectionIds} />}
        {connection && <PresenceList provider={connection.provider} sections={sections} />}
        <WorkspaceMenu
          status={
            <>
              {formatCount(totalWords)} words
              <SessionChip session={session} />
              {connection && <OfflineCount sections={connection.sections} sectionIds={sectionIds} inMenu />}
            </>
          }
          actions={[
            {
              label: 'Comments',
              primary: true,
              onSelect: () => toggle('comments'),
              badge: comments.threads.unread > 0 && (
                <span className="unread-count" data-testid="unread-notifications" aria-label={`${comments.threads.unread} new`}>
                  {comments.threads.unread}
                </span>
              ),
            },
            { label: 'Find', primary: true, onSelect: () => toggle('find'), shortcut: 'Control+Shift+F' },
            { label: 'History', onSelect: () => toggle('history') },
            { label: 'Progress', onSelect: () => toggle('progress') },
            { label: 'Export', onSelect: () => toggle('export') },
            ...(writable ? [{ label: 'Import', onSelect: () => toggle('import') }] : []),
            ...(canManageMembers(role) ? [{ label: 'Share', onSelect: () => toggle('share') }] : []),
            { label: 'Focus mode', onSelect: () => setFocus(true), shortcut: 'Control+Shift+Enter' },
            { label: 'Keyboard shortcuts', onSelect: () => setShortcuts(true), shortcut: '?' },
          ]}
        />
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
      {refusal && !ended && (
        <p className="workspace-notice" role="status" data-testid="change-refused">
          {refusal === COMMENT_ONLY_REASON
            ? 'Your role in this manuscript lets you comment and suggest, not change the text directly: the server did not keep that change.'
            : 'Your role in this manuscript lets you read, not change it: the server did not keep that change.'}
        </p>
      )}
      <div className="workspace-body">
        {connection && (
          <Binder
            connection={connection}
            manuscriptId={manuscriptId}
            sections={sections}
            activeId={activeId}
            onSelect={(id) => {
              setChosenId(id);
              setBinderOpen(false);
            }}
            readOnly={!writable}
          />
        )}
        {binderOpen && <div className="binder-backdrop" aria-hidden="true" onClick={() => setBinderOpen(false)} />}
        {/* The text's language: the browser's spelling check and hyphenation follow it. */}
        <main className="workspace-editor" lang={language}>
          {comparing ? (
            <CompareView
              manuscriptId={manuscriptId}
              from={comparing.from}
              to={comparing.to}
              canWrite={writable}
              onClose={() => setComparing(null)}
              onRestored={() => setHistoryVersion((v) => v + 1)}
            />
          ) : (
            // The served text keeps its place (the last slot) until the editor has shown itself:
            // it is then still the very element the page was served with, holding whatever the
            // writer typed into it meanwhile, which the editor takes as it appears.
            <>
              {editorKey && writer && open.section && (
                <SectionEditor
                  key={editorKey}
                  sectionId={open.section.id}
                  doc={open.section.doc}
                  provider={open.section.provider}
                  writer={writer}
                  authorId={user.id}
                  manuscriptId={manuscriptId}
                  chapterLabel={chapterLabel}
                  editable={writable}
                  commentOnly={commentOnly}
                  onEditor={onEditor}
                  onCommentShortcut={role !== 'viewer' && !ended ? startComment : undefined}
                  fallback={servedText ? null : undefined}
                  onShown={() => setShownEditor(editorKey)}
                />
              )}
              {!editorKey && open.unavailable && (
                <div className="manuscript-page is-loading" data-testid="section-unavailable">
                  This section is not in this browser yet, and the server cannot be reached. It opens when the connection returns; every section you have opened before, or that finished syncing, opens now.
                </div>
              )}
              {!editorKey && !open.unavailable && !servedText && <div className="manuscript-page is-loading">{state.loaded ? 'This manuscript has no sections.' : 'Opening…'}</div>}
              {servedText && (editorKey ? shownEditor !== editorKey : !open.unavailable) && servedText}
            </>
          )}
        </main>
        {panel === 'comments' && !CommentsPanel && (
          <aside className="side-panel comments-panel" aria-label="Comments" aria-busy="true">
            <p className="panel-hint">Opening the comments…</p>
          </aside>
        )}
        {panel === 'comments' && CommentsPanel && (
          <CommentsPanel
            manuscriptId={manuscriptId}
            userId={user.id}
            role={ended ? 'viewer' : role}
            sections={sections}
            activeId={activeId}
            editor={comments.editor}
            threads={comments.threads}
            draft={comments.draft}
            onDraftDone={comments.finishDraft}
            onStart={startComment}
            activeThread={comments.activeThread}
            onChoose={comments.choose}
            onDeleted={comments.forget}
            onClose={() => setPanel(null)}
          />
        )}
        {panel === 'find' && (
          <FindPanel
            manuscriptId={manuscriptId}
            sections={sections}
            open={sectionEditor}
            canReplace={writable}
            focusRequest={findFocus}
            onOpenSection={setChosenId}
            onClose={() => setPanel(null)}
          />
        )}
        {panel === 'progress' && connection && (
          <ProgressPanel
            manuscriptId={manuscriptId}
            book={connection.book}
            sections={sections}
            totalWords={totalWords}
            canWrite={writable}
            session={writable || commentOnly ? session : null}
            onClose={() => setPanel(null)}
          />
        )}
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

/** Whether a key pressed in `target` is typing (the text, a field), not a command to the room. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Forgets this browser's copy of the manuscript, refused change included, and reloads from the
 * server. The way out once the server has refused a change: otherwise every reload resends it.
 */
async function discardUnsaved(connection: ManuscriptConnection): Promise<void> {
  connection.provider.disconnect();
  await connection.sections.clearLocal(listSections(connection.book).map((section) => section.id));
  await connection.local.clearData();
  window.location.reload();
}
