import { configuredOrigins } from '../http/appOrigins';

/** Where the app is served from, as the sync server needs to know it to check browsers' origins. */
export interface AppOrigins {
  /** Origins configured explicitly: the public URL (BETTER_AUTH_URL) and TRUSTED_ORIGINS. */
  configured: string[];
  /** The app's port, for a default install where app and sync server share a host name. */
  appPort: number;
}

/** The app's origins from the environment the sync process shares with the app. */
export function appOriginsFromEnv(env: Record<string, string | undefined> = process.env): AppOrigins {
  return { configured: configuredOrigins(env), appPort: Number(env.PORT ?? 3000) };
}

/**
 * Whether a cookie-authenticated websocket upgrade comes from a page of the app itself. Browsers
 * always send Origin on a websocket handshake, so none (or one that does not parse) is refused.
 * Allowed: a configured origin, or, for a default local install, the app's port on the same host
 * name the sync server was reached at (a page on another port of that host is another site).
 */
export function isAppOrigin(origin: string | undefined, host: string | undefined, app: AppOrigins): boolean {
  const claimed = origin ? originOf(origin) : null;
  if (!claimed) return false;
  if (app.configured.includes(claimed)) return true;
  if (!host) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  return [`http://${hostname}:${app.appPort}`, `https://${hostname}:${app.appPort}`].some((allowed) => originOf(allowed) === claimed);
}

/** The normalized origin of a URL, or null if it is not one. */
function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
