import type { JSONContent } from '@tiptap/core';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { countWords } from '@model/manuscript/countWords';
import { numberSections } from '@model/manuscript/sectionNumbering';
import type { ExportBlock, ExportBook, ExportComment, ExportEpigraph, ExportInline, ExportSection, ExportSuggestion } from './exportBook';
import { inlineText } from './exportBook';
import { markNames, nodeNames } from '@model/schema/names';
import { acceptedContent } from '@model/suggestions/pendingSuggestions';
import { suggestionAuthor, suggestionTime, wordAuthorName } from '@model/suggestions/suggestionId';

/** What the export needs besides the manuscript's own content. */
export interface ExportBookOptions {
  identifier: string;
  authors: string[];
  contact: { name: string; email: string };
  language?: string;
  modified?: Date;
  /** Export only these sections (kept in the book's order); all when absent. */
  sectionIds?: string[];
  /**
   * Show pending suggestions (HTML and DOCX only), their authors named from this map of user id
   * to name; absent: the accepted text, no pending suggestion applied.
   */
  showSuggestions?: ReadonlyMap<string, string>;
  /** With suggestions shown: the open comment threads by id, to carry as comments (DOCX). */
  threads?: ReadonlyMap<string, Omit<ExportComment, 'number'>>;
}

/** The comment threads each run is in, while the book is built (read by {@link numberComments}). */
const threadsOfRun = new WeakMap<ExportInline, string[]>();

/** Reads a run's pending suggestion, when suggestions are shown. */
function suggestionOf(marks: JSONContent['marks'], authors: ReadonlyMap<string, string> | undefined): ExportSuggestion | undefined {
  if (!authors) return undefined;
  const mark = marks?.find((m) => m.type === markNames.insertion || m.type === markNames.deletion);
  if (!mark) return undefined;
  const id = String(mark.attrs?.id);
  const authorId = suggestionAuthor(id);
  return { kind: mark.type === markNames.insertion ? 'insertion' : 'deletion', id, author: wordAuthorName(authorId) ?? ((authorId && authors.get(authorId)) || 'A former member'), date: suggestionTime(id) };
}

/** Text and hard breaks of a node's inline content, marks read as bold/italic/code flags (and suggestions, when shown). */
function inlinesOf(node: JSONContent | undefined, authors?: ReadonlyMap<string, string>): ExportInline[] {
  const inlines: ExportInline[] = [];
  for (const child of node?.content ?? []) {
    if (child.type === nodeNames.hardBreak) inlines.push({ lineBreak: true });
    else if (child.type === nodeNames.text && child.text) {
      const marks = new Set((child.marks ?? []).map((mark) => mark.type));
      const text = child.text.replaceAll('\u200B', '');
      if (!text) continue;
      const suggestion = suggestionOf(child.marks, authors);
      const inline: ExportInline = { text, bold: marks.has(markNames.bold), italic: marks.has(markNames.italic), ...(marks.has(markNames.code) ? { code: true } : {}), ...(suggestion ? { suggestion } : {}) };
      if (authors) {
        const threads = (child.marks ?? []).filter((mark) => mark.type === markNames.comment).map((mark) => String(mark.attrs?.threadId));
        if (threads.length) threadsOfRun.set(inline, threads);
      }
      inlines.push(inline);
    }
  }
  return inlines;
}

function blocksOf(children: JSONContent[], authors?: ReadonlyMap<string, string>): ExportBlock[] {
  return children.map((child): ExportBlock => {
    if (child.type === nodeNames.sceneBreak) return { type: 'sceneBreak' };
    if (child.type === nodeNames.sceneHeading) return { type: 'sceneHeading', inlines: inlinesOf(child, authors) };
    return { type: 'paragraph', inlines: inlinesOf(child, authors) };
  });
}

/** Inlines as the accepted text reads them: without text a pending suggestion proposes. */
function accepted(inlines: ExportInline[]): ExportInline[] {
  return inlines.filter((inline) => 'lineBreak' in inline || inline.suggestion?.kind !== 'insertion');
}

const counted = (inlines: ExportInline[]) => inlineText(accepted(inlines));

/** Every inline in a section as accepted so far, for counting words. */
function sectionText(section: ExportSection): string {
  switch (section.kind) {
    case 'dedication':
      return section.paragraphs.map(counted).join('\n');
    case 'epigraphs':
      return section.epigraphs.map((e) => `${counted(e.quote)}\n${counted(e.attribution)}`).join('\n');
    case 'part':
      return [section.title, ...epigraphInlines(section.epigraphs), ...section.paragraphs].map(counted).join('\n');
    case 'chapter':
      return [section.title, section.subtitle, ...epigraphInlines(section.epigraphs), ...section.blocks.map((b) => ('inlines' in b ? b.inlines : []))]
        .map(counted)
        .join('\n');
  }
}

/** Each epigraph's quotation then its attribution, in reading order. */
function epigraphInlines(epigraphs: ExportEpigraph[]): ExportInline[][] {
  return epigraphs.flatMap((epigraph) => [epigraph.quote, epigraph.attribution]);
}

/**
 * Reduces manuscript JSON to an {@link ExportBook}. Chapters and parts are numbered by their place
 * in the whole book, so exporting chapter 5 alone still calls it "Chapter 5". Pure.
 */
