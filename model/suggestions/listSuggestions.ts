import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { suggestionAuthor, suggestionTime } from './suggestionId';

/** The zero-width space the suggestions library leaves as a marker where a change crosses a paragraph's end. */
export const MARKER = '\u200B';

/** The names of the marks that hold a pending suggestion. */
export const SUGGESTION_MARKS = ['insertion', 'deletion', 'modification'] as const;

/** One pending suggestion in a section: what it adds and removes, by whom, when, and where. */
export interface PendingSuggestion {
  id: string;
  authorId: string | null;
  at: Date | null;
  inserted: string;
  deleted: string;
  /** Where its first and last marked text lie in the section's document. */
  from: number;
  to: number;
}

/** Whether a document holds any pending suggestion. */
export function hasSuggestions(doc: PMNode): boolean {
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    if (node.marks.some((mark) => (SUGGESTION_MARKS as readonly string[]).includes(mark.type.name))) found = true;
    return !found;
  });
  return found;
}

/** Every pending suggestion in a document, in reading order. */
export function listSuggestions(doc: PMNode): PendingSuggestion[] {
  const byId = new Map<string, PendingSuggestion>();
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type.name !== 'insertion' && mark.type.name !== 'deletion') continue;
      const id = String(mark.attrs.id);
      let suggestion = byId.get(id);
      if (!suggestion) {
        suggestion = { id, authorId: suggestionAuthor(id), at: suggestionTime(id), inserted: '', deleted: '', from: pos, to: pos };
        byId.set(id, suggestion);
      }
      const text = (node.text ?? '').replaceAll(MARKER, '');
      if (mark.type.name === 'insertion') suggestion.inserted += text;
      else suggestion.deleted += text;
      suggestion.to = pos + node.nodeSize;
    }
    return false;
  });
  return [...byId.values()];
}

/** Whether section JSON carries a suggestion mark anywhere (cheap: no schema needed). */
export function jsonHasSuggestions(node: JSONContent): boolean {
  if (node.marks?.some((mark) => (SUGGESTION_MARKS as readonly string[]).includes(mark.type))) return true;
  return (node.content ?? []).some(jsonHasSuggestions);
}
