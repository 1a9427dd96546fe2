'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { authClient } from './authClient';
import { authErrorMessage } from './authErrorMessage';

/** Sign-in or sign-up, then on to `next` (a path inside the app). */
export function AuthForm({ mode, next }: { mode: 'sign-in' | 'sign-up'; next: string }) {
  const router = useRouter();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const other = mode === 'sign-in' ? '/sign-up' : '/sign-in';

  return (
    <form
      className="auth-form"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const email = String(form.get('email') ?? '').trim();
        const password = String(form.get('password') ?? '');
        setBusy(true);
        setError('');
        const result =
          mode === 'sign-in'
            ? await authClient.signIn.email({ email, password })
            : await authClient.signUp.email({ email, password, name: String(form.get('name') ?? '').trim() });
        if (result.error) {
          setError(authErrorMessage(result.error, mode));
          setBusy(false);
          return;
        }
        router.replace(next);
        router.refresh();
      }}
    >
      <h1>{mode === 'sign-in' ? 'Sign in to Quire' : 'Create your Quire account'}</h1>
      {mode === 'sign-up' && (
        <label>
          Your name <span className="hint">(co-writers see it on your caret)</span>
          <input name="name" required maxLength={60} autoComplete="name" />
        </label>
      )}
      <label>
        Email
        <input name="email" type="email" required autoComplete="email" />
      </label>
      <label>
        Password
        <input name="password" type="password" required minLength={8} autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'} />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {mode === 'sign-in' ? (busy ? 'Signing in…' : 'Sign in') : busy ? 'Creating…' : 'Create account'}
      </button>
      <p className="auth-switch">
        {mode === 'sign-in' ? 'New here? ' : 'Have an account? '}
        <Link href={`${other}?next=${encodeURIComponent(next)}`}>{mode === 'sign-in' ? 'Create an account' : 'Sign in'}</Link>
      </p>
    </form>
  );
}
