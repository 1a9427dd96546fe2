import type { ImportBlock } from './importBlock';
import { plainTextLines } from './plainTextLines';

/** Plain text as blocks: every non-empty line is a paragraph, since drafts exported as text put one per line. */
export function plainTextBlocks(text: string): ImportBlock[] {
  return plainTextLines(text).map((line) => ({ kind: 'paragraph', inlines: [{ type: 'text', text: line }] }));
}
