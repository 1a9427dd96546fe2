'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { SectionHits } from '@model/api/bookSearchListing';
import { findInDocument } from '@model/search/findInDocument';
import { replaceInTransform } from '@model/search/replaceMatches';
import { SearchQueryError, type SearchQuery } from '@model/search/searchQuery';
import { apiCall } from '../http/apiCall';
import { SidePanel } from '../workspace/SidePanel';
import type { SectionListItem } from '../workspace/useSectionList';
import { formatCount } from '../workspace/formatCount';
import { useBookSearch } from './useBookSearch';

interface FindPanelProps {
  manuscriptId: string;
  sections: SectionListItem[];
  /** The open section's editor, and which section it edits (null while none is ready). */
  open: { editor: Editor; sectionId: string } | null;
  /** Editors and owners replace; everyone else searches. */
  canReplace: boolean;
  /** Changes every time Ctrl/Cmd+Shift+F is pressed: the search box takes the focus again. */
  focusRequest: number;
  onOpenSection: (sectionId: string) => void;
  onClose: () => void;
}

/** A match the writer chose in the list: selected once its section's editor is ready. */
interface Target {
  sectionId: string;
  /** Which match of the section, in reading order. */
  ordinal: number;
}

/**
 * Find and replace across the book: the query and its switches, the matches of every section
 * (front matter included) grouped with their context and counts, following co-writers' typing.
 * Choosing a match opens its section and selects it; Replace changes the selected match in the
 * editor (a suggestion in Suggesting mode, like any edit there); Replace in section and Replace
 * in book go through the server, as one change each section's co-writers see at once and one
 * named revision in the history.
 */
