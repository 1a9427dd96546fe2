'use client';

import { useEffect, useState } from 'react';
import type { BlockDiff, DiffPart, ManuscriptDiff, SectionDiff, SuggestionChange } from '@model/revisions/manuscriptDiff';
import type { RevisionJson } from './HistoryPanel';
import { revisionLabel } from './revisionLabel';
import { apiCall } from '../http/apiCall';
import { markNames, nodeNames } from '@model/schema/names';

/** The editor's class for each block type, so a comparison reads like the manuscript. */
const BLOCK_CLASS: Record<string, string> = {
  [nodeNames.partTitle]: 'ms-part-title',
  [nodeNames.chapterTitle]: 'ms-chapter-title',
  [nodeNames.chapterSubtitle]: 'ms-chapter-subtitle',
  [nodeNames.sceneHeading]: 'ms-scene-heading',
  [nodeNames.sceneBreak]: 'ms-scene-break',
  [nodeNames.epigraphQuote]: 'ms-epigraph-quote',
  [nodeNames.epigraphAttribution]: 'ms-epigraph-attribution',
  [nodeNames.paragraph]: '',
};

interface CompareViewProps {
  manuscriptId: string;
  from: RevisionJson;
  to: RevisionJson | 'now';
  canWrite: boolean;
  onClose: () => void;
  onRestored: () => void;
}

/**
 * Two versions side by side in one reading: sections added, removed, renamed or moved, and
 * inside each section the words inserted and deleted, in the manuscript's own typography.
 * Editors can restore the older version's text of one section, or of the whole book.
 */
export function CompareView({ manuscriptId, from, to, canWrite, onClose, onRestored }: CompareViewProps) {
  const [diff, setDiff] = useState<ManuscriptDiff | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [showSame, setShowSame] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const query = new URLSearchParams({ from: from.id, to: to === 'now' ? 'now' : to.id });
    apiCall<{ diff: ManuscriptDiff }>(`/api/manuscripts/${manuscriptId}/compare?${query}`, { cache: 'no-store' }, 'The versions could not be compared.')
      .then((body) => !cancelled && setDiff(body.diff))
      .catch((failure: Error) => !cancelled && setError(failure.message));
    return () => {
      cancelled = true;
    };
  }, [manuscriptId, from.id, to]);

  const restore = async (section?: SectionDiff) => {
    const label = section ? section.label : 'the book';
    if (!window.confirm(`Restore ${label} to “${revisionLabel(from)}”? This is a new change; the current text stays in the history.`)) return;
    setStatus(`Restoring ${label}…`);
    try {
      await apiCall(`/api/manuscripts/${manuscriptId}/revisions/${from.id}/restore`, { method: 'POST', json: { sectionId: section?.id, label } }, 'The restore did not happen.');
    } catch (failure) {
      return setStatus((failure as Error).message);
    }
    setStatus(`Restored ${label}.`);
    onRestored();
  };

  const visible = diff?.sections.filter((s) => showSame || s.status !== 'same' || s.moved || s.comments || s.suggestions) ?? [];
  return (
    <div className="compare-view" role="dialog" aria-label="Compare versions" data-testid="compare-view">
      <header className="compare-header">
        <div>
          <h2>
            {revisionLabel(from)} → {to === 'now' ? 'now' : revisionLabel(to)}
          </h2>
          {diff && (
            <p className="hint" data-testid="compare-summary">
              <span className="words-added">+{diff.added}</span> <span className="words-removed">−{diff.removed}</span> words
              {diff.title.from !== diff.title.to && ` · title “${diff.title.from}” → “${diff.title.to}”`}
            </p>
          )}
        </div>
        <div className="compare-actions">
          <label className="hint">
            <input type="checkbox" checked={showSame} onChange={(event) => setShowSame(event.target.checked)} /> show unchanged sections
          </label>
          {canWrite && (
            <button type="button" onClick={() => void restore()}>
              Restore the book to this version
            </button>
          )}
          <button type="button" className="primary-button" onClick={onClose}>
            Done
          </button>
        </div>
      </header>
      {status && (
        <p className="compare-status" role="status" data-testid="restore-status">
          {status}
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {!diff && !error && <p className="hint">Comparing…</p>}
      {diff && visible.length === 0 && <p className="hint">No differences.</p>}
      {visible.map((section) => (
        <section key={section.id} className={`compare-section is-${section.status}`} data-testid="compare-section">
          <h3>
            {section.label}{' '}
            {section.status !== 'same' && <span className={`badge badge-${section.status}`}>{section.status}</span>}
            {section.moved && <span className="badge badge-moved">moved</span>}
            {section.renamedFrom && <span className="badge">renamed from “{section.renamedFrom}”</span>}
            {canWrite && section.status !== 'added' && (
              <button type="button" className="link-button" onClick={() => void restore(section)}>
                Restore this section
              </button>
            )}
          </h3>
          {section.comments && (
            <ul className="compare-comments" data-testid="compare-comments">
              {section.comments.added.map((change) => (
                <li key={`+${change.threadId}`}>Comment added on “{change.quote}”</li>
              ))}
              {section.comments.removed.map((change) => (
                <li key={`-${change.threadId}`}>Comment removed from “{change.quote}”</li>
              ))}
            </ul>
          )}
          {section.suggestions && (
            <ul className="compare-comments" data-testid="compare-suggestions">
              {section.suggestions.added.map((change) => (
                <li key={`+${change.id}`}>Suggestion by {change.authorName ?? 'a former member'}: {describeSuggestion(change)}</li>
              ))}
              {section.suggestions.settled.map((change) => (
                <li key={`-${change.id}`}>
                  Suggestion by {change.authorName ?? 'a former member'} {change.outcome ?? 'settled'}
                  {change.settledBy !== undefined ? ` by ${change.settledBy ?? 'a former member'}` : ''}: {describeSuggestion(change)}
                </li>
              ))}
            </ul>
          )}
          <div className="manuscript-page compare-page">
            {section.blocks.map((block, index) => (
              <CompareBlock key={index} block={block} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

function CompareBlock({ block }: { block: BlockDiff }) {
  const className = [BLOCK_CLASS[block.type] ?? '', `block-${block.status}`].filter(Boolean).join(' ');
  if (block.type === nodeNames.sceneBreak) return <hr className={className} />;
  const Tag = block.type === nodeNames.partTitle ? 'h1' : block.type === nodeNames.chapterTitle ? 'h2' : block.type === nodeNames.sceneHeading ? 'h3' : 'p';
  return (
    <Tag className={className} data-status={block.status}>
      {block.parts.map((part, index) => (
        <Part key={index} part={part} />
      ))}
      {block.status === 'formatted' && <span className="format-note"> formatting changed</span>}
    </Tag>
  );
}

function Part({ part }: { part: DiffPart }) {
  let content: React.ReactNode = part.text;
  if (part.marks.includes(markNames.code)) content = <code>{content}</code>;
  if (part.marks.includes(markNames.italic)) content = <em>{content}</em>;
  if (part.marks.includes(markNames.bold)) content = <strong>{content}</strong>;
  if (part.change === 'inserted') return <ins>{content}</ins>;
  if (part.change === 'deleted') return <del>{content}</del>;
  return <>{content}</>;
}

/** "add “x”", "delete “y”", "delete “y” and add “x”". */
function describeSuggestion(change: SuggestionChange): string {
  const parts = [change.deleted && `delete “${change.deleted}”`, change.inserted && `add “${change.inserted}”`].filter(Boolean);
  return parts.join(' and ');
}
