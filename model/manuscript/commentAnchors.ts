import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { markNames } from '../schema/names';

/** Where a comment thread's passage is in a section: from its first marked character to its last. */
export interface CommentAnchor {
  threadId: string;
  from: number;
  to: number;
  /** The marked text, in reading order (the passage may be split by a co-writer's edit). */
  text: string;
}

/**
 * Every comment thread marked in a section's ProseMirror document, in reading order (by where
 * its passage starts; a thread whose passage was split spans from its first piece to its last).
 */
export function commentAnchors(doc: ProseMirrorNode): CommentAnchor[] {
  const anchors = new Map<string, CommentAnchor>();
  doc.descendants((node, pos) => {
    if (!node.isText) return;
    for (const mark of node.marks) {
      if (mark.type.name !== markNames.comment || typeof mark.attrs.threadId !== 'string') continue;
      const end = pos + node.nodeSize;
      const anchor = anchors.get(mark.attrs.threadId);
      if (anchor) {
        anchor.text += (pos > anchor.to ? ' ' : '') + node.text;
        anchor.to = end;
      } else anchors.set(mark.attrs.threadId, { threadId: mark.attrs.threadId, from: pos, to: end, text: node.text ?? '' });
    }
  });
  return [...anchors.values()].sort((a, b) => a.from - b.from);
}
