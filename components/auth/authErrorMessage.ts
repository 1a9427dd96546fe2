/** A sentence a writer can act on, for an error from the auth endpoints. */
export function authErrorMessage(error: { status?: number; message?: string; code?: string } | null | undefined, action: 'sign-in' | 'sign-up'): string {
  if (!error) return '';
  // The per-account limit says how long to wait; the per-address one always means a minute.
  if (error.status === 429) return error.code === 'SIGN_IN_DELAYED' && error.message ? error.message : 'Too many attempts. Wait a minute, then try again.';
  if (action === 'sign-in' && (error.status === 401 || error.code === 'INVALID_EMAIL_OR_PASSWORD')) {
    return 'That email and password do not match an account.';
  }
  if (error.code === 'USER_ALREADY_EXISTS' || error.code === 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL') {
    return 'An account with this email exists already. Sign in instead.';
  }
  if (error.code === 'PASSWORD_TOO_SHORT') return 'Choose a password of at least 8 characters.';
  return error.message || 'That did not work. Please try again.';
}
