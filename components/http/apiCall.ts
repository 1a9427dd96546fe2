/**
 * Sends a JSON request to the app's API and returns the parsed body, or throws an Error carrying
 * the server's own message (`{ "error": … }`), or `fallback` when it sent none.
 */
export async function apiCall<T>(url: string, init: RequestInit & { json?: unknown } = {}, fallback?: string): Promise<T> {
  const { json, ...rest } = init;
  const response = await fetch(url, {
    ...rest,
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    headers: { 'content-type': 'application/json', ...rest.headers },
  });
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? fallback ?? `The server answered ${response.status}.`);
  return body;
}
