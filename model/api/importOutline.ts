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
  /** A chapter's text blocks after its heading and epigraphs, each by its first words ("* * *" for a break): where the preview may split it. */
  blocks: string[];
}

/**
 * A writer's fix, in the import preview, to what was detected; applied in order, each to the
 * sections as the ones before left them (`section`: an index into that list).
 * - `kind`: the section becomes another kind; `text` joins its words to the section before.
 * - `merge`: the next section's words join this one (its heading as a line of text).
 * - `split`: a new, untitled chapter starts at this chapter's text block `block` (≥ 1).
 */
export type ImportCorrection =
  | { op: 'kind'; section: number; kind: SectionKind | 'text' }
  | { op: 'merge'; section: number }
  | { op: 'split'; section: number; block: number };

/**
 * What an import found, shown to the writer before anything is created (the `outline` of the
 * import routes' answers).
 */
export interface ImportOutline {
  title: string;
  /** The language the file says it is in (a Word document's, a Markdown file's `lang`); absent when it says none. */
  language?: string;
  words: number;
  sections: OutlineSection[];
}
