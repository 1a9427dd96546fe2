import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import type { PrismaClient } from '../generated/prisma/client';
import { authSecret } from '../config/authSecret';
import { requestOrigins } from './requestOrigins';

/**
 * Accounts on a database: email and password sign-up and sign-in, sessions in httpOnly cookies,
 * stored through Prisma. Sign-in attempts are rate limited per client address (5 a minute),
 * counted in the database so a restart does not reset them.
 */
export function createAuth(prisma: PrismaClient) {
  const publicUrl = process.env.BETTER_AUTH_URL;
  const configuredOrigins = process.env.TRUSTED_ORIGINS?.split(',').map((origin) => origin.trim()) ?? [];
  return betterAuth({
    appName: 'Quire',
    secret: authSecret(),
    baseURL: publicUrl,
    trustedOrigins: (request) => [...configuredOrigins, ...requestOrigins(request)],
    advanced: {
      // Secure cookies when the app is served over https; the embedded default is plain http.
      useSecureCookies: publicUrl ? publicUrl.startsWith('https://') : process.env.SECURE_COOKIES === 'true',
    },
    database: prismaAdapter(prisma, { provider: 'sqlite' }),
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
    telemetry: { enabled: false },
    // Failed sign-ins are expected in tests; elsewhere they are worth a warning in the log.
    logger: { level: process.env.NODE_ENV === 'test' ? 'error' : 'warn' },
  });
}

/** The auth instance type, for code that receives one. */
export type Auth = ReturnType<typeof createAuth>;
