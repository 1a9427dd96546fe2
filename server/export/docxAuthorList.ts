/**
 * Authors' names as one line for a title page or by-line: "Ada Quill", "Ada Quill and Ben Marsh",
 * "Ada Quill, Ben Marsh and Cy Dunn". Blank names are skipped; no authors gives "".
 */
export function docxAuthorList(authors: readonly string[]): string {
  const names = authors.map((name) => name.trim()).filter(Boolean);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
