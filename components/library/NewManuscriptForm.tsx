'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiCall } from '../http/apiCall';

/** Creates a manuscript (title, empty dedication, one empty epigraph, Chapter 1) and opens it. */
export function NewManuscriptForm() {
  const router = useRouter();
  const [title, setTitle] = useState('');
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
          const body = await apiCall<{ id: string }>('/api/manuscripts', { method: 'POST', json: { title } }, 'The manuscript could not be created.');
          router.push(`/m/${body.id}`);
        } catch (failure) {
          setError((failure as Error).message);
          setBusy(false);
        }
      }}
    >
      <label htmlFor="new-title">New manuscript</label>
      <input id="new-title" value={title} onChange={(event) => setTitle(event.target.value)} placeholder="Title" maxLength={200} required />
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
