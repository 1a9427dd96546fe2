'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiCall } from '../http/apiCall';

/** Joins the manuscript through an invitation and opens it. */
export function AcceptInvitation({ token, label }: { token: string; label: string }) {
  const router = useRouter();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button
        type="button"
        className="primary-button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            const body = await apiCall<{ manuscriptId: string }>(`/api/invitations/${encodeURIComponent(token)}`, { method: 'POST' }, 'The invitation could not be accepted.');
            router.push(`/m/${body.manuscriptId}`);
          } catch (failure) {
            setError((failure as Error).message);
            setBusy(false);
          }
        }}
      >
        {label}
      </button>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </>
  );
}
