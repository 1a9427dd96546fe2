'use client';

import { useEffect, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import type { Command } from '@tiptap/pm/state';
import { suggestionAuthor } from '@model/suggestions/suggestionId';
import { authorColor } from '../identity/authorColor';
import { suggestionByline, suggestionDecorations, suggestionMembersKey } from './SuggestionMarks';
import { useMemberDirectory } from '../workspace/useMemberDirectory';
import { apiCall } from '../http/apiCall';
import { isSuggesting, loadSuggesting, setSuggesting } from './SuggestChanges';

interface SuggestionBarProps {
  manuscriptId: string;
  editor: Editor;
  /** Editors and owners: switch between Editing and Suggesting, accept and reject. */
  canSettle: boolean;
  /** Commenters: always Suggesting, nothing to switch. */
  alwaysSuggesting: boolean;
  /** Starts a comment thread on the selection. */
  onComment?: () => void;
}

/**
 * The suggestions strip above the text: Editing or Suggesting, how many suggestions the section
 * holds, the one at the caret (who, when, what) with Accept / Reject, and accept or reject all
 * in the section or the book. Accepting and rejecting go through the editor (or, for the book,
 * the server), so co-writers see them at once and the history credits whoever did it.
 */
export function SuggestionBar({ manuscriptId, editor, canSettle, alwaysSuggesting, onComment }: SuggestionBarProps) {
  const [bookMessage, setBookMessage] = useState<string | null>(null);
  // Members' names and colours, for the strip and for the marks (drawn by SuggestionMarks).
  const members = useMemberDirectory(manuscriptId);
  const names = members.names;
  useEffect(() => {
    if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(suggestionMembersKey, members));
  }, [editor, members]);
  const state = useEditorState({
    editor,
    // Read from the drawn suggestions (kept up to date block by block), not by walking the text.
    selector: ({ editor: e }) => {
      const drawn = suggestionDecorations(e.state).find();
      const spec = (decoration: (typeof drawn)[number]) => decoration.spec as { suggestionId: string; kind: string };
      const ids = new Set(drawn.map((decoration) => spec(decoration).suggestionId));
      const { from, to } = e.state.selection;
      const at = drawn.find((decoration) => decoration.from <= to && from <= decoration.to);
      let current: { id: string; inserted: string; deleted: string } | null = null;
      if (at) {
        const id = spec(at).suggestionId;
        current = { id, inserted: '', deleted: '' };
        for (const decoration of drawn) {
          if (spec(decoration).suggestionId !== id) continue;
          const text = e.state.doc.textBetween(decoration.from, decoration.to).replaceAll('\u200B', '');
          if (spec(decoration).kind === 'insertion') current.inserted += text;
          else current.deleted += text;
        }
      }
      return { suggesting: isSuggesting(e.state), count: ids.size, current };
    },
  });
  // Readers see the strip only where there is something to read in it.
  if (!state || (!canSettle && !alwaysSuggesting && state.count === 0)) return null;
  /** Records who decided, for the history's compare (the text change itself goes through Yjs). */
  const record = (ids: string[], outcome: 'accepted' | 'rejected') =>
    void apiCall(`/api/manuscripts/${manuscriptId}/suggestions/decisions`, { method: 'POST', json: { decisions: ids.map((suggestionId) => ({ suggestionId, outcome })) } }).catch(() => undefined);
  /** Every suggestion drawn in this section. */
  const allHere = () => [...new Set(suggestionDecorations(editor.state).find().map((d) => (d.spec as { suggestionId: string }).suggestionId))];
  // The library's commands load with it, on the first accept or reject.
  const run = (pick: (machinery: Awaited<ReturnType<typeof loadSuggesting>>) => Command, decided?: { ids: string[]; outcome: 'accepted' | 'rejected' }) =>
    void loadSuggesting().then((machinery) => {
      if (editor.isDestroyed) return;
      if (pick(machinery)(editor.state, editor.view.dispatch) && decided?.ids.length) record(decided.ids, decided.outcome);
      editor.commands.focus();
    });
  const switchTo = (on: boolean) => void setSuggesting(editor, on).then(() => !editor.isDestroyed && editor.commands.focus());
  const settleBook = async (accept: boolean) => {
    const verb = accept ? 'Accept' : 'Reject';
    if (!window.confirm(`${verb} every pending suggestion in the whole book?`)) return;
    setBookMessage(`${accept ? 'Accepting' : 'Rejecting'}…`);
    try {
      const { sections } = await apiCall<{ sections: number }>(`/api/manuscripts/${manuscriptId}/suggestions`, { method: 'POST', json: { action: accept ? 'accept' : 'reject' } });
      setBookMessage(`${accept ? 'Accepted' : 'Rejected'} every suggestion in ${sections === 1 ? '1 section' : `${sections} sections`}.`);
    } catch (error) {
      setBookMessage((error as Error).message);
    }
  };
  const { current } = state;

  return (
    <div className="suggestion-bar" data-testid="suggestion-bar" onMouseDown={(event) => (event.target as HTMLElement).closest('button') && event.preventDefault()}>
      {canSettle && !alwaysSuggesting && (
        <span className="suggestion-mode" role="group" aria-label="Mode">
          <button type="button" aria-pressed={!state.suggesting} onClick={() => switchTo(false)}>
            Editing
          </button>
          <button type="button" aria-pressed={state.suggesting} title="Changes are kept as suggestions for an editor to accept" onClick={() => switchTo(true)}>
            Suggesting
          </button>
        </span>
      )}
      {alwaysSuggesting && <span>Suggesting: your changes are kept as suggestions</span>}
      <span data-testid="suggestion-count">{state.count === 0 ? 'No suggestions here' : state.count === 1 ? '1 suggestion here' : `${state.count} suggestions here`}</span>
      {current && (
        <span className="suggestion-current" data-testid="suggestion-current" style={{ '--suggestion-color': authorColor(suggestionAuthor(current.id), members.colors) } as React.CSSProperties}>
          <span>{suggestionByline(current.id, names)}:</span>
          {current.deleted && (
            <span>
              delete <q>{current.deleted}</q>
            </span>
          )}
          {current.inserted && (
            <span>
              {current.deleted ? 'and add' : 'add'} <q>{current.inserted}</q>
            </span>
          )}
          {canSettle && (
            <>
              <button type="button" onClick={() => run((m) => m.applySuggestion(current.id), { ids: [current.id], outcome: 'accepted' })}>
                Accept
              </button>
              <button type="button" onClick={() => run((m) => m.revertSuggestion(current.id), { ids: [current.id], outcome: 'rejected' })}>
                Reject
              </button>
            </>
          )}
          {onComment && (
            <button
              type="button"
              onClick={() =>
                void loadSuggesting().then((machinery) => {
                  if (editor.isDestroyed) return;
                  machinery.selectSuggestion(current.id)(editor.state, editor.view.dispatch);
                  onComment();
                })
              }
            >
              Comment on it
            </button>
          )}
        </span>
      )}
      <span className="suggestion-spacer" />
      {canSettle && state.count > 0 && (
        <>
          <button type="button" onClick={() => run((m) => m.applySuggestions, { ids: allHere(), outcome: 'accepted' })}>
            Accept all here
          </button>
          <button type="button" onClick={() => run((m) => m.revertSuggestions, { ids: allHere(), outcome: 'rejected' })}>
            Reject all here
          </button>
        </>
      )}
      {canSettle && (
        <>
          <button type="button" onClick={() => void settleBook(true)}>
            Accept all in book
          </button>
          <button type="button" onClick={() => void settleBook(false)}>
            Reject all in book
          </button>
        </>
      )}
      {bookMessage && <span role="status">{bookMessage}</span>}
    </div>
  );
}