export function FindPanel({ manuscriptId, sections, open, canReplace, focusRequest, onOpenSection, onClose }: FindPanelProps) {
  const [query, setQuery] = useState<SearchQuery>({ text: '', matchCase: false, wholeWords: false, regex: false, includeSuggestions: false });
  const [replacement, setReplacement] = useState('');
  const [target, setTarget] = useState<Target | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { listing, error, searching, refresh } = useBookSearch(manuscriptId, query);
  const input = useRef<HTMLInputElement>(null);
  const ids = useId();
  const labels = new Map(sections.map((section) => [section.id, section.label]));

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  // Select the chosen match once its section's editor is the one on screen.
  useEffect(() => {
    if (!target || !open || open.sectionId !== target.sectionId || open.editor.isDestroyed) return;
    let matches;
    try {
      matches = findInDocument(open.editor.state.doc, query);
    } catch {
      return;
    }
    const match = matches[Math.min(target.ordinal, matches.length - 1)];
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setTarget(null);
    if (!match) return;
    open.editor.chain().focus().setTextSelection({ from: match.from, to: match.to }).scrollIntoView().run();
  }, [target, open, query]);

  const choose = (sectionId: string, ordinal: number) => {
    setStatus(null);
    if (sectionId !== open?.sectionId) onOpenSection(sectionId);
    setTarget({ sectionId, ordinal });
  };

  /** The match the editor's selection is on, if it is one. */
  const selectedMatch = () => {
    if (!open) return null;
    const { from, to } = open.editor.state.selection;
    try {
      return findInDocument(open.editor.state.doc, query).find((match) => match.from === from && match.to === to) ?? null;
    } catch (problem) {
      if (problem instanceof SearchQueryError) return null;
      throw problem;
    }
  };

  const replaceOne = () => {
    const match = selectedMatch();
    if (!open || !match) {
      setStatus('Choose a match in the list (or select one in the text) first.');
      return;
    }
    const { editor } = open;
    const tr = editor.state.tr;
    replaceInTransform(tr, [match], replacement, query.regex);
    editor.view.dispatch(tr);
    setStatus('Replaced one.');
    // On to the next match in this section, if there is one.
    const next = findInDocument(editor.state.doc, query).find((candidate) => candidate.from >= tr.mapping.map(match.to));
    if (next) editor.chain().focus().setTextSelection({ from: next.from, to: next.to }).scrollIntoView().run();
    refresh();
  };

  const replaceAll = async (sectionId?: string) => {
    setBusy(true);
    setStatus(null);
    try {
      const outcome = await apiCall<{ replaced: number; sections: number }>(`/api/manuscripts/${manuscriptId}/replace`, {
        method: 'POST',
        json: { query, replacement, ...(sectionId ? { sectionId } : {}) },
      });
      setStatus(
        outcome.replaced === 0
          ? 'Nothing to replace.'
          : `Replaced ${formatCount(outcome.replaced)} in ${outcome.sections} ${outcome.sections === 1 ? 'section' : 'sections'}. The history names it; restore the version before to undo.`,
      );
      refresh();
    } catch (problem) {
      setStatus((problem as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (key: 'matchCase' | 'wholeWords' | 'regex' | 'includeSuggestions', label: string) => (
    <label className="find-switch">
      <input type="checkbox" checked={query[key]} onChange={(event) => setQuery({ ...query, [key]: event.target.checked })} /> {label}
    </label>
  );
  const canAct = canReplace && !!listing && listing.total > 0 && !busy;

  return (
    <SidePanel title="Find" name="find" closeLabel="find" onClose={onClose}>
      <form
        className="find-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const first = listing?.sections[0];
          if (first) choose(first.sectionId, 0);
        }}
      >
        <label htmlFor={`${ids}-find`}>Find in the book</label>
        <input
          id={`${ids}-find`}
          ref={input}
          type="search"
          value={query.text}
          maxLength={500}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setQuery({ ...query, text: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onClose();
          }}
        />
        <div className="find-switches">
          {toggle('matchCase', 'Match case')}
          {toggle('wholeWords', 'Whole words')}
          {toggle('regex', 'Regular expression')}
          {toggle('includeSuggestions', 'Include suggestions')}
        </div>
        {canReplace && (
          <>
            <label htmlFor={`${ids}-replace`}>Replace with</label>
            <input id={`${ids}-replace`} type="text" value={replacement} autoComplete="off" spellCheck={false} onChange={(event) => setReplacement(event.target.value)} />
            <div className="find-actions">
              <button type="button" onClick={replaceOne} disabled={!canAct}>
                Replace
              </button>
              <button type="button" onClick={() => void replaceAll(open?.sectionId)} disabled={!canAct || !open || !listing?.sections.some((s) => s.sectionId === open.sectionId)}>
                Replace in section
              </button>
              <button type="button" onClick={() => void replaceAll()} disabled={!canAct}>
                Replace in book
              </button>
            </div>
          </>
        )}
      </form>
      <p className="find-summary" role="status" aria-live="polite" data-testid="find-summary">
        {error ?? (searching ? 'Searching…' : listing ? summary(listing.total, listing.sections.length) : 'Type to search every section, front matter included.')}
      </p>
      {status && (
        <p className="find-status" role="status" data-testid="find-status">
          {status}
        </p>
      )}
      {listing?.sections.map((section) => (
        <SectionResults key={section.sectionId} section={section} label={labels.get(section.sectionId) ?? 'Section'} active={section.sectionId === open?.sectionId} onChoose={choose} />
      ))}
    </SidePanel>
  );
}

function summary(total: number, sections: number): string {
  if (total === 0) return 'No matches in the book.';
  return `${formatCount(total)} ${total === 1 ? 'match' : 'matches'} in ${sections} ${sections === 1 ? 'section' : 'sections'}`;
}

/** One section's matches: its name and count, then each match in its context. */
function SectionResults({ section, label, active, onChoose }: { section: SectionHits; label: string; active: boolean; onChoose: (sectionId: string, ordinal: number) => void }) {
  return (
    <section className="find-section" data-testid="find-section" aria-current={active ? 'true' : undefined}>
      <h3>
        {label} <span className="find-count">{formatCount(section.count)}</span>
      </h3>
      <ol>
        {section.hits.map((hit, ordinal) => (
          <li key={`${hit.from}-${ordinal}`}>
            <button type="button" className="find-hit" onClick={() => onChoose(section.sectionId, ordinal)}>
              <span className="find-context">{hit.before}</span>
              <mark>{hit.text}</mark>
              <span className="find-context">{hit.after}</span>
            </button>
          </li>
        ))}
      </ol>
      {section.count > section.hits.length && <p className="panel-hint">and {formatCount(section.count - section.hits.length)} more in this section</p>}
    </section>
  );
}
