import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client';
import { knownAccounts, rememberAccount } from './knownDevices';
import { signInAttempts } from './signInAttempts';
import { ACCOUNT_SIGN_IN_LIMITS, signInWaitMs, type AccountSignInLimits } from './signInLimits';

/** The error code of an attempt refused because its account has failed too often lately. */
export const SIGN_IN_DELAYED = 'SIGN_IN_DELAYED';

/** Settings for {@link accountSignInLimit}; tests shorten the windows or move the clock. */
export interface AccountSignInLimitOptions {
  limits?: AccountSignInLimits;
  now?: () => Date;
}

const SIGN_IN = '/sign-in/email';
const SIGN_UP = '/sign-up/email';

/**
 * A better-auth plugin limiting password guesses per account, whatever address they come from
 * (better-auth's own limit counts per address). Every attempt on an email is recorded before its
 * password is checked; past `maxFailures` within the window, an attempt made before its growing
 * delay has passed is answered 429 with Retry-After and never reaches the password check. The
 * account is never locked: a browser that has signed in to it before (known-device cookie) goes
 * ahead regardless, so an attacker's guesses cannot keep the owner out. A sign-in clears the
 * account's record.
 */
export function accountSignInLimit(prisma: PrismaClient, options: AccountSignInLimitOptions = {}) {
  const { limits = ACCOUNT_SIGN_IN_LIMITS, now = () => new Date() } = options;
  const attempts = signInAttempts(prisma);

  return {
    id: 'account-sign-in-limit',
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === SIGN_IN,
          handler: createAuthMiddleware(async (ctx) => {
            const email = accountEmail(ctx.body);
            // Not an email: the endpoint refuses it without checking any password.
            if (!email) return;
            const at = now();
            const since = new Date(at.getTime() - limits.windowMs);
            const seq = await attempts.record(email, at, since);
            const earlier = await attempts.before(email, seq, since);
            const waitMs = signInWaitMs(earlier.count, earlier.lastAt, at, limits);
            if (waitMs === 0 || (await fromKnownDevice(ctx, email))) return;
            await attempts.withdraw(seq);
            const seconds = Math.ceil(waitMs / 1000);
            throw new APIError(
              'TOO_MANY_REQUESTS',
              { code: SIGN_IN_DELAYED, message: `Too many failed sign-ins on this account. Try again in ${duration(seconds)}.` },
              { 'Retry-After': String(seconds) },
            );
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === SIGN_IN || ctx.path === SIGN_UP,
          handler: createAuthMiddleware(async (ctx) => {
            const signedIn = ctx.context.newSession;
            if (!signedIn) return;
            await attempts.clear(signedIn.user.email.toLowerCase());
            await rememberAccount(ctx, signedIn.user.id);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;

  /** Whether this browser has signed in to the account with this email before. */
  async function fromKnownDevice(ctx: Parameters<typeof knownAccounts>[0], email: string): Promise<boolean> {
    const known = await knownAccounts(ctx);
    if (known.length === 0) return false;
    const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
    return user !== null && known.includes(user.id);
  }
}

/** The sign-in's email, lowercased as accounts are stored, or null if it is not an email. */
function accountEmail(body: unknown): string | null {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' && z.email().safeParse(email).success ? email.toLowerCase() : null;
}

/** "30 seconds", "2 minutes". */
function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
