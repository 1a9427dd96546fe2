/**
 * The format-independent shape every exporter consumes: a book (or a selection of its sections)
 * reduced to what typesetting needs. Built from manuscript JSON by {@link ./exportBookFrom}; each
 * exporter is a pure function of it, so formats can never disagree about what the book contains.
 */

/**
 * A run of text with its emphasis, or a line break inside a block (verse, addresses). `code`:
 * set in a monospace face (the editor's code mark); absent on ordinary text.
 */
export type ExportInline =
  | {
      text: string;
      bold: boolean;
      italic: boolean;
      code?: boolean;
      suggestion?: ExportSuggestion;
      /** Comments (by {@link ExportComment.number}) whose passage starts at this run / ends with it. */
      commentStarts?: number[];
      commentEnds?: number[];
    }
  | { lineBreak: true };

/** An open comment thread, in an export with suggestions shown: numbered in reading order. */
export interface ExportComment {
  number: number;
  /** Who started the thread, and when. */
  author: string;
  date: Date;
  /** The thread's comments, each "Name: text", in order. */
  paragraphs: string[];
}

/**
 * A pending suggestion on a run, present only in an export "with suggestions shown": text
 * proposed for adding (`insertion`) or for removal (`deletion`), by whom and when.
 */
export interface ExportSuggestion {
  kind: 'insertion' | 'deletion';
  id: string;
  author: string;
  date: Date | null;
}

/** One block of a chapter's body. */
export type ExportBlock =
  | { type: 'paragraph'; inlines: ExportInline[] }
  | { type: 'sceneHeading'; inlines: ExportInline[] }
  | { type: 'sceneBreak' };

/** One epigraph: the quotation and who said it (without the dash; exporters add it). */
export interface ExportEpigraph {
  quote: ExportInline[];
  attribution: ExportInline[];
}

/** One section of the book, in reading order. Numbers follow the section's place in the whole book. */
export type ExportSection =
  | { kind: 'dedication'; id: string; paragraphs: ExportInline[][] }
  | { kind: 'epigraphs'; id: string; epigraphs: ExportEpigraph[] }
  | {
      kind: 'part';
      id: string;
      number: number;
      /** "Part One". */
      label: string;
      /** May be empty: an untitled part shows its label alone. */
      title: ExportInline[];
      /** The epigraphs the part opens with, under its title (often none). */
      epigraphs: ExportEpigraph[];
      /** Text on the part's page under its title (often none). */
      paragraphs: ExportInline[][];
    }
  | {
      kind: 'chapter';
      id: string;
      number: number;
      /** "Chapter 3". */
      label: string;
      /** May be empty: an untitled chapter shows its label alone. */
      title: ExportInline[];
      subtitle: ExportInline[];
      /** The epigraphs the chapter opens with, before its text (often none). */
      epigraphs: ExportEpigraph[];
      blocks: ExportBlock[];
    };

/** A book ready to export. */
export interface ExportBook {
  title: string;
  /** Display names of the book's authors (its owners and editors), in a stable order. */
  authors: string[];
  /** BCP 47 language tag, e.g. "en". */
  language: string;
  /** Stable identifier of the manuscript (used as the EPUB's unique identifier). */
  identifier: string;
  /** When the exported state was last changed. */
  modified: Date;
  /** Who to contact about the manuscript (Standard Manuscript Format's first-page block). */
  contact: { name: string; email: string };
  /** Words in the exported sections, counted as the editor counts them (titles included). */
  wordCount: number;
  /** Whether this is the whole book or a selection of its sections. */
  scope: 'book' | 'selection';
  sections: ExportSection[];
  /** Open comment threads on the exported text (DOCX writes them as Word comments); absent unless suggestions are shown. */
  comments?: ExportComment[];
}

/** The plain text of inlines, line breaks as newlines. */
export function inlineText(inlines: ExportInline[]): string {
  return inlines.map((inline) => ('lineBreak' in inline ? '\n' : inline.text)).join('');
}

/** A section's heading as one line: "Chapter 3: The Title", or "Chapter 3" when untitled. */
export function headingLine(section: { label: string; title: ExportInline[] }): string {
  const title = inlineText(section.title).trim();
  return title ? `${section.label}: ${title}` : section.label;
}
