import { createAuth } from '../../server/auth/createAuth';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { withTimeout } from './withTimeout';

const SIGN_IN_TIMEOUT_MS = 15_000;

/**
 * Signs an account in on the server side (better-auth does not rate-limit its own API) and
 * returns the session cookie a browser would have been given, for handing to a browser context.
 */
export async function sessionCookie(prisma: PrismaClient, email: string, password: string): Promise<{ name: string; value: string }> {
  const response = await withTimeout(
    createAuth(prisma).api.signInEmail({ body: { email, password }, asResponse: true }),
    SIGN_IN_TIMEOUT_MS,
    `${email} was not signed in`,
  );
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('better-auth.session_token='));
  if (!cookie) throw new Error(`could not sign ${email} in`);
  const [name, value] = cookie.split(';')[0].split(/=(.*)/s);
  return { name, value };
}
