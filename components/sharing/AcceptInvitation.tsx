'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

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
          const response = await fetch(`/api/invitations/${encodeURIComponent(token)}`, { method: 'POST' });
          const body = (await response.json().catch(() => ({}))) as { manuscriptId?: string; error?: string };
          if (!response.ok || !body.manuscriptId) {
            setError(body.error ?? 'The invitation could not be accepted.');
            setBusy(false);
            return;
          }
          router.push(`/m/${body.manuscriptId}`);
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
