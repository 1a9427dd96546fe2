'use client';

import { useEffect, useMemo, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { canWrite, type Role } from '@model/access/roles';
import type { ThreadListing } from '@model/api/threadListing';
import { commentAnchors, type CommentAnchor } from '@model/manuscript/commentAnchors';
import { SidePanel } from '../workspace/SidePanel';
import type { SectionListItem } from '../workspace/useSectionList';
import { apiCall } from '../http/apiCall';
import { ThreadCard } from './ThreadCard';
import { NotificationList } from './NotificationList';
import type { Threads } from './useThreads';

/** A thread being started: its passage is marked already, its first comment not yet sent. */
export interface ThreadDraft {
  id: string;
  sectionId: string;
  quote: string;
}

type Filter = 'open' | 'resolved' | 'mine';

interface CommentsPanelProps {
  manuscriptId: string;
  userId: string;
  role: Role;
  sections: SectionListItem[];
  /** The section on screen, and its editor (null while it opens). */
  activeId: string | null;
  editor: Editor | null;
  threads: Threads;
  draft: ThreadDraft | null;
  /** The draft was sent (true) or given up (false; its mark comes off). */
  onDraftDone: (sent: boolean) => void;
  /** Marks the editor's selection for a new thread. */
  onStart: () => void;
  /** The thread chosen in the list, whose passage is selected and highlighted. */
  activeThread: string | null;
  onChoose: (thread: ThreadListing) => void;
  onDeleted: (threadId: string) => void;
  onClose: () => void;
}

/** The open section's comment anchors, read again as its text changes. */
function useAnchors(editor: Editor | null): CommentAnchor[] {
  const [anchors, setAnchors] = useState<CommentAnchor[]>([]);
  useEffect(() => {
    if (!editor) return;
    const read = () => setAnchors(commentAnchors(editor.state.doc));
    read();
    editor.on('update', read);
    return () => {
      editor.off('update', read);
    };
  }, [editor]);
  return editor ? anchors : [];
}

/**
 * The comment list beside the text: the threads of the section on screen in reading order (then
 * any whose text was deleted, shown as detached with their quote), then the rest of the book's by
 * section, each section folded until opened. Filters: open, resolved, mine. Starting a thread happens here too, once its passage
 * has been marked.
 */
export function CommentsPanel(props: CommentsPanelProps) {
  const { manuscriptId, userId, role, sections, activeId, editor, threads, draft, activeThread } = props;
  const [filter, setFilter] = useState<Filter>('open');
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Other sections' threads are listed by section, folded: a long book's hundreds of threads are
  // not drawn until asked for, so the list opens at once on the section being read.
  const [unfolded, setUnfolded] = useState<ReadonlySet<string>>(() => new Set());
  const anchors = useAnchors(editor);
  const canComment = role !== 'viewer';

  // A thread whose mark arrives before the list knows it (a co-writer's, a moment old): read again.
  const known = useMemo(() => new Set(threads.threads.map((t) => t.id)), [threads.threads]);
  const [askedFor] = useState(() => new Set<string>());
  useEffect(() => {
    const unknown = anchors.filter((a) => !known.has(a.threadId) && a.threadId !== draft?.id && !askedFor.has(a.threadId));
    if (unknown.length === 0 || !threads.loaded) return;
    for (const anchor of unknown) askedFor.add(anchor.threadId);
    void threads.refresh();
  }, [anchors, known, draft, threads, askedFor]);

  const shown = threads.threads.filter((thread) =>
    filter === 'open' ? thread.resolvedAt === null : filter === 'resolved' ? thread.resolvedAt !== null : thread.createdBy?.id === userId || thread.comments.some((c) => c.author?.id === userId),
  );
  const order = new Map(anchors.map((anchor, index) => [anchor.threadId, index]));
  const here = shown.filter((t) => t.sectionId === activeId);
  const attachedHere = here.filter((t) => order.has(t.id)).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  // Only judged once the section's editor is here to look in.
  const detachedHere = editor ? here.filter((t) => !order.has(t.id)) : [];
  const elsewhere = sections
    .filter((section) => section.id !== activeId)
    .map((section) => ({ section, threads: shown.filter((t) => t.sectionId === section.id) }))
    .filter((group) => group.threads.length > 0);
  const sectionIds = new Set(sections.map((s) => s.id));
  const inDeletedSections = shown.filter((t) => !sectionIds.has(t.sectionId));

  const send = async () => {
    if (!draft) return;
    setSending(true);
    setError(null);
    try {
      await apiCall(`/api/manuscripts/${manuscriptId}/threads`, { method: 'POST', json: { ...draft, body } });
      setBody('');
      await threads.refresh();
      props.onDraftDone(true);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSending(false);
    }
  };

  const card = (thread: ThreadListing, attached: boolean | null) => (
    <ThreadCard
      key={thread.id}
      manuscriptId={manuscriptId}
      thread={thread}
      userId={userId}
      canComment={canComment}
      canResolve={canWrite(role) || (canComment && thread.createdBy?.id === userId)}
      attached={attached}
      active={thread.id === activeThread}
      onChoose={() => props.onChoose(thread)}
      onChanged={threads.refresh}
      onDeleted={props.onDeleted}
    />
  );

  return (
    <SidePanel title="Comments" name="comments" closeLabel="comments" onClose={props.onClose}>
      {draft && (
        <form
          className="comment-form thread-draft"
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          <q>{draft.quote}</q>
          <textarea
            aria-label="Your comment"
            placeholder="Comment…"
            autoFocus
            value={body}
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void send();
              }
            }}
          />
          <button type="submit" disabled={sending || !body.trim()}>
            Comment
          </button>{' '}
          <button type="button" className="link-button" onClick={() => props.onDraftDone(false)}>
            Cancel
          </button>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
      {!draft && canComment && (
        <p className="panel-hint">
          <button type="button" className="share-button" onClick={props.onStart} onMouseDown={(event) => event.preventDefault()} disabled={!editor}>
            Comment on the selection
          </button>{' '}
          Select text in the section first (or press Ctrl+Alt+M there).
        </p>
      )}
      <NotificationList
        manuscriptId={manuscriptId}
        unread={threads.unread}
        onSeen={threads.refresh}
        onOpen={(threadId) => {
          const chosen = threads.threads.find((t) => t.id === threadId);
          if (!chosen) return;
          if (chosen.resolvedAt !== null && filter === 'open') setFilter('resolved');
          props.onChoose(chosen);
        }}
      />
      <div className="thread-filter" role="group" aria-label="Show">
        {(['open', 'resolved', 'mine'] as const).map((value) => (
          <button key={value} type="button" aria-pressed={filter === value} onClick={() => setFilter(value)}>
            {value === 'open' ? 'Open' : value === 'resolved' ? 'Resolved' : 'Mine'}
          </button>
        ))}
      </div>
      {threads.error && (
        <p className="form-error" role="alert">
          {threads.error}
        </p>
      )}
      {!threads.loaded && !threads.error && <p className="panel-hint">Reading the comments…</p>}
      {threads.loaded && shown.length === 0 && <p className="panel-hint">No {filter === 'mine' ? 'threads of yours' : `${filter} threads`}.</p>}
      {attachedHere.length + detachedHere.length > 0 && (
        <ol className="thread-list" aria-label="In this section" data-testid="threads-here">
          {attachedHere.map((thread) => card(thread, true))}
          {detachedHere.map((thread) => card(thread, false))}
        </ol>
      )}
      {elsewhere.map(({ section, threads: inSection }) => {
        const open = unfolded.has(section.id) || inSection.some((thread) => thread.id === activeThread);
        return (
          <section key={section.id} className="thread-group">
            <h3>
              <button
                type="button"
                className="thread-group-toggle"
                aria-expanded={open}
                onClick={() =>
                  setUnfolded((current) => {
                    const next = new Set(current);
                    if (next.has(section.id)) next.delete(section.id);
                    else next.add(section.id);
                    return next;
                  })
                }
              >
                {section.label} · {inSection.length === 1 ? '1 thread' : `${inSection.length} threads`}
              </button>
            </h3>
            {open && <ol className="thread-list">{inSection.map((thread) => card(thread, null))}</ol>}
          </section>
        );
      })}
      {inDeletedSections.length > 0 && (
        <section className="thread-group">
          <h3>In sections since deleted</h3>
          <ol className="thread-list">{inDeletedSections.map((thread) => card(thread, false))}</ol>
        </section>
      )}
    </SidePanel>
  );
}
