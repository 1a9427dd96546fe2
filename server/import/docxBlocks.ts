import type { JSONContent } from '@tiptap/core';
import mammoth from 'mammoth';
import type { ImportBlock } from './importBlock';
import { markRevisions } from './docxRevisions';
import { applyWordAnnotations, type ImportedThread } from './wordAnnotations';

/** The parts of mammoth's document model this reader uses. */
interface DocxElement {
  type: string;
  noteType?: string;
  noteId?: string;
  body?: DocxElement[];
  styleName?: string | null;
  /** A paragraph's alignment as Word sets it ("center", "both", …). */
  alignment?: string | null;
  isBold?: boolean;
  isItalic?: boolean;
  /** A run's own font (its `w:rFonts w:ascii`), when it sets one. */
  font?: string | null;
  value?: string;
  breakType?: string;
  children?: DocxElement[];
}

const HEADING_STYLE = /^heading\s*([1-6])$/i;

/** Character styles that mean code: Quire's "Code", Word's "HTML Code", "Source Code", "Verbatim Char". */
const CODE_STYLE = /^(?:code|html code|html typewriter|source code|verbatim(?: char)?|inline code|macro text char)$/i;
/** Fonts that set a run in monospace: what writers pick by hand to show code. */
const MONOSPACE_FONT = /\b(?:mono|courier|consolas|menlo|monaco|lucida console|lucida sans typewriter|source code|fira code|inconsolata|cascadia|andale)\b/i;

/** Inline marks a run carries. */
interface RunMarks {
  bold: boolean;
  italic: boolean;
  code: boolean;
}

/**
 * Style names as the structure detector knows them: Quire's Standard Manuscript Format styles
 * ("SMF Chapter Heading") are its book styles under another name, and a page's first dedication
 * or epigraph paragraph ("First Epigraph") is a dedication or epigraph.
 */
function normalisedStyle(styleName: string): string {
  const style = styleName.toLowerCase().replace(/^smf\s+/, '');
  if (style === 'first epigraph') return 'epigraph';
  return style === 'first dedication' ? 'dedication' : style;
}

/** Footnotes and endnotes met while reading, so their text is kept after the paragraph citing them. */
interface NoteContext {
  resolve: (reference: DocxElement) => DocxElement | null;
  pending: { number: number; body: DocxElement[] }[];
  count: number;
}

/**
 * A paragraph's runs as text nodes; character styles such as Strong and Emphasis count as marks,
 * and so do a code style or a monospace font (code).
 */
function inlinesOf(element: DocxElement, marks: RunMarks, out: JSONContent[], notes: NoteContext): JSONContent[] {
  for (const child of element.children ?? []) {
    if (child.type === 'noteReference') {
      const note = notes.resolve(child);
      if (note?.body) {
        const number = ++notes.count;
        out.push({ type: 'text', text: `[${number}]` });
        notes.pending.push({ number, body: note.body });
      }
      continue;
    }
    if (child.type === 'run') {
      const style = (child.styleName ?? '').toLowerCase();
      inlinesOf(
        child,
        {
          bold: marks.bold || !!child.isBold || style === 'strong',
          italic: marks.italic || !!child.isItalic || style === 'emphasis',
          code: marks.code || CODE_STYLE.test(style) || MONOSPACE_FONT.test(child.font ?? ''),
        },
        out,
        notes,
      );
    } else if (child.type === 'text' && child.value) {
      const markList = [...(marks.bold ? [{ type: 'bold' }] : []), ...(marks.italic ? [{ type: 'italic' }] : []), ...(marks.code ? [{ type: 'code' }] : [])];
      out.push({ type: 'text', text: child.value, ...(markList.length ? { marks: markList } : {}) });
    } else if (child.type === 'tab') {
      out.push({ type: 'text', text: ' ' });
    } else if (child.type === 'break' && child.breakType === 'line') {
      out.push({ type: 'hardBreak' });
    } else if (child.children) {
      inlinesOf(child, marks, out, notes);
    }
  }
  return out;
}

/** Merges neighbouring text nodes with the same marks, so words split across runs read whole. */
function mergeRuns(inlines: JSONContent[]): JSONContent[] {
  const merged: JSONContent[] = [];
  for (const node of inlines) {
    const last = merged.at(-1);
    if (node.type === 'text' && last?.type === 'text' && JSON.stringify(last.marks) === JSON.stringify(node.marks)) {
      last.text = (last.text ?? '') + node.text;
    } else merged.push({ ...node });
  }
  // Leading and trailing spaces carry no meaning in a paragraph.
  const first = merged[0];
  if (first?.type === 'text') first.text = first.text!.replace(/^\s+/, '');
  const last = merged.at(-1);
  if (last?.type === 'text') last.text = last.text!.replace(/\s+$/, '');
  return merged.filter((node) => node.type !== 'text' || node.text);
}

function collect(element: DocxElement, blocks: ImportBlock[], notes: NoteContext): void {
  if (element.type === 'paragraph') {
    const styleName = (element.styleName ?? '').trim();
    const heading = HEADING_STYLE.exec(styleName);
    const inlines = mergeRuns(inlinesOf(element, { bold: false, italic: false, code: false }, [], notes));
    if (heading) blocks.push({ kind: 'heading', level: Number(heading[1]), inlines });
    else blocks.push({ kind: 'paragraph', ...(styleName ? { style: normalisedStyle(styleName) } : {}), ...(element.alignment === 'center' ? { centred: true } : {}), inlines });
    // A note's words follow the paragraph that cites it, numbered as cited: the manuscript has no notes.
    for (const { number, body } of notes.pending.splice(0)) {
      const noteBlocks: ImportBlock[] = [];
      for (const part of body) collect(part, noteBlocks, notes);
      const first = noteBlocks.find((block) => block.inlines.length > 0);
      if (first) first.inlines.unshift({ type: 'text', text: `[${number}] ` });
      blocks.push(...noteBlocks.map((block): ImportBlock => ({ kind: 'paragraph', inlines: block.inlines })));
    }
    return;
  }
  for (const child of element.children ?? []) collect(child, blocks, notes);
}

/**
 * A Word document's paragraphs as import blocks: "Heading N" styles become headings, other
 * paragraph style names are passed on (the structure detector knows the ones Quire writes and
 * Word's Title, Subtitle and Quote), bold, italic and code come from runs and character styles (code also
 * from a monospace font). Tables'
 * paragraphs are read in order; footnotes and endnotes follow the paragraph citing them, as
 * numbered paragraphs; images carry no words and are left out. Tracked changes come in as
 * suggestions by their Word author (insertions proposed, deletions struck, neither applied) and
 * comments as threads on the text they were made on. Throws if the bytes are not a readable .docx.
 */
export async function docxBlocks(file: Uint8Array): Promise<{ blocks: ImportBlock[]; threads: ImportedThread[] }> {
  const blocks: ImportBlock[] = [];
  const { bytes, annotations } = await markRevisions(file);
  await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      // The document model is read here; mammoth's HTML output is not used.
      transformDocument: (document: DocxElement & { notes?: { resolve: (reference: DocxElement) => DocxElement | null } }) => {
        const notes: NoteContext = { resolve: (reference) => document.notes?.resolve(reference) ?? null, pending: [], count: 0 };
        collect(document, blocks, notes);
        return document;
      },
      externalFileAccess: false,
    },
  );
  const threads = applyWordAnnotations(blocks, annotations);
  return { blocks, threads };
}
