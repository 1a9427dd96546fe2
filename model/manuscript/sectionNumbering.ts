import type { SectionKind } from './manuscriptJson';
import { partLabel } from './partLabel';

/** What numbering reads of a section: its kind and, for its label, its title as typed. */
export interface SectionToNumber {
  kind: SectionKind;
  /** A chapter's or part's own title ('' or absent when untitled; not read for front matter). */
  title?: string;
}

/** A section's number and the labels it goes by, which follow from its place in the book. */
export interface SectionNumber {
  /** 1-based place among the book's chapters (for a chapter) or its parts (for a part); 0 for front matter. */
  number: number;
  /** Kind and number alone: "Chapter 3", "Part Two", "Dedication", "Epigraphs". */
  numberLabel: string;
  /**
   * The name the binder and the history show: a chapter's title, or "Chapter 3" while it has
   * none; "Part Two: Roots", or "Part Two"; "Dedication"; "Epigraphs".
   */
  label: string;
}

/** How many chapters and parts come before the first section numbered (for sections appended to a book). */
export interface NumberingStart {
  chapters: number;
  parts: number;
}

/**
 * Numbers sections given in reading order. Chapters count 1, 2, 3… through the whole book,
 * across parts; parts count on their own and are spelled out ("Part Two"); front matter has no
 * number. Titles are trimmed. A section of a kind Quire does not write gets no number and goes by
 * its title. Pure: the one place where chapter and part numbers and labels are worked out.
 */
export function numberSections(sections: readonly SectionToNumber[], start: NumberingStart = { chapters: 0, parts: 0 }): SectionNumber[] {
  let chapters = start.chapters;
  let parts = start.parts;
  return sections.map(({ kind, title = '' }): SectionNumber => {
    const name = title.trim();
    switch (kind) {
      case 'chapter': {
        const number = ++chapters;
        const numberLabel = `Chapter ${number}`;
        return { number, numberLabel, label: name || numberLabel };
      }
      case 'part': {
        const number = ++parts;
        const numberLabel = partLabel(number);
        return { number, numberLabel, label: name ? `${numberLabel}: ${name}` : numberLabel };
      }
      case 'dedication':
        return { number: 0, numberLabel: 'Dedication', label: 'Dedication' };
      case 'epigraphs':
        return { number: 0, numberLabel: 'Epigraphs', label: 'Epigraphs' };
      default:
        return { number: 0, numberLabel: '', label: name };
    }
  });
}
