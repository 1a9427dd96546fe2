'use client';

import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore } from 'react';
import { apiCall } from '../http/apiCall';
import { LanguageSelect, browserBookLanguage } from '../language/LanguageSelect';

/** The browser's languages do not change while the page is open: nothing to subscribe to. */
const neverChanges = () => () => {};

/** Creates a manuscript (title, language, empty dedication, one empty epigraph, Chapter 1) and opens it. */
export function NewManuscriptForm() {
  const router = useRouter();
  const [title, setTitle] = useState('');
  // The browser's language until the writer picks one (the server renders English: it cannot know).
  const browserLanguage = useSyncExternalStore(neverChanges, browserBookLanguage, () => 'en');
  const [chosen, setLanguage] = useState<string | null>(null);
  const language = chosen ?? browserLanguage;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <form
      className="new-manuscript"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        try {
          const body = await apiCall<{ id: string }>('/api/manuscripts', { method: 'POST', json: { title, language } }, 'The manuscript could not be created.');
          router.push(`/m/${body.id}`);
        } catch (failure) {
          setError((failure as Error).message);
          setBusy(false);
        }
      }}
    >
      <label htmlFor="new-title">New manuscript</label>
      <input id="new-title" value={title} onChange={(event) => setTitle(event.target.value)} placeholder="Title" maxLength={200} required />
      <label htmlFor="new-language" className="visually-hidden">
        Language
      </label>
      <LanguageSelect id="new-language" value={language} onChange={setLanguage} />
      <button type="submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create'}
      </button>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}
