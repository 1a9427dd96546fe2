import { NextResponse } from 'next/server';
import { HttpError } from './HttpError';
import { mediaType } from './mediaType';
import { assertSameOrigin } from './sameOrigin';

/** Methods that only read; every other method changes something and must come from our own pages. */
const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Wraps a route handler so that a request changing anything (any method but GET, HEAD, OPTIONS)
 * is answered 403 unless it came from the app's own origin (see sameOrigin), an
 * {@link HttpError} becomes a JSON error with its status, and anything unexpected becomes a 500
 * without internals.
 */
export function jsonRoute<Rest extends unknown[]>(handler: (request: Request, ...rest: Rest) => Promise<Response>) {
  return async (request: Request, ...rest: Rest): Promise<Response> => {
    try {
      if (!READ_ONLY_METHODS.has(request.method)) assertSameOrigin(request);
      return await handler(request, ...rest);
    } catch (error) {
      if (error instanceof HttpError) return NextResponse.json({ error: error.message }, { status: error.status });
      console.error(error);
      return NextResponse.json({ error: 'Something went wrong on the server. Nothing was changed.' }, { status: 500 });
    }
  };
}

/**
 * Reads a JSON body: 415 unless it is declared `application/json` (a `text/plain` body is one a
 * page on any site may send without asking), 400 if it does not parse.
 */
export async function readJson(request: Request): Promise<unknown> {
  if (mediaType(request) !== 'application/json') throw new HttpError(415, 'Send the body as JSON, with Content-Type: application/json.');
  try {
    return await request.json();
  } catch {
    throw new HttpError(400, 'Send a JSON body.');
  }
}
