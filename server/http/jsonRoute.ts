import { NextResponse } from 'next/server';
import { HttpError } from './HttpError';

/**
 * Wraps a route handler so that an {@link HttpError} becomes a JSON error with its status, and
 * anything unexpected becomes a 500 without internals.
 */
export function jsonRoute<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof HttpError) return NextResponse.json({ error: error.message }, { status: error.status });
      console.error(error);
      return NextResponse.json({ error: 'Something went wrong on the server. Nothing was changed.' }, { status: 500 });
    }
  };
}

/** Reads a JSON body, or throws a 400 that says what was expected. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new HttpError(400, 'Send a JSON body.');
  }
}
