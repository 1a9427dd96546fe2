import type { JSONContent } from '@tiptap/core';
import { markNames, nodeNames } from '@model/schema/names';

/** One run of text with its formatting (mark names, e.g. italic, bold). */
export interface TextRun {
  text: string;
  marks: string[];
}

/** A text block of a section (paragraph, heading, title, quotation…) as the diff sees it. */
export interface Block {
  type: string;
  text: string;
  runs: TextRun[];
}

/** The node types that hold text (or, for scene breaks, stand alone) in reading order. */
const BLOCK_TYPES = new Set<string>([
  nodeNames.paragraph,
  nodeNames.partTitle,
  nodeNames.chapterTitle,
  nodeNames.chapterSubtitle,
  nodeNames.sceneHeading,
  nodeNames.sceneBreak,
  nodeNames.epigraphQuote,
  nodeNames.epigraphAttribution,
]);

/** Flattens a section's ProseMirror JSON into its blocks, in reading order. */
export function sectionBlocks(content: JSONContent): Block[] {
  const blocks: Block[] = [];
  const visit = (node: JSONContent) => {
    if (node.type && BLOCK_TYPES.has(node.type)) {
      const runs: TextRun[] = (node.content ?? []).map((child) => ({
        text: child.type === nodeNames.hardBreak ? '\n' : (child.text ?? ''),
        // A comment's passage is not formatting: adding or resolving a comment changes no text.
        marks: (child.marks ?? []).map((mark) => mark.type).filter((type) => type !== markNames.comment).sort(),
      }));
      blocks.push({ type: node.type, text: runs.map((run) => run.text).join(''), runs });
      return;
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(content);
  return blocks;
}
