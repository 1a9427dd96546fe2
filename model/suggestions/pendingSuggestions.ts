/**
 * Settling suggestions on a ProseMirror document, through the suggestions library: the accepted
 * text, accepting or rejecting one, all, or one author's. Used by the server and tests; the
 * browser loads it (and the library) only when suggestions are made or settled.
 */
import type { JSONContent } from '@tiptap/core';
import { Fragment, type Node as PMNode } from '@tiptap/pm/model';
import { manuscriptSchema } from '../schema';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { applySuggestion, applySuggestions, revertSuggestion, revertSuggestions } from '@handlewithcare/prosemirror-suggest-changes';
import { Transform } from '@tiptap/pm/transform';
import { MARKER, hasSuggestions, jsonHasSuggestions } from './listSuggestions';
import { suggestionAuthor } from './suggestionId';

function run(doc: PMNode, command: (state: EditorState, dispatch: (tr: Transaction) => void) => boolean): PMNode {
  let result = doc;
  command(EditorState.create({ doc }), (tr) => {
    result = tr.doc;
  });
  return result;
}

/** Removes the zero-width markers a suggestion left behind once it is settled (one pass, rebuilding only what holds any). */
export function withoutMarkers(doc: PMNode): PMNode {
  if (!doc.textContent.includes(MARKER)) return doc;
  const strip = (node: PMNode): PMNode => {
    if (!node.textContent.includes(MARKER)) return node;
    const children: PMNode[] = [];
    node.forEach((child) => {
      if (!child.isText) children.push(strip(child));
      else {
        const text = child.text!.replaceAll(MARKER, '');
        if (text) children.push(child.type.schema.text(text, child.marks));
      }
    });
    return node.copy(Fragment.from(children));
  };
  return strip(doc);
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

/**
 * The document with the suggestions of one author left out (the sync server's view of a
 * commenter's update): their proposed text dropped, their proposed deletions unmarked, and the
 * zero-width markers their deletions carried removed; anyone else's suggestions and markers stay
 * as they are. One pass over the document whatever the number of suggestions: the author's marks
 * are first given one common id, then reverted together.
 */
export function withoutSuggestionsBy(doc: PMNode, authorId: string): PMNode {
  const { insertion, deletion } = doc.type.schema.marks;
  const common = `${authorId}|settling|0`;
  const tr = new Transform(doc);
  const markers: number[] = [];
  let found = false;
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if ((mark.type !== insertion && mark.type !== deletion) || suggestionAuthor(mark.attrs.id) !== authorId) continue;
      found = true;
      if (mark.attrs.id !== common) {
        tr.removeMark(pos, pos + node.nodeSize, mark);
        tr.addMark(pos, pos + node.nodeSize, mark.type.create({ id: common }));
      }
      if (mark.type === deletion) for (let i = 0; i < node.text!.length; i++) if (node.text![i] === MARKER) markers.push(pos + i);
    }
    return false;
  });
  if (!found) return doc;
  for (const pos of markers.reverse()) tr.delete(pos, pos + 1);
  return run(tr.doc, revertSuggestion(common));
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
