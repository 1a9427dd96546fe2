import type { JSONContent } from '@tiptap/core';
import type { ManuscriptJson, SectionJson } from '../../components/manuscript/manuscriptJson';
import { newId } from '../../components/manuscript/newId';
import { classifyLine } from './classifyLine';
import { looksLikeSceneHeading } from './looksLikeSceneHeading';
import { plainTextLines } from './plainTextLines';

/** Options for {@link importPlainText}. */
export interface PlainTextImportOptions {
  /** The manuscript's title; plain text rarely states one. */
  title: string;
  /** Makes section ids; defaults to random ids (tests pass a counter for stable output). */
  makeId?: () => string;
}

const text = (value: string): JSONContent[] => (value ? [{ type: 'text', text: value }] : []);
const paragraph = (value: string): JSONContent => ({ type: 'paragraph', content: text(value) });

/** Quotation lines joined by hard breaks, so verse keeps its lines. */
function quoteContent(lines: string[]): JSONContent[] {
  return lines.flatMap((line, index) => (index === 0 ? text(line) : [{ type: 'hardBreak' }, ...text(line)]));
}

/** A section of the given kind whose section node's children are `children` (filled in later). */
function sectionWith(kind: SectionJson['kind'], id: string, children: JSONContent[]): SectionJson {
  return { id, kind, content: { type: 'doc', content: [{ type: kind, content: children }] } };
}

/**
 * Turns a plain-text draft into manuscript JSON. Each non-empty line is a paragraph. It
 * recognises a "Dedication" block, an "Epigraph(s)" block (quotation lines, each group closed by
 * an attribution line starting with an em dash), chapter headings ("Chapter 1: Title",
 * "CHAPTER ONE"), scene breaks (`***`, `* * *`, `#`) and short title-like lines inside a chapter
 * as scene headings. Text before any chapter that is not front matter opens an untitled first
 * chapter, so no word is ever dropped. Pure: no I/O.
 */
export function importPlainText(input: string, options: PlainTextImportOptions): ManuscriptJson {
  const makeId = options.makeId ?? newId;
  const sections: SectionJson[] = [];
  // Widened by hand: `open` changes the mode inside a closure, which narrowing cannot see.
  let mode = 'start' as 'start' | SectionJson['kind'];
  let current: JSONContent[] = [];
  let sawDedication = false;
  let sawEpigraphs = false;
  let pendingQuote: string[] = [];

  const closeEpigraph = (attribution: string) => {
    current.push({
      type: 'epigraph',
      content: [
        { type: 'epigraphQuote', content: quoteContent(pendingQuote) },
        { type: 'epigraphAttribution', content: text(attribution) },
      ],
    });
    pendingQuote = [];
  };
  const open = (kind: SectionJson['kind'], first: JSONContent[] = []) => {
    // A quotation left without an attribution is still kept, with an empty attribution.
    if (mode === 'epigraphs' && pendingQuote.length > 0) closeEpigraph('');
    current = [...first];
    sections.push(sectionWith(kind, makeId(), current));
    mode = kind;
  };

  for (const line of plainTextLines(input)) {
    const shape = classifyLine(line);
    if (shape.kind === 'chapterHeading') {
      open('chapter', [{ type: 'chapterTitle', content: text(shape.title) }]);
    } else if (mode !== 'chapter' && shape.kind === 'dedicationLabel' && !sawDedication) {
      sawDedication = true;
      open('dedication');
    } else if (mode !== 'chapter' && shape.kind === 'epigraphsLabel' && !sawEpigraphs) {
      sawEpigraphs = true;
      open('epigraphs');
    } else if (mode === 'dedication') {
      current.push(paragraph(line));
    } else if (mode === 'epigraphs') {
      if (shape.kind === 'attribution') closeEpigraph(shape.text);
      else pendingQuote.push(line);
    } else {
      if (mode === 'start') open('chapter', [{ type: 'chapterTitle' }]);
      if (shape.kind === 'sceneBreak') current.push({ type: 'sceneBreak' });
      else if (looksLikeSceneHeading(line)) current.push({ type: 'sceneHeading', content: text(line) });
      else current.push(paragraph(line));
    }
  }
  if (mode === 'epigraphs' && pendingQuote.length > 0) closeEpigraph('');
  sections.forEach(fillEmptySection);
  return { title: options.title, sections };
}

/** Gives a section with no content the minimum its schema requires (an empty paragraph or epigraph). */
function fillEmptySection(section: SectionJson): void {
  const node = section.content.content![0];
  const children = node.content!;
  if (section.kind === 'dedication' && children.length === 0) children.push(paragraph(''));
  if (section.kind === 'epigraphs' && children.length === 0) {
    children.push({ type: 'epigraph', content: [{ type: 'epigraphQuote' }, { type: 'epigraphAttribution' }] });
  }
  if (section.kind === 'chapter' && children.length === 1) children.push(paragraph(''));
}
