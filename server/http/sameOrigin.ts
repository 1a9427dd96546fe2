import { appOrigins, asOrigin } from './appOrigins';
import { HttpError } from './HttpError';

/**
 * Whether a request was sent by one of the app's own pages: its `Origin` header names one of
 * {@link appOrigins}. Browsers send `Origin` with every POST, PUT, PATCH and DELETE, so a missing
 * one means the request did not come from a browser page of ours and is refused too.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin || origin === 'null') return false;
  return appOrigins(request).includes(asOrigin(origin));
}

/** Throws a 403 unless {@link isSameOrigin}: session cookies travel with other sites' requests too. */
export function assertSameOrigin(request: Request): void {
  if (!isSameOrigin(request)) throw new HttpError(403, 'This request did not come from Quire’s own pages, so it was refused.');
}
