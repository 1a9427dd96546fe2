'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { ThreadListing } from '@model/api/threadListing';
import { commentAnchors } from '@model/manuscript/commentAnchors';
import { newId } from '@model/manuscript/newId';
import { commentHighlightsKey } from '../editor/CommentHighlights';
import { useThreads, type Threads } from './useThreads';
import type { ThreadDraft } from './CommentsPanel';

/** What the writing room needs to show comments and start threads. */
export interface Comments {
  threads: Threads;
  editor: Editor | null;
  /** Give SectionEditor's `onEditor`. */
  setEditor: (editor: Editor | null) => void;
  draft: ThreadDraft | null;
  activeThread: string | null;
  /** Marks the selection for a new thread; false if nothing is selected. */
  start: () => boolean;
  finishDraft: (sent: boolean) => void;
  /** Selects a thread's passage (opening its section first if need be). */
  choose: (thread: ThreadListing) => void;
  /** A thread was deleted: its mark comes off the text. */
  forget: (threadId: string) => void;
}

/** Selects a thread's passage in the editor and scrolls it into view; false if it is not there. */
function selectPassage(editor: Editor, threadId: string): boolean {
  const anchor = commentAnchors(editor.state.doc).find((a) => a.threadId === threadId);
  if (!anchor) return false;
  editor.chain().setTextSelection({ from: anchor.from, to: anchor.to }).scrollIntoView().run();
  return true;
}

/**
 * Comment threads in the writing room: the list (read once the open section is ready), the
 * editor of the section on screen, highlighting open threads' passages in it, starting a thread
 * on the selection, and choosing one from the list. `openSection` moves to another section.
 */
export function useComments(manuscriptId: string, activeId: string | null, ready: boolean, openSection: (sectionId: string) => void): Comments {
  const threads = useThreads(manuscriptId, ready);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [draft, setDraft] = useState<ThreadDraft | null>(null);
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const [pendingSelect, setPendingSelect] = useState<string | null>(null);

  // Resolved threads keep their mark but lose their highlight; the chosen one stands out. Keyed
  // by the resolved ids themselves, so a refresh that resolves nothing redraws nothing.
  const resolvedKey = useMemo(
    () => threads.threads.filter((t) => t.resolvedAt !== null).map((t) => t.id).sort().join(' '),
    [threads.threads],
  );
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const resolved = new Set(resolvedKey ? resolvedKey.split(' ') : []);
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, { resolved, active: activeThread }));
  }, [editor, resolvedKey, activeThread]);

  // A thread chosen in another section is selected once that section's editor is here.
  // (The editor fills from its document just after it is made, hence the retry on each update.)
  useEffect(() => {
    if (!editor || !pendingSelect) return;
    const attempt = () => {
      if (!editor.isDestroyed && selectPassage(editor, pendingSelect)) setPendingSelect(null);
    };
    attempt();
    editor.on('update', attempt);
    return () => {
      editor.off('update', attempt);
    };
  }, [editor, pendingSelect]);

  const start = useCallback(() => {
    if (!editor || !activeId || editor.state.selection.empty) return false;
    const { from, to } = editor.state.selection;
    const quote = editor.state.doc.textBetween(from, to, ' ').trim();
    if (!quote) return false;
    const id = newId();
    if (!editor.chain().setComment(id).run()) return false;
    setDraft({ id, sectionId: activeId, quote });
    setActiveThread(id);
    return true;
  }, [editor, activeId]);

  const finishDraft = useCallback(
    (sent: boolean) => {
      if (!sent && draft && editor && !editor.isDestroyed) editor.commands.unsetComment(draft.id);
      setDraft(null);
    },
    [draft, editor],
  );

  const choose = useCallback(
    (thread: ThreadListing) => {
      setActiveThread(thread.id);
      if (thread.sectionId === activeId && editor) selectPassage(editor, thread.id);
      else {
        setPendingSelect(thread.id);
        openSection(thread.sectionId);
      }
    },
    [activeId, editor, openSection],
  );

  const forget = useCallback(
    (threadId: string) => {
      if (editor && !editor.isDestroyed) editor.commands.unsetComment(threadId);
      setActiveThread((active) => (active === threadId ? null : active));
    },
    [editor],
  );

  return { threads, editor, setEditor, draft, activeThread, start, finishDraft, choose, forget };
}
