/**
 * The origin people reach the app at, for links the app hands out (invitations): BETTER_AUTH_URL
 * if configured, else the host the request was addressed to. Not `request.url`, which names the
 * address the server is bound to (0.0.0.0 by default).
 */
export function publicOrigin(request: Request): string {
  const configured = process.env.BETTER_AUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? new URL(request.url).host;
  const protocol = request.headers.get('x-forwarded-proto')?.split(',')[0].trim() ?? 'http';
  return `${protocol}://${host}`;
}
