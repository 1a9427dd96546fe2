/**
 * The origins a request was addressed to, from its Host (and, behind a proxy, X-Forwarded-Host)
 * header. Trusting them lets the app be reached as localhost, 127.0.0.1 or a LAN address without
 * configuration, while a page on another site still fails the origin check: its Origin header
 * names that site, never our host.
 */
export function requestOrigins(request?: Request): string[] {
  if (!request) return [];
  const hosts = [request.headers.get('x-forwarded-host'), request.headers.get('host')].filter((host): host is string => Boolean(host));
  return hosts.flatMap((host) => [`http://${host}`, `https://${host}`]);
}
