import type { JSONContent } from '@tiptap/core';

/**
 * What a file's reader hands the structure detector: the file's blocks in order, each with its
 * inline content (ProseMirror text nodes with bold/italic marks, and hard breaks) and whatever the
 * format says about it. Plain text says nothing, Markdown gives heading levels and quotes, Word
 * gives paragraph style names. {@link ./buildManuscript} decides what each block is.
 */
export interface ImportBlock {
  kind: 'paragraph' | 'heading' | 'quote' | 'break';
  /** Heading depth, 1 for the largest (Markdown `#`, Word "Heading 1"). */
  level?: number;
  /** Word paragraph style name, lower-cased ("chapter heading", "dedication"). */
  style?: string;
  /** Set in the middle of the line (Word's centred alignment). */
  centred?: boolean;
  inlines: JSONContent[];
}

/** The plain text of a block's inlines, line breaks as newlines. */
export function blockText(block: ImportBlock): string {
  return block.inlines.map((node) => (node.type === 'hardBreak' ? '\n' : (node.text ?? ''))).join('');
}

/** Whether every character of a block's text is bold (a "bold title line"). */
export function isWhollyBold(block: ImportBlock): boolean {
  const runs = block.inlines.filter((node) => node.type === 'text' && (node.text ?? '').trim());
  return runs.length > 0 && runs.every((node) => node.marks?.some((mark) => mark.type === 'bold'));
}

/** Whether every character of a block's text is italic. */
export function isWhollyItalic(block: ImportBlock): boolean {
  const runs = block.inlines.filter((node) => node.type === 'text' && (node.text ?? '').trim());
  return runs.length > 0 && runs.every((node) => node.marks?.some((mark) => mark.type === 'italic'));
}

/** Whether a block is a quotation: a Markdown block quote, or Word's Quote or Intense Quote style. */
export function isQuotation(block: ImportBlock): boolean {
  return block.kind === 'quote' || block.style === 'quote' || block.style === 'intense quote';
}
