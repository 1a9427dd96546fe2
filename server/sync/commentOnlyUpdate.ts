import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { markNames } from '@model/schema/names';
import { manuscriptSchema } from '@model/schema';
import { readSectionContent, sectionContent } from '@model/manuscript/sectionDocument';
import { withoutSuggestionsBy } from '@model/suggestions/pendingSuggestions';

/**
 * The Yjs attribute key of a comment mark: `comment`, or `comment--<hash>` when marks of several
 * threads overlap (y-prosemirror stores each overlapping mark under its own hashed key).
 */
export function isCommentKey(key: string): boolean {
  return key === markNames.comment || HASHED_COMMENT_KEY.test(key);
}

/** y-prosemirror's key for one of several overlapping comment marks: the name, `--`, an 8-character hash. */
const HASHED_COMMENT_KEY = new RegExp(`^${markNames.comment}--[A-Za-z0-9+/=]{8}$`);

/**
 * Whether a formatting item may be part of a comment-only update: a comment key whose value is a
 * thread id (or null, taking a mark off). Anything else, even under a comment-like key, could make
 * the editors' binding drop the text it formats.
 */
function isCommentFormat(content: Y.ContentFormat): boolean {
  if (!isCommentKey(content.key)) return true; // neighbouring formats moved around a new boundary: checked by reading
  const value = content.value as unknown;
  return value === null || (typeof value === 'object' && typeof (value as { threadId?: unknown }).threadId === 'string' && Object.keys(value).length === 1);
}

type Decoded = ReturnType<typeof Y.decodeUpdate>;

/**
 * Whether an update changes nothing in a section document but comment marks: what a commenter
 * may send. Three checks, cheapest first: every item it adds is the start or end of formatting
 * (ProseMirror marks are formatting attributes in Yjs); everything it deletes is formatting too
 * (Yjs tidies away formatting that a new mark makes redundant); and, applied to a copy of the
 * document, the text, its structure and every attribute but comment marks read exactly as before.
 * `update` and `decoded` are the same update, encoded (V1) and decoded.
 */
export function changesOnlyComments(doc: Y.Doc, update: Uint8Array, decoded: Decoded): boolean {
  const added = new Set<Y.Item>();
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item) || struct.parentSub !== null) return false;
    // Other formatting keys appear too: Yjs moves the start or end of a neighbouring format (say,
    // bold) around a new comment boundary. The last check makes sure such moves change nothing.
    if (!(struct.content instanceof Y.ContentFormat) || !isCommentFormat(struct.content)) return false;
    added.add(struct);
  }
  if (!deletesOnlyFormatting(doc, decoded)) return false;
  if (added.size === 0 && decoded.ds.clients.size === 0) return true;
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = readableContent(copy);
    const roots = [...copy.share.keys()].sort().join();
    Y.applyUpdate(copy, update);
    if ([...copy.share.keys()].sort().join() !== roots || readableContent(copy) !== before) return false;
    // The section must still read as a manuscript (every mark known to the schema).
    manuscriptSchema.nodeFromJSON(readSectionContent(copy)).check();
    return true;
  } catch {
    return false;
  } finally {
    copy.destroy();
  }
}

/**
 * Whether an update changes nothing in a section document but comment marks and `authorId`'s own
 * suggestions: what a commenter may send. Comment-only updates pass the cheap check above; any
 * other is applied to a copy, and the section before and after must read the same once that
 * author's suggestions are taken out (their proposed text dropped, their proposed deletions
 * unmarked) and comment marks ignored. So a commenter may propose, withdraw and re-propose, and
 * nothing else: not change text directly, not touch a co-writer's suggestion (accepting,
 * rejecting or re-attributing it all show as a difference). Only the zero-width markers that
 * carry that commenter's own suggestion marks are taken out with them; any other is text.
 */
export function changesOnlyCommentsAndOwnSuggestions(doc: Y.Doc, update: Uint8Array, decoded: Decoded, authorId: string): boolean {
  if (changesOnlyComments(doc, update, decoded)) return true;
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = comparable(copy, authorId);
    Y.applyUpdate(copy, update);
    // Parts that wait for changes the room does not have (say, built on one of the commenter's
    // refused changes) cannot be read: refused like any other change.
    const store = copy.store as unknown as { pendingStructs: unknown; pendingDs: unknown };
    if (store.pendingStructs !== null || store.pendingDs !== null) return false;
    // Empty text nodes read as nothing, but they are still the commenter's change to the structure.
    if (addsEmptyText(copy, decoded)) return false;
    return comparable(copy, authorId) === before;
  } catch {
    // A section that cannot be read as a manuscript after the update is not one a commenter may make.
    return false;
  } finally {
    copy.destroy();
  }
}

