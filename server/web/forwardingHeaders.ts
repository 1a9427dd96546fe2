import type { IncomingHttpHeaders } from 'node:http';
import { unmappedAddress, type ProxyMatcher } from './proxyMatcher';

/**
 * Headers in which a client could claim to be someone else, or to have reached another address.
 * Only a trusted proxy may set them.
 */
const PROXY_ONLY_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'x-real-ip'] as const;

/** Header values to set on a request before the app sees it; `null` removes the header. */
export type HeaderChanges = Record<string, string | null>;

/**
 * How the forwarding headers of a request that arrived over a connection from `peerAddress` must
 * change so that the app (Next.js, better-auth's rate limits) sees the real client:
 *
 * - from any peer that is not a trusted proxy, `X-Forwarded-For` becomes the peer's own address
 *   and the other forwarding headers are removed, since the client wrote them;
 * - from a trusted proxy, the chain it forwarded is kept and the proxy's own address appended,
 *   as every hop does; better-auth, given the same proxy list, then walks the chain from the
 *   right past the trusted hops to the first address no proxy vouches for.
 *
 * Next.js fills in any forwarding header still missing from the connection itself.
 */
export function forwardingHeaders(peerAddress: string | undefined, headers: IncomingHttpHeaders, isTrustedProxy: ProxyMatcher): HeaderChanges {
  const peer = peerAddress ? unmappedAddress(peerAddress) : undefined;
  if (peer && isTrustedProxy(peer)) {
    const forwarded = [headers['x-forwarded-for']].flat().filter(Boolean).join(', ');
    return { 'x-forwarded-for': forwarded ? `${forwarded}, ${peer}` : peer };
  }
  const changes: HeaderChanges = { 'x-forwarded-for': peer ?? null };
  for (const name of PROXY_ONLY_HEADERS) changes[name] = null;
  return changes;
}

/** Applies {@link HeaderChanges} to a Node request's headers in place. */
export function applyHeaderChanges(headers: IncomingHttpHeaders, changes: HeaderChanges): void {
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
}
