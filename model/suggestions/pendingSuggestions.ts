/**
 * Settling suggestions on a ProseMirror document, through the suggestions library: the accepted
 * text, accepting or rejecting one, all, or one author's. Used by the server and tests; the
 * browser loads it (and the library) only when suggestions are made or settled.
 */
import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { manuscriptSchema } from '../schema';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { applySuggestion, applySuggestions, revertSuggestion, revertSuggestions } from '@handlewithcare/prosemirror-suggest-changes';
import { MARKER, hasSuggestions, jsonHasSuggestions, listSuggestions } from './listSuggestions';

function run(doc: PMNode, command: (state: EditorState, dispatch: (tr: Transaction) => void) => boolean): PMNode {
  let result = doc;
  command(EditorState.create({ doc }), (tr) => {
    result = tr.doc;
  });
  return result;
}

/** Removes the zero-width markers a suggestion left behind once it is settled. */
export function withoutMarkers(doc: PMNode): PMNode {
  const state = EditorState.create({ doc });
  const tr = state.tr;
  const found: number[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText || !node.text?.includes(MARKER)) return true;
    for (let i = 0; i < node.text.length; i++) if (node.text[i] === MARKER) found.push(pos + i);
    return false;
  });
  for (const pos of found.reverse()) tr.delete(pos, pos + 1);
  return tr.doc;
}

/**
 * The document as accepted so far: every pending suggestion left out (proposed text dropped,
 * text proposed for removal kept). What exports and word counts read.
 */
export function acceptedText(doc: PMNode): PMNode {
  if (!hasSuggestions(doc)) return doc;
  return withoutMarkers(run(doc, revertSuggestions));
}

/** The document with every pending suggestion accepted. */
export function acceptAll(doc: PMNode): PMNode {
  if (!hasSuggestions(doc)) return doc;
  return withoutMarkers(run(doc, applySuggestions));
}

/** The document with the suggestions of one author left out (the sync server's view of a commenter's update). */
export function withoutSuggestionsBy(doc: PMNode, authorId: string): PMNode {
  let result = doc;
  for (const suggestion of listSuggestions(doc)) {
    if (suggestion.authorId === authorId) result = run(result, revertSuggestion(suggestion.id));
  }
  return result === doc ? doc : withoutMarkers(result);
}

/** Accepts (`true`) or rejects one suggestion; null when the document has no such suggestion. */
export function settleSuggestion(doc: PMNode, id: string, accept: boolean): PMNode | null {
  let result: PMNode | null = null;
  const command = accept ? applySuggestion(id) : revertSuggestion(id);
  command(EditorState.create({ doc }), (tr) => {
    result = tr.doc;
  });
  return result;
}

/** {@link acceptedText} for a section's ProseMirror JSON (returned as is when it has no suggestion). */
export function acceptedContent(content: JSONContent): JSONContent {
  if (!jsonHasSuggestions(content)) return content;
  return acceptedText(manuscriptSchema.nodeFromJSON(content)).toJSON() as JSONContent;
}