/**
 * The section document as a string: its content with `authorId`'s suggestions taken out and
 * comment marks dropped, and anything else in it (it should hold nothing else) as it is.
 */
function comparable(doc: Y.Doc, authorId: string): string {
  const content = sectionContent(doc);
  const json = readSectionContent(doc);
  // The schema would silently drop an attribute it does not know: such a change must not pass unseen.
  if (!knownAttributesOnly(json)) throw new Error('an attribute the schema does not know');
  const node: PMNode = manuscriptSchema.nodeFromJSON(json);
  node.check();
  const settled = withoutComments(withoutSuggestionsBy(node, authorId));
  const others = [...doc.share.entries()].filter(([, type]) => (type as unknown) !== content).map(([name, type]) => [name, type.toJSON()]);
  return JSON.stringify([settled.toJSON(), others]);
}

/** Whether every node's attributes are ones its type declares. */
function knownAttributesOnly(node: JSONContent): boolean {
  const type = node.type ? manuscriptSchema.nodes[node.type] : undefined;
  if (!type) return false;
  if (Object.keys(node.attrs ?? {}).some((key) => !(key in (type.spec.attrs ?? {})))) return false;
  return (node.content ?? []).every(knownAttributesOnly);
}

/** Whether the update created a text node that is empty in the document it was applied to. */
function addsEmptyText(doc: Y.Doc, decoded: Decoded): boolean {
  const created = (id: Y.ID) => decoded.structs.some((struct) => struct.id.client === id.client && struct.id.clock <= id.clock && id.clock < struct.id.clock + struct.length);
  const visit = (node: Y.XmlFragment | Y.XmlElement): boolean =>
    node.toArray().some((child) => {
      if (child instanceof Y.XmlText) return child.length === 0 && child._item !== null && created(child._item.id);
      return child instanceof Y.XmlElement && visit(child);
    });
  return visit(sectionContent(doc));
}

/** The document without comment marks (text they split joins up again, so it compares equal). */
function withoutComments(node: PMNode): PMNode {
  const transform = new Transform(node);
  transform.removeMark(0, node.content.size, manuscriptSchema.marks[markNames.comment]);
  return transform.doc;
}

/**
 * Whether every range the update deletes is formatting, in the document or added by the update
 * itself (a range past what the document has can only be the update's own, checked above).
 */
function deletesOnlyFormatting(doc: Y.Doc, decoded: Decoded): boolean {
  for (const [client, ranges] of decoded.ds.clients) {
    const known = Y.getState(doc.store, client);
    for (const range of ranges) {
      let clock = range.clock;
      const end = range.clock + range.len;
      while (clock < end && clock < known) {
        const struct = Y.getItem(doc.store, { client, clock } as Y.ID);
        if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentFormat)) return false;
        clock = struct.id.clock + struct.length;
      }
      if (clock < end && !decoded.structs.some((s) => s.id.client === client && s.id.clock <= clock && clock < s.id.clock + s.length)) return false;
    }
  }
  return true;
}

/**
 * The section's content as a string that differs exactly when its text, structure or non-comment
 * formatting does: elements with their attributes, and each text as runs of equal formatting.
 */
function readableContent(doc: Y.Doc): string {
  const read = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment): unknown => {
    if (node instanceof Y.XmlText) {
      const runs: Array<{ insert: unknown; attributes: Record<string, unknown> }> = [];
      for (const op of node.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
        const attributes = Object.fromEntries(Object.entries(op.attributes ?? {}).filter(([key]) => !isCommentKey(key)).sort(([a], [b]) => a.localeCompare(b)));
        const last = runs.at(-1);
        if (last && typeof last.insert === 'string' && typeof op.insert === 'string' && JSON.stringify(last.attributes) === JSON.stringify(attributes)) last.insert += op.insert;
        else runs.push({ insert: op.insert, attributes });
      }
      return runs;
    }
    const children = node.toArray().map((child) => read(child as Y.XmlElement | Y.XmlText));
    if (node instanceof Y.XmlElement) {
      const attributes = Object.entries(node.getAttributes()).sort(([a], [b]) => a.localeCompare(b));
      return [node.nodeName, attributes, children];
    }
    return children;
  };
  return JSON.stringify(read(sectionContent(doc)));
}
