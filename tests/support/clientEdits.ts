import * as Y from 'yjs';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import { manuscriptSchema } from '@model/schema';
import { sectionContent } from '@model/manuscript/sectionDocument';

/**
 * The update a client sends after changing its copy of `server`'s section through ProseMirror,
 * as the editor's binding writes it into Yjs. `change` edits a transform on the section's
 * document; it may instead return a whole new document (say, a suggesting transaction's).
 */
export function editThroughProseMirror(server: Y.Doc, change: (tr: Transform, doc: ProseMirrorNode) => unknown): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const { doc, meta } = initProseMirrorDoc(sectionContent(client), manuscriptSchema);
  const tr = new Transform(doc);
  const returned = change(tr, doc);
  const result = returned instanceof ProseMirrorNode ? returned : tr.doc;
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  client.transact(() => updateYFragment(client, sectionContent(client), result, meta));
  return Y.mergeUpdates(updates);
}

/** A raw change to a client's copy of `server`, as a hostile client could make it. */
export function editRaw(server: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  client.transact(() => change(client));
  return Y.mergeUpdates(updates);
}

/** The position of `text`'s first character in a ProseMirror document. */
export function positionOf(doc: ProseMirrorNode, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text);
  });
  if (found < 0) throw new Error(`"${text}" is not in the document`);
  return found;
}
