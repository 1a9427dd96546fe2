'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import type { ImportCorrection, ImportOutline } from '@model/api/importOutline';
import { formatCount } from '../workspace/formatCount';
import { ImportOutlineView } from './ImportOutlineView';
import { LanguageSelect, browserBookLanguage } from '../language/LanguageSelect';

interface ImportFormProps {
  /** Append to this manuscript; without it, the import creates a new manuscript. */
  manuscriptId?: string;
  /** Called after chapters were appended (append mode only). */
  onImported?: (added: number) => void;
  /** Append mode: the book's chapters and parts so far, so the preview numbers what is added. */
  after?: { chapters: number; parts: number };
}

/** Posts the form to the import route and returns its JSON, or throws with the server's message. */
async function postImport(url: string, file: File, fields: Record<string, string>): Promise<{ outline: ImportOutline; id?: string; added?: string[] }> {
  const form = new FormData();
  form.set('file', file);
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  const response = await fetch(url, { method: 'POST', body: form });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ?? `The import failed (${response.status}). Nothing was created.`);
  return body;
}

/**
 * Imports a .txt, .md or .docx file in two steps: the file is read and its detected structure
 * shown (nothing is created yet); the writer checks it, sets the title, and confirms. As a new
 * manuscript, it then opens; appended, its chapters join the open book.
 */
export function ImportForm({ manuscriptId, onImported, after }: ImportFormProps) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [outline, setOutline] = useState<ImportOutline | null>(null);
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState('en');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The writer's fixes to what was detected, sent with every preview and with the confirmation.
  const [corrections, setCorrections] = useState<ImportCorrection[]>([]);
  // Each preview has a number; an answer for a file no longer chosen is ignored.
  const requestNumber = useRef(0);
  const url = manuscriptId ? `/api/manuscripts/${encodeURIComponent(manuscriptId)}/import` : '/api/manuscripts/import';

  const correctionFields = (list: ImportCorrection[]): Record<string, string> => (list.length ? { corrections: JSON.stringify(list) } : {});
  /** Reads the chosen file again with these corrections, keeping the preview on screen meanwhile. */
  const correct = async (list: ImportCorrection[]) => {
    if (!file) return;
    const number = ++requestNumber.current;
    setCorrections(list);
    setBusy(true);
    setError(null);
    try {
      const body = await postImport(url, file, correctionFields(list));
      if (number === requestNumber.current) setOutline(body.outline);
    } catch (failure) {
      if (number === requestNumber.current) setError((failure as Error).message);
    } finally {
      if (number === requestNumber.current) setBusy(false);
    }
  };
  const preview = async (chosen: File | null) => {
    const number = ++requestNumber.current;
    setFile(chosen);
    setOutline(null);
    setError(null);
    setCorrections([]);
    if (!chosen) {
      // Cleared, so choosing the same file again is a change the input reports.
      if (input.current) input.current.value = '';
      setBusy(false);
      return;
    }
    setBusy(true);
    try {
      const body = await postImport(url, chosen, {});
      if (number !== requestNumber.current) return;
      setOutline(body.outline);
      setTitle(body.outline.title);
      setLanguage(body.outline.language ?? browserBookLanguage());
    } catch (failure) {
      if (number === requestNumber.current) setError((failure as Error).message);
    } finally {
      if (number === requestNumber.current) setBusy(false);
    }
  };
  const confirm = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const body = await postImport(url, file, { confirm: 'true', ...(manuscriptId ? {} : { title, language }), ...correctionFields(corrections) });
      if (body.id) {
        router.push(`/m/${body.id}`);
        return;
      }
      onImported?.(body.added?.length ?? 0);
      setOutline(null);
      setFile(null);
      if (input.current) input.current.value = '';
    } catch (failure) {
      setError((failure as Error).message);
    }
    setBusy(false);
  };

  return (
    <div className="import-form" data-testid="import-form">
      <label className="import-file">
        {manuscriptId ? 'Add chapters from a file' : 'Import a manuscript'}
        <input
          ref={input}
          type="file"
          accept=".txt,.md,.markdown,.docx,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(event) => preview(event.target.files?.[0] ?? null)}
          data-testid="import-file"
        />
        <span className="hint">Plain text, Markdown or Word (.docx), up to 10 MB.</span>
      </label>
      {busy && !outline && <p className="hint">Reading…</p>}
      {error && (
        <p role="alert" className="form-error" data-testid="import-error">
          {error}
        </p>
      )}
      {outline && (
        <div className="import-preview" data-testid="import-preview">
          <h3>
            Found {outline.sections.length} section{outline.sections.length === 1 ? '' : 's'}, {formatCount(outline.words)} words
          </h3>
          {!manuscriptId && (
            <label className="import-title">
              Title
              <input value={title} onChange={(event) => setTitle(event.target.value)} maxLength={200} required data-testid="import-title" />
            </label>
          )}
          {!manuscriptId && (
            <label className="import-title" htmlFor="import-language">
              Language
              <LanguageSelect id="import-language" value={language} onChange={setLanguage} />
              <span className="hint">{outline.language ? 'as the file says' : 'the file does not say; check it'}</span>
            </label>
          )}
          <ImportOutlineView outline={outline} after={after} busy={busy} onCorrect={(correction) => void correct([...corrections, correction])} />
          {corrections.length > 0 && (
            <p className="hint">
              {corrections.length === 1 ? '1 correction' : `${corrections.length} corrections`} to what was detected.{' '}
              <button type="button" className="link-button" onClick={() => void correct([])} disabled={busy} data-testid="import-undo-corrections">
                Undo them
              </button>
            </p>
          )}
          <p className="hint">
            {manuscriptId
              ? 'Chapters and parts go after the last chapter; a dedication or epigraphs go after the book’s own front matter.'
              : 'Nothing is created until you confirm.'}{' '}
            Change a section’s kind, merge it with the next, or split a chapter, if anything was misread.
          </p>
          <div className="share-row">
            <button type="button" className="primary-button" onClick={confirm} disabled={busy || (!manuscriptId && !title.trim())} data-testid="import-confirm">
              {busy ? 'Importing…' : manuscriptId ? 'Add to this book' : 'Create manuscript'}
            </button>
            <button type="button" className="link-button" onClick={() => preview(null)} disabled={busy}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
