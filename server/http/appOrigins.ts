/**
 * The origins the app's own pages are served from, the only ones allowed to send it requests that
 * change anything:
 *
 * - the configured public URL (`BETTER_AUTH_URL`) and any `TRUSTED_ORIGINS` (comma-separated);
 * - the host the request itself was addressed to (its `Host`, or `X-Forwarded-Host` when a
 *   trusted proxy passed it on; the app's front removes it from anyone else), so a default
 *   install works as localhost, 127.0.0.1 or a LAN address without configuration. A page on
 *   another site, or on another port of the same host, names itself in `Origin`, never this host
 *   and port. Either scheme is accepted for it: behind a TLS-terminating proxy that is not listed
 *   in TRUSTED_PROXIES the app cannot tell which one the browser used.
 */
export function appOrigins(request?: Request): string[] {
  return [...configuredOrigins(), ...requestOwnOrigins(request)];
}

/** `BETTER_AUTH_URL` and `TRUSTED_ORIGINS`, as origins. */
export function configuredOrigins(env: Record<string, string | undefined> = process.env): string[] {
  const entries = [env.BETTER_AUTH_URL, ...(env.TRUSTED_ORIGINS ?? '').split(',')];
  return entries.map((entry) => entry?.trim()).flatMap((entry) => (entry ? [asOrigin(entry)] : []));
}

/** The origins of the address the request was sent to, over http and https. */
export function requestOwnOrigins(request?: Request): string[] {
  if (!request) return [];
  const forwardedHost = request.headers.get('x-forwarded-host')?.split(',')[0].trim();
  const host = forwardedHost || request.headers.get('host') || new URL(request.url).host;
  return [`http://${host}`, `https://${host}`].map(asOrigin);
}

/** An origin in the form browsers send it (lowercase, default port dropped); unparsable text is kept as written. */
export function asOrigin(text: string): string {
  try {
    return new URL(text).origin;
  } catch {
    return text.replace(/\/+$/, '');
  }
}