export function exportBookFrom(manuscript: ManuscriptJson, options: ExportBookOptions): ExportBook {
  const wanted = options.sectionIds ? new Set(options.sectionIds) : null;
  const numbering = numberSections(manuscript.sections);
  const sections: ExportSection[] = [];
  for (const [index, section] of manuscript.sections.entries()) {
    const { number, numberLabel } = numbering[index];
    // Exports carry the text as accepted so far (no pending suggestion applied), unless asked to show them.
    const authors = options.showSuggestions;
    const inlines = (child: JSONContent | undefined) => inlinesOf(child, authors);
    const node = (authors ? section.content : acceptedContent(section.content)).content?.[0];
    const children = node?.content ?? [];
    let built: ExportSection;
    const epigraphsIn = (nodes: JSONContent[]): ExportEpigraph[] =>
      nodes
        .filter((c) => c.type === nodeNames.epigraph)
        .map((epigraph) => ({
          quote: inlines(epigraph.content?.find((c) => c.type === nodeNames.epigraphQuote)),
          attribution: inlines(epigraph.content?.find((c) => c.type === nodeNames.epigraphAttribution)),
        }));
    if (section.kind === 'dedication') {
      built = { kind: 'dedication', id: section.id, paragraphs: children.map(inlines) };
    } else if (section.kind === 'epigraphs') {
      built = { kind: 'epigraphs', id: section.id, epigraphs: epigraphsIn(children) };
    } else if (section.kind === 'part') {
      const title = inlines(children.find((c) => c.type === nodeNames.partTitle));
      const paragraphs = children.filter((c) => c.type === nodeNames.paragraph).map(inlines);
      built = { kind: 'part', id: section.id, number, label: numberLabel, title, epigraphs: epigraphsIn(children), paragraphs };
    } else {
      const title = inlines(children.find((c) => c.type === nodeNames.chapterTitle));
      const subtitle = inlines(children.find((c) => c.type === nodeNames.chapterSubtitle));
      const opening = new Set<string>([nodeNames.chapterTitle, nodeNames.chapterSubtitle, nodeNames.epigraph]);
      const body = children.filter((c) => !opening.has(c.type ?? ''));
      built = {
        kind: 'chapter',
        id: section.id,
        number,
        label: numberLabel,
        title,
        subtitle,
        epigraphs: epigraphsIn(children),
        blocks: blocksOf(body, authors),
      };
    }
    // Empty front matter (a new book's blank dedication) would print as a blank page.
    const emptyFrontMatter = (built.kind === 'dedication' || built.kind === 'epigraphs') && countWords(sectionText(built)) === 0;
    if ((!wanted || wanted.has(section.id)) && !emptyFrontMatter) sections.push(built);
  }
  const comments = options.showSuggestions && options.threads ? numberComments(sections, options.threads) : undefined;
  return {
    ...(comments?.length ? { comments } : {}),
    title: manuscript.title,
    authors: options.authors,
    language: options.language ?? 'en',
    identifier: options.identifier,
    modified: options.modified ?? new Date(),
    contact: options.contact,
    wordCount: sections.reduce((sum, section) => sum + countWords(sectionText(section)), 0),
    scope: wanted ? 'selection' : 'book',
    sections,
  };
}

/** Every run of the exported sections, in reading order (as the exporters write them). */
function runsInOrder(sections: ExportSection[]): ExportInline[] {
  const lists: ExportInline[][] = [];
  for (const section of sections) {
    if (section.kind === 'dedication') lists.push(...section.paragraphs);
    else if (section.kind === 'epigraphs') for (const epigraph of section.epigraphs) lists.push(epigraph.quote, epigraph.attribution);
    else if (section.kind === 'part') lists.push(section.title, ...epigraphInlines(section.epigraphs), ...section.paragraphs);
    else lists.push(section.title, section.subtitle, ...epigraphInlines(section.epigraphs), ...section.blocks.map((block) => ('inlines' in block ? block.inlines : [])));
  }
  return lists.flat();
}

/**
 * Numbers the open threads marked in the exported text in reading order, and marks on the runs
 * where each one's passage starts and ends (a passage may cross paragraphs). Threads not in
 * `threads` (resolved, or unknown) are left out.
 */
function numberComments(sections: ExportSection[], threads: ReadonlyMap<string, Omit<ExportComment, 'number'>>): ExportComment[] {
  type TextRun = Exclude<ExportInline, { lineBreak: true }>;
  const first = new Map<string, TextRun>();
  const last = new Map<string, TextRun>();
  for (const run of runsInOrder(sections)) {
    if ('lineBreak' in run) continue;
    for (const threadId of threadsOfRun.get(run) ?? []) {
      if (!threads.has(threadId)) continue;
      if (!first.has(threadId)) first.set(threadId, run);
      last.set(threadId, run);
    }
  }
  const comments: ExportComment[] = [];
  for (const [threadId, run] of first) {
    const number = comments.length + 1;
    comments.push({ number, ...threads.get(threadId)! });
    (run.commentStarts ??= []).push(number);
    const end = last.get(threadId)!;
    (end.commentEnds ??= []).push(number);
  }
  return comments;
}
