import type { SectionKind } from '../manuscript/manuscriptJson';

/** One detected section, as the import preview lists it. */
export interface OutlineSection {
  kind: SectionKind;
  /** "Dedication", "Epigraphs", "Part One", "Chapter 3". */
  label: string;
  /** The chapter's or part's own title ('' if none). */
  title: string;
  subtitle: string;
  words: number;
  epigraphs: number;
  sceneHeadings: string[];
  sceneBreaks: number;
  /** The first words of its text, so the writer recognises it. */
  opening: string;
}

/**
 * What an import found, shown to the writer before anything is created (the `outline` of the
 * import routes' answers).
 */
export interface ImportOutline {
  title: string;
  words: number;
  sections: OutlineSection[];
}
