/** Longest stretch of a query or replacement quoted in a revision's name (characters). */
const QUOTED = 40;

/** The name of the revision a replace-all records: `Replaced “Lena” with “Lina” (214)`. */
export function replacementRevisionName(found: string, replacement: string, count: number): string {
  const quote = (text: string) => `“${text.length > QUOTED ? `${text.slice(0, QUOTED - 1)}…` : text}”`;
  return `Replaced ${quote(found)} with ${quote(replacement)} (${count})`;
}
