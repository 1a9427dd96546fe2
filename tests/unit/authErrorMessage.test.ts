import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authErrorMessage } from '../../components/auth/authErrorMessage';
import { SIGN_IN_DELAYED } from '../../server/auth/accountSignInLimit';

test('a sign-in delayed for its account shows the server’s wait; the per-address limit a minute', () => {
  const delayed = { status: 429, code: SIGN_IN_DELAYED, message: 'Too many failed sign-ins on this account. Try again in 2 minutes.' };
  assert.equal(authErrorMessage(delayed, 'sign-in'), 'Too many failed sign-ins on this account. Try again in 2 minutes.');
  assert.equal(authErrorMessage({ status: 429, message: 'Too many requests. Please try again later.' }, 'sign-in'), 'Too many attempts. Wait a minute, then try again.');
});
