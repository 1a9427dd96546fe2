import type { JSONContent } from '@tiptap/core';
import { nodeNames } from '../schema/names';

/** Nodes whose children run on as one line of text; every other node's children are lines. */
const INLINE_PARENTS = new Set<string>([
  nodeNames.paragraph,
  nodeNames.chapterTitle,
  nodeNames.chapterSubtitle,
  nodeNames.partTitle,
  nodeNames.sceneHeading,
  nodeNames.epigraphQuote,
  nodeNames.epigraphAttribution,
]);

/** The text under a ProseMirror JSON node: blocks on their own lines, hard breaks as newlines. */
export function jsonText(node: JSONContent): string {
  if (node.type === nodeNames.text) return node.text ?? '';
  if (node.type === nodeNames.hardBreak) return '\n';
  const children = (node.content ?? []).map(jsonText);
  return children.join(INLINE_PARENTS.has(node.type ?? '') ? '' : '\n');
}
