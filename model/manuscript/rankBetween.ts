import { generateKeyBetween } from 'fractional-indexing';

/**
 * A rank that sorts between two neighbours. Two co-writers adding a section at the same moment
 * can produce equal ranks (ties then break by id); this never throws on such neighbours but
 * places the new rank just after `before`.
 */
export function rankBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) return generateKeyBetween(before, null);
  return generateKeyBetween(before, after);
}
