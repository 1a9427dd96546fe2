import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { importPlainText } from '../../server/import/importPlainText';

/** The id of the sample novel every fresh installation starts with. */
export const SAMPLE_MANUSCRIPT_ID = 'sample';

/** The title the sample novel is given; its plain-text source has none. */
export const SAMPLE_TITLE = 'Call Time';

/** Path of the sample novel's text (a copy of the seed `004_80a059feb473feb6.txt`). */
export const SAMPLE_TEXT_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sample-novel.txt');

/** The sample novel, imported from its plain text. */
export function sampleManuscript(): ManuscriptJson {
  return importPlainText(readFileSync(SAMPLE_TEXT_PATH, 'utf8'), { title: SAMPLE_TITLE });
}
