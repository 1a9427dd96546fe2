/** An error a route handler answers with: its status and a message fit to show a writer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** 404, worded the same whether the manuscript is missing or not yours, so neither leaks. */
export const notFound = () => new HttpError(404, 'There is no such manuscript.');
