/** The cookie that marks a browser as one an account has signed in from before. */
export const KNOWN_DEVICE_COOKIE = 'quire.known_device';

/** How long a browser stays known after its last sign-in: a year. */
const KNOWN_DEVICE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** Accounts remembered per browser; the oldest is forgotten first. */
const MAX_ACCOUNTS_PER_DEVICE = 8;

/** The parts of a better-auth middleware context the cookie is read and written through. */
interface CookieContext {
  getSignedCookie(key: string, secret: string): Promise<string | false | null>;
  setSignedCookie(key: string, value: string, secret: string, options?: { httpOnly?: boolean; secure?: boolean; sameSite?: 'Lax'; path?: string; maxAge?: number }): Promise<string>;
  context: { secret: string; authCookies: { sessionToken: { attributes: { secure?: boolean } } } };
}

/** The cookie's name: `__Secure-`-prefixed when cookies are Secure (served over https), like the session cookie. */
function cookieName(ctx: CookieContext): string {
  return ctx.context.authCookies.sessionToken.attributes.secure ? `__Secure-${KNOWN_DEVICE_COOKIE}` : KNOWN_DEVICE_COOKIE;
}

/**
 * The accounts (user ids) this browser has signed in to before, from its signed httpOnly cookie;
 * none if it has no cookie or one whose signature fails. A page cannot read or forge it, so only
 * a browser its owner actually used carries it.
 */
export async function knownAccounts(ctx: CookieContext): Promise<string[]> {
  const value = await ctx.getSignedCookie(cookieName(ctx), ctx.context.secret);
  return value ? value.split(',').filter(Boolean) : [];
}

/** Adds an account to this browser's known-device cookie (most recent first). */
export async function rememberAccount(ctx: CookieContext, userId: string): Promise<void> {
  const accounts = [userId, ...(await knownAccounts(ctx)).filter((id) => id !== userId)].slice(0, MAX_ACCOUNTS_PER_DEVICE);
  await ctx.setSignedCookie(cookieName(ctx), accounts.join(','), ctx.context.secret, {
    httpOnly: true,
    secure: ctx.context.authCookies.sessionToken.attributes.secure,
    sameSite: 'Lax',
    path: '/',
    maxAge: KNOWN_DEVICE_MAX_AGE_SECONDS,
  });
}
