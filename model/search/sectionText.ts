import type { Node as PMNode } from '@tiptap/pm/model';
import { markNames } from '../schema/names';
import { MARKER } from '../suggestions/listSuggestions';

/**
 * Stands between text that must not be found as one: two blocks, the two sides of a line break,
 * of text the search leaves out, or of a pending suggestion's edge. A line end, so that `.` does
 * not run across it and `^`/`$` (the `m` flag) stand at it; a match that would hold one is no match.
 */
export const GAP = '\n';

/**
 * A section's text as search reads it: every text block's characters in reading order, with
 * {@link GAP} between blocks and wherever text is left out, and for each character the
 * ProseMirror position it starts at (-1 for a gap), so a match maps back to a range to select
 * or replace.
 */
export interface SectionText {
  text: string;
  positions: Int32Array;
}

/**
 * Reads a section's document for search. Pending suggestions count as the query says: without
 * `includeSuggestions`, proposed text is left out (the text as accepted so far); with it, text
 * proposed for removal is left out (the text as it would read). The suggestions' zero-width
 * markers are always left out.
 */
export function sectionText(doc: PMNode, includeSuggestions: boolean): SectionText {
  const skipped = includeSuggestions ? markNames.deletion : markNames.insertion;
  const chars: string[] = [];
  const positions: number[] = [];
  const gap = () => {
    if (chars.length > 0 && chars[chars.length - 1] !== GAP) {
      chars.push(GAP);
      positions.push(-1);
    }
  };
  // The pending suggestion the last character read belongs to ('' for none): a match never
  // straddles a suggestion's edge, so a replacement cannot settle or spread someone's proposal.
  let lastSuggestion = '';
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      gap();
      lastSuggestion = '';
      return true;
    }
    if (!node.isInline) return true;
    if (!node.isText || node.marks.some((mark) => mark.type.name === skipped)) {
      gap();
      lastSuggestion = '';
      return false;
    }
    const text = node.text!;
    const suggestion = node.marks.find((mark) => mark.type.name === markNames.insertion || mark.type.name === markNames.deletion || mark.type.name === markNames.modification);
    const key = suggestion ? `${suggestion.type.name}:${String(suggestion.attrs.id)}` : '';
    if (key !== lastSuggestion) gap();
    lastSuggestion = key;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === MARKER) {
        gap();
        continue;
      }
      chars.push(text[i]);
      positions.push(pos + i);
    }
    return false;
  });
  return { text: chars.join(''), positions: Int32Array.from(positions) };
}
