/**
 * The address `npm start` announces for the app: `http://localhost:PORT` when it listens on every
 * interface (the default `HOST` 0.0.0.0), otherwise `http://HOST:PORT`. Without a configured
 * `BETTER_AUTH_URL` this is the base URL the auth library is given, so it never has to guess.
 */
export function announcedAppUrl(env: Record<string, string | undefined> = process.env): string {
  const port = env.PORT || '3000';
  const host = env.HOST || '0.0.0.0';
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}
