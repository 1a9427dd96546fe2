import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { buildManuscript } from './buildManuscript';
import { plainTextBlocks } from './plainTextBlocks';

/** Options for {@link importPlainText}. */
export interface PlainTextImportOptions {
  /** The manuscript's title, used when the text states none. */
  title: string;
  /** Makes section ids; defaults to random ids (tests pass a counter for stable output). */
  makeId?: () => string;
}

/**
 * Turns a plain-text draft into manuscript JSON: one paragraph per line, with the structure
 * {@link buildManuscript} detects (front matter, parts, chapters, scene headings and breaks).
 * Pure: no I/O.
 */
export function importPlainText(input: string, options: PlainTextImportOptions): ManuscriptJson {
  return buildManuscript(plainTextBlocks(input), { ...options, plain: true });
}
