'use client';

import { useEffect, useLayoutEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { manuscriptExtensions } from '@model/schema';
import { SectionGuard } from './SectionGuard';
import { CommentOnlyGuard } from './CommentOnlyGuard';
import { CommentHighlights } from './CommentHighlights';
import { SuggestChanges } from './SuggestChanges';
import { SuggestionMarks } from './SuggestionMarks';
import { EditorToolbar } from './EditorToolbar';
import { sectionContent } from '@model/manuscript/sectionDocument';
import { useEarlyKeystrokes } from './useEarlyKeystrokes';

import { SuggestionBar } from './SuggestionBar';


interface SectionEditorProps {
  /** The section's id: what the writer typed into its served text lands in this editor. */
  sectionId: string;
  /** The section's own document, and the provider of its room (for co-writers' carets). */
  doc: Y.Doc;
  provider: WebsocketProvider;
  writer: { name: string; color: string };
  /** The signed-in writer's user id: the author of the suggestions this editor makes. */
  authorId: string;
  /** The manuscript, for the suggestions strip (members' names, settling the whole book). */
  manuscriptId: string;
  /** False for readers: the text shows, co-writers' carets move, nothing can be typed. */
  editable: boolean;
  /** For commenters: text can be selected and marked for comments, not changed. */
  commentOnly?: boolean;
  /** Told the editor once it exists, and null when it goes (the comment list works through it). */
  onEditor?: (editor: Editor | null) => void;
  /** Mod-Alt-M: comment on the selection. */
  onCommentShortcut?: () => void;
  /** Shown above a chapter's title ("Chapter 3"); the number follows from the chapter's place. */
  chapterLabel?: string;
  /** What shows until the editor is ready, instead of "Opening…" (null: nothing). */
  fallback?: ReactNode;
  /** Called once the editor shows, before the browser paints it. */
  onShown?: () => void;
}

const PLACEHOLDERS: Record<string, string> = {
  chapterTitle: 'Chapter title',
  chapterSubtitle: 'Subtitle',
  epigraphQuote: 'Quotation',
  epigraphAttribution: 'Attribution',
  sceneHeading: 'Scene heading',
  paragraph: 'Write…',
};

/**
 * The editor for one section, bound to that section's own Yjs document. Mount it with
 * `key={sectionId}` so switching sections builds a fresh editor on the other document; the rest
 * of the book stays out of ProseMirror (and out of the browser until it syncs in the
 * background), which keeps long books fast.
 */
export function SectionEditor({
  sectionId,
  doc,
  provider,
  writer,
  authorId,
  manuscriptId,
  chapterLabel,
  editable,
  commentOnly = false,
  onEditor,
  onCommentShortcut,
  fallback,
  onShown,
}: SectionEditorProps) {
  // Read when the key is pressed: the editor is made once, the handler may change.
  const commentShortcut = useRef(onCommentShortcut);
  useEffect(() => {
    commentShortcut.current = onCommentShortcut;
  }, [onCommentShortcut]);
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: editable || commentOnly,
      extensions: [
        ...manuscriptExtensions,
        SectionGuard,
        ...(commentOnly && !editable ? [CommentOnlyGuard] : []),
        CommentHighlights,
        SuggestChanges.configure({ authorId, startSuggesting: commentOnly && !editable }),
        SuggestionMarks,
        Collaboration.configure({ fragment: sectionContent(doc) }),
        CollaborationCaret.configure({
          provider,
          user: { name: writer.name, color: writer.color },
          render: renderCaret,
        }),
        Placeholder.configure({
          includeChildren: true,
          placeholder: ({ node }) => PLACEHOLDERS[node.type.name] ?? '',
        }),
      ],
      editorProps: {
        attributes: { class: 'manuscript-page', 'data-testid': 'editor', spellcheck: 'true', ...(commentOnly && !editable ? { 'data-comment-only': 'true' } : {}) },
        handleKeyDown: (_view, event) => {
          if (!(event.altKey && (event.ctrlKey || event.metaKey) && event.code === 'KeyM') || !commentShortcut.current) return false;
          event.preventDefault();
          commentShortcut.current();
          return true;
        },
      },
      onCreate: () => performance.mark('quire:editor-ready'),
    },
    [doc, provider],
  );
  useEarlyKeystrokes(editor, sectionId, editable);
  useEffect(() => {
    if (!editor || !onEditor) return;
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);
  useLayoutEffect(() => {
    if (editor) onShown?.();
  }, [editor, onShown]);

  if (!editor) return fallback === undefined ? <div className="manuscript-page is-loading">Opening…</div> : fallback;
  return (
    <>
      {editable && <EditorToolbar editor={editor} />}
      <SuggestionBar manuscriptId={manuscriptId} editor={editor} canSettle={editable} alwaysSuggesting={commentOnly && !editable} onComment={onCommentShortcut} />
      <EditorContent
        editor={editor}
        className="editor-scroll"
        style={chapterLabel ? ({ '--chapter-label': JSON.stringify(chapterLabel) } as CSSProperties) : undefined}
      />
    </>
  );
}

/** A co-writer's caret: a coloured bar with their name above it. */
function renderCaret(user: Record<string, string>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collab-caret';
  caret.style.borderColor = user.color;
  const label = document.createElement('span');
  label.className = 'collab-caret-label';
  label.style.backgroundColor = user.color;
  label.textContent = user.name;
  caret.append(label);
  return caret;
}
