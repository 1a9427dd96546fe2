/** A `next` parameter reduced to a path inside this app, so a link can never send anyone elsewhere. */
export function safeNext(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}
