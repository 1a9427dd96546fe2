import type { SectionKind } from './manuscriptJson';
import type { SectionRef } from './manuscriptLayout';
import { rankBetween } from './rankBetween';

const isFrontMatter = (kind: SectionKind) => kind === 'dedication' || kind === 'epigraphs';

/**
 * Where appended sections go in a book whose sections are `order` (reading order): parts and
 * chapters after the last section, front matter after the book's existing front matter (before
 * its first part or chapter), each in the order given. Returns one rank per kind given.
 */
export function appendRanks(order: SectionRef[], kinds: SectionKind[]): string[] {
  const firstBody = order.findIndex((s) => !isFrontMatter(s.kind));
  // Front matter goes between the last existing front matter and the first chapter.
  let frontBefore = firstBody > 0 ? order[firstBody - 1].rank : firstBody === 0 ? null : (order.at(-1)?.rank ?? null);
  const frontAfter = firstBody >= 0 ? order[firstBody].rank : null;
  let bodyBefore = order.at(-1)?.rank ?? null;
  return kinds.map((kind) => {
    if (isFrontMatter(kind)) {
      const rank = rankBetween(frontBefore, frontAfter);
      frontBefore = rank;
      if (firstBody < 0) bodyBefore = rank;
      return rank;
    }
    const rank = rankBetween(bodyBefore, null);
    bodyBefore = rank;
    return rank;
  });
}
