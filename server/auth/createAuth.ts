import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import type { PrismaClient } from '../generated/prisma/client';
import { databaseProviderOf } from '../createPrismaClient';
import { authSecret } from '../config/authSecret';
import { announcedAppUrl } from '../config/appUrl';
import { trustedProxies } from '../config/trustedProxies';
import { appOrigins } from '../http/appOrigins';
import { accountSignInLimit, type AccountSignInLimitOptions } from './accountSignInLimit';
import { accountNameLimit } from './accountNameLimit';

/** Settings tests change; the app uses the defaults. */
export interface CreateAuthOptions {
  /** The per-account sign-in limit's windows and clock (see accountSignInLimit). */
  accountSignInLimit?: AccountSignInLimitOptions;
}

/**
 * Accounts on a database: email and password sign-up and sign-in, sessions in httpOnly cookies,
 * stored through Prisma. Sign-in attempts are limited twice, both counted in the database so a
 * restart does not reset them: per client address (5 a minute; the address is the connection's
 * own, or what a proxy listed in TRUSTED_PROXIES forwarded, see server/web/forwardingHeaders),
 * and per account whatever the address (see accountSignInLimit).
 */
export function createAuth(prisma: PrismaClient, options: CreateAuthOptions = {}) {
  const publicUrl = process.env.BETTER_AUTH_URL;
  return betterAuth({
    appName: 'Quire',
    secret: authSecret(),
    // Without a configured public URL, the address `npm start` announces: links and origins work
    // for any host the app is reached at anyway (trustedOrigins below), and the library has no
    // need to guess one from each request.
    baseURL: publicUrl || announcedAppUrl(),
    trustedOrigins: (request) => appOrigins(request),
    advanced: {
      // Secure cookies when the app is served over https; the embedded default is plain http.
      useSecureCookies: publicUrl ? publicUrl.startsWith('https://') : process.env.SECURE_COOKIES === 'true',
      // The same proxies the app's front trusts: their X-Forwarded-For chain is walked from the
      // right, past them, to the client. Without any, only the single address the front sets is read.
      ipAddress: { trustedProxies: trustedProxies() },
    },
    database: prismaAdapter(prisma, { provider: databaseProviderOf(prisma) }),
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    rateLimit: {
      enabled: process.env.AUTH_RATE_LIMIT !== 'off',
      storage: 'database',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: 5 },
        '/sign-up/email': { window: 60, max: 10 },
      },
    },
    plugins: [accountSignInLimit(prisma, options.accountSignInLimit), accountNameLimit()],
    telemetry: { enabled: false },
    // Failed sign-ins are expected in tests; elsewhere they are worth a warning in the log.
    logger: { level: process.env.NODE_ENV === 'test' ? 'error' : 'warn' },
  });
}

/** The auth instance type, for code that receives one. */
export type Auth = ReturnType<typeof createAuth>;
