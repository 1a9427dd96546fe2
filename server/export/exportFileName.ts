/** Characters no common file system accepts in a name, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/**
 * A download's file name from the book's title and what was exported: "Call Time.pdf",
 * "Call Time - Chapter 3 - Low Water.epub", "Call Time - manuscript.docx".
 */
export function exportFileName(title: string, extension: string, parts: string[] = []): string {
  const base = [title, ...parts]
    .map((part) => part.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join(' - ')
    .slice(0, 150)
    .replace(/^\.+/, '')
    .trim();
  return `${base || 'Untitled'}.${extension}`;
}

/** A Content-Disposition header that carries a Unicode file name safely (RFC 6266 / 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'download';
  // RFC 5987 allows fewer characters unescaped than encodeURIComponent leaves alone.
  const encoded = encodeURIComponent(fileName).replace(/['()*!]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
