/** How a writer appears to co-writers: a display name and a caret colour. */
export interface WriterIdentity {
  name: string;
  color: string;
}

/** Caret colours that stay readable on the page and distinct from one another. */
export const WRITER_COLORS = ['#c2410c', '#0f766e', '#7c3aed', '#be123c', '#1d4ed8', '#a16207', '#15803d', '#9d174d'];

const STORAGE_KEY = 'quire.writer';

/**
 * The identity kept in this browser. On first use a default one is made and kept at once, so
 * every part of the page (caret, presence list, name chip) shows the same name.
 */
export function loadWriterIdentity(): WriterIdentity {
  try {
    const stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<WriterIdentity> | null;
    if (stored && typeof stored.name === 'string' && stored.name.trim() && typeof stored.color === 'string') {
      return { name: stored.name.trim().slice(0, 40), color: stored.color };
    }
  } catch {
    // A corrupt entry is replaced below, like a missing one.
  }
  const number = Math.floor(Math.random() * 900) + 100;
  const fresh = { name: `Writer ${number}`, color: WRITER_COLORS[number % WRITER_COLORS.length] };
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(fresh));
  return fresh;
}

/** Keeps the identity in this browser until accounts exist. */
export function saveWriterIdentity(identity: WriterIdentity): void {
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ name: identity.name.trim().slice(0, 40), color: identity.color }));
  window.dispatchEvent(new Event('quire:writer'));
}
