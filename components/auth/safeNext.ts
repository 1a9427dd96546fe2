/** Any origin will do: only whether the path stays on it matters. */
const HERE = 'http://quire.invalid';

/**
 * A `next` parameter reduced to a path inside this app, so a link can never send anyone
 * elsewhere. The value is resolved as a browser would resolve it (which reads `/\host` and
 * `/<tab>/host` as `//host`) and kept only if it stays on this origin.
 */
export function safeNext(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith('/')) return '/';
  let resolved: URL;
  try {
    resolved = new URL(value, HERE);
  } catch {
    return '/';
  }
  if (resolved.origin !== HERE) return '/';
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
