import type { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import type { TextMatch } from './findMatches';
import { replacementFor } from './searchQuery';

/**
 * Applies the replacement of `matches` (found in `doc`, in reading order) to a transform: each
 * match's text becomes the replacement, formatted like the match's first character (a name in
 * italics stays in italics, a comment on it stays on it). Works from the last match back, so the
 * earlier ranges stay where they were found. The editor replaces one this way, the server all.
 */
export function replaceInTransform(tr: Transform, matches: readonly TextMatch[], replacement: string, regex: boolean): void {
  for (let i = matches.length - 1; i >= 0; i--) {
    const match = matches[i];
    const text = replacementFor(replacement, match.captures, regex);
    if (text === '') {
      tr.delete(match.from, match.to);
      continue;
    }
    const marks = tr.doc.nodeAt(match.from)?.marks ?? [];
    tr.replaceWith(match.from, match.to, tr.doc.type.schema.text(text, marks));
  }
}

/** `doc` with every match replaced (see {@link replaceInTransform}). */
export function replaceMatches(doc: PMNode, matches: readonly TextMatch[], replacement: string, regex: boolean): PMNode {
  if (matches.length === 0) return doc;
  const tr = new Transform(doc);
  replaceInTransform(tr, matches, replacement, regex);
  return tr.doc;
}
