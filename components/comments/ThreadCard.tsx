'use client';

import { useState, type KeyboardEvent } from 'react';
import type { CommentListing, ThreadListing } from '@model/api/threadListing';
import { apiCall } from '../http/apiCall';

interface ThreadCardProps {
  manuscriptId: string;
  thread: ThreadListing;
  userId: string;
  /** Whether the reader may reply (everyone but viewers). */
  canComment: boolean;
  /** Whether the reader may resolve or reopen this thread. */
  canResolve: boolean;
  /** The thread's text is in the section on screen; false: it was deleted ("detached"). */
  attached: boolean | null;
  active: boolean;
  onChoose: () => void;
  /** After any change, so the list is read again. */
  onChanged: () => Promise<void>;
  /** The thread is gone (its last comment deleted): its mark comes off the text. */
  onDeleted: (threadId: string) => void;
}

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One thread in the comment list: the passage it is about, its comments, and what the reader may do. */
export function ThreadCard({ manuscriptId, thread, userId, canComment, canResolve, attached, active, onChoose, onChanged, onDeleted }: ThreadCardProps) {
  const [reply, setReply] = useState('');
  const [editing, setEditing] = useState<{ id: string; body: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resolved = thread.resolvedAt !== null;
  const base = `/api/manuscripts/${manuscriptId}`;

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await onChanged();
      return true;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const sendReply = async () => {
    if (await act(() => apiCall(`${base}/threads/${thread.id}/comments`, { method: 'POST', json: { body: reply } }))) setReply('');
  };
  const saveEdit = async () => {
    if (editing && (await act(() => apiCall(`${base}/comments/${editing.id}`, { method: 'PATCH', json: { body: editing.body } })))) setEditing(null);
  };
  const remove = (comment: CommentListing) =>
    act(async () => {
      const { threadDeleted } = await apiCall<{ threadDeleted: boolean }>(`${base}/comments/${comment.id}`, { method: 'DELETE' });
      if (threadDeleted) onDeleted(thread.id);
    });
  const sendOnModEnter = (send: () => void) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    }
  };

  return (
    <li
      className={`thread-card${active ? ' is-active' : ''}${resolved ? ' is-resolved' : ''}${attached === false ? ' is-detached' : ''}`}
      data-testid="thread"
      data-thread-id={thread.id}
    >
      <button type="button" className="thread-quote" onClick={onChoose} aria-label={`Show the passage: ${thread.quote}`}>
        {attached === false && <span className="thread-detached">Detached: the text it was on has been deleted</span>}
        <q>{thread.quote}</q>
      </button>
      {resolved && (
        <p className="thread-state">
          Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ''}, {when(thread.resolvedAt!)}
        </p>
      )}
      <ol className="thread-comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="thread-comment" data-testid="comment">
            <p className="comment-meta">
              <strong>{comment.author?.name ?? 'A former member'}</strong> <time dateTime={comment.createdAt}>{when(comment.createdAt)}</time>
              {comment.editedAt && !comment.deleted && <span className="comment-edited"> (edited)</span>}
            </p>
            {comment.deleted ? (
              <p className="comment-deleted">Comment deleted</p>
            ) : editing?.id === comment.id ? (
              <div className="comment-form">
                <textarea aria-label="Edit your comment" value={editing.body} onChange={(e) => setEditing({ id: comment.id, body: e.target.value })} onKeyDown={sendOnModEnter(() => void saveEdit())} />
                <button type="button" disabled={busy || !editing.body.trim()} onClick={() => void saveEdit()}>
                  Save
                </button>{' '}
                <button type="button" className="link-button" onClick={() => setEditing(null)}>
                  Cancel
                </button>
              </div>
            ) : (
              <p className="comment-body">{comment.body}</p>
            )}
            {comment.author?.id === userId && !comment.deleted && editing?.id !== comment.id && canComment && (
              <p className="comment-actions">
                <button type="button" className="link-button" onClick={() => setEditing({ id: comment.id, body: comment.body })}>
                  Edit
                </button>{' '}
                <button type="button" className="link-button" disabled={busy} onClick={() => void remove(comment)}>
                  Delete
                </button>
              </p>
            )}
          </li>
        ))}
      </ol>
      {canComment && (
        <div className="comment-form">
          <textarea aria-label="Reply" placeholder="Reply…" value={reply} onChange={(e) => setReply(e.target.value)} onKeyDown={sendOnModEnter(() => void sendReply())} />
          <button type="button" disabled={busy || !reply.trim()} onClick={() => void sendReply()}>
            Reply
          </button>
        </div>
      )}
      {canResolve && (
        <button
          type="button"
          className="thread-resolve"
          disabled={busy}
          onClick={() => void act(() => apiCall(`${base}/threads/${thread.id}`, { method: 'PATCH', json: { resolved: !resolved } }))}
        >
          {resolved ? 'Reopen' : 'Resolve'}
        </button>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
