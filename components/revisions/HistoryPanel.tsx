'use client';

import { useCallback, useEffect, useState } from 'react';
import type { RevisionListing } from '@model/api/revisionListing';
import type { SectionListItem } from '../workspace/useSectionList';
import { revisionLabel, revisionTime } from './revisionLabel';
import { apiCall } from '../http/apiCall';
import { SidePanel } from '../workspace/SidePanel';

/** A revision as it arrives over JSON. */
export type RevisionJson = Omit<RevisionListing, 'createdAt'> & { createdAt: string };

interface HistoryPanelProps {
  manuscriptId: string;
  sections: SectionListItem[];
  canWrite: boolean;
  onCompare: (from: RevisionJson, to: RevisionJson | 'now') => void;
  onClose: () => void;
  /** Changes whenever the history may have grown (after a restore), to reload it. */
  refreshKey: number;
}

/**
 * The history timeline: every revision of the book, newest first, with who changed what (words
 * added and removed) and which sections; filters for one chapter or one author; naming the
 * current version (editors); comparing any two versions, or one with now.
 */
export function HistoryPanel({ manuscriptId, sections, canWrite, onCompare, onClose, refreshKey }: HistoryPanelProps) {
  const [revisions, setRevisions] = useState<RevisionJson[]>([]);
  const [sectionFilter, setSectionFilter] = useState('');
  const [authorFilter, setAuthorFilter] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const query = new URLSearchParams();
    if (sectionFilter) query.set('section', sectionFilter);
    if (authorFilter) query.set('author', authorFilter);
    try {
      const body = await apiCall<{ revisions: RevisionJson[] }>(`/api/manuscripts/${manuscriptId}/revisions?${query}`, { cache: 'no-store' }, 'The history could not be loaded.');
      setRevisions(body.revisions);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, [manuscriptId, sectionFilter, authorFilter]);
  useEffect(() => {
    // Loading the timeline is the external sync this effect exists for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load, refreshKey]);

  const authors = new Map<string, string>();
  for (const revision of revisions) for (const author of revision.summary.authors) if (author.userId) authors.set(author.userId, author.name);

  const togglePick = (id: string) => setPicked((current) => (current.includes(id) ? current.filter((p) => p !== id) : [...current.slice(-1), id]));
  const pickedRevisions = revisions.filter((r) => picked.includes(r.id)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  return (
    <SidePanel title="History" name="history" closeLabel="history" onClose={onClose}>

      {canWrite && (
        <form
          className="share-row"
          onSubmit={async (event) => {
            event.preventDefault();
            setBusy(true);
            setError('');
            try {
              await apiCall(`/api/manuscripts/${manuscriptId}/revisions`, { method: 'POST', json: { name } }, 'The version could not be named.');
              setName('');
            } catch (failure) {
              setError((failure as Error).message);
            }
            setBusy(false);
            await load();
          }}
        >
          <input value={name} onChange={(event) => setName(event.target.value)} placeholder="Name this version, e.g. Draft 2 to editor" aria-label="Version name" maxLength={120} required />
          <button type="submit" className="primary-button" disabled={busy}>
            {busy ? 'Saving…' : 'Name'}
          </button>
        </form>
      )}

      <div className="share-row">
        <label>
          Chapter
          <select value={sectionFilter} onChange={(event) => setSectionFilter(event.target.value)} aria-label="Filter by section">
            <option value="">Whole book</option>
            {sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Author
          <select value={authorFilter} onChange={(event) => setAuthorFilter(event.target.value)} aria-label="Filter by author">
            <option value="">Everyone</option>
            {[...authors].map(([id, authorName]) => (
              <option key={id} value={id}>
                {authorName}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="share-row">
        <button type="button" disabled={pickedRevisions.length !== 2} onClick={() => onCompare(pickedRevisions[0], pickedRevisions[1])}>
          Compare the two ticked
        </button>
      </div>

      {revisions.length === 0 && <p className="hint">No revisions yet. One is made after a pause in writing, every ten minutes while you write, and when the last writer leaves.</p>}
      <ol className="revision-list" data-testid="revision-list">
        {revisions.map((revision) => (
          <li key={revision.id} className={`revision revision-${revision.kind}`} data-testid="revision">
            <div className="revision-head">
              <input type="checkbox" aria-label={`Tick ${revisionLabel(revision)} to compare`} checked={picked.includes(revision.id)} onChange={() => togglePick(revision.id)} />
              <span className="revision-title">{revision.name ?? revisionTime(revision)}</span>
              {revision.kind !== 'auto' && <span className="revision-kind">{revision.kind === 'named' ? 'milestone' : 'restore'}</span>}
            </div>
            {revision.name && <div className="hint">{revisionTime(revision)}</div>}
            <ul className="revision-authors">
              {revision.summary.authors.map((author) => (
                <li key={author.userId ?? 'none'}>
                  {author.name} <span className="words-added">+{author.added}</span> <span className="words-removed">−{author.removed}</span>
                </li>
              ))}
            </ul>
            {revision.summary.sections.length > 0 && (
              <div className="hint">
                {revision.summary.sections.map((s) => `${s.label}${s.status === 'changed' ? '' : ` (${s.status})`} +${s.added} −${s.removed}`).join(' · ')}
              </div>
            )}
            <button type="button" className="link-button" onClick={() => onCompare(revision, 'now')}>
              Compare with now
            </button>
          </li>
        ))}
      </ol>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </SidePanel>
  );
}
