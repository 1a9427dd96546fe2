/** Caret colours that stay readable on the page and distinct from one another. */
export const WRITER_COLORS = ['#c2410c', '#0f766e', '#7c3aed', '#be123c', '#1d4ed8', '#a16207', '#15803d', '#9d174d'];

const STORAGE_KEY = 'quire.writerColor';

/** The caret colour chosen in this browser; a random one is picked and kept on first use. */
export function loadWriterColor(): string {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (stored && /^#[0-9a-f]{6}$/i.test(stored)) return stored;
  const color = WRITER_COLORS[Math.floor(Math.random() * WRITER_COLORS.length)];
  window.localStorage.setItem(STORAGE_KEY, color);
  return color;
}

/** Keeps the caret colour in this browser. */
export function saveWriterColor(color: string): void {
  window.localStorage.setItem(STORAGE_KEY, color);
  window.dispatchEvent(new Event('quire:writer-color'));
}
