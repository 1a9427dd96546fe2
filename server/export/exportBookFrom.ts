import type { JSONContent } from '@tiptap/core';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { countWords } from '@model/manuscript/countWords';
import { numberSections } from '@model/manuscript/sectionNumbering';
import type { ExportBlock, ExportBook, ExportInline, ExportSection } from './exportBook';
import { inlineText } from './exportBook';
import { markNames, nodeNames } from '@model/schema/names';

/** What the export needs besides the manuscript's own content. */
export interface ExportBookOptions {
  identifier: string;
  authors: string[];
  contact: { name: string; email: string };
  language?: string;
  modified?: Date;
  /** Export only these sections (kept in the book's order); all when absent. */
  sectionIds?: string[];
}

/** Text and hard breaks of a node's inline content, marks read as bold/italic/code flags. */
function inlinesOf(node: JSONContent | undefined): ExportInline[] {
  const inlines: ExportInline[] = [];
  for (const child of node?.content ?? []) {
    if (child.type === nodeNames.hardBreak) inlines.push({ lineBreak: true });
    else if (child.type === nodeNames.text && child.text) {
      const marks = new Set((child.marks ?? []).map((mark) => mark.type));
      inlines.push({ text: child.text, bold: marks.has(markNames.bold), italic: marks.has(markNames.italic), ...(marks.has(markNames.code) ? { code: true } : {}) });
    }
  }
  return inlines;
}

function blocksOf(children: JSONContent[]): ExportBlock[] {
  return children.map((child): ExportBlock => {
    if (child.type === nodeNames.sceneBreak) return { type: 'sceneBreak' };
    if (child.type === nodeNames.sceneHeading) return { type: 'sceneHeading', inlines: inlinesOf(child) };
    return { type: 'paragraph', inlines: inlinesOf(child) };
  });
}

/** Every inline in a section, for counting words. */
function sectionText(section: ExportSection): string {
  switch (section.kind) {
    case 'dedication':
      return section.paragraphs.map(inlineText).join('\n');
    case 'epigraphs':
      return section.epigraphs.map((e) => `${inlineText(e.quote)}\n${inlineText(e.attribution)}`).join('\n');
    case 'part':
      return [section.title, ...section.paragraphs].map(inlineText).join('\n');
    case 'chapter':
      return [section.title, section.subtitle, ...section.blocks.map((b) => ('inlines' in b ? b.inlines : []))]
        .map(inlineText)
        .join('\n');
  }
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
    const node = section.content.content?.[0];
    const children = node?.content ?? [];
    let built: ExportSection;
    if (section.kind === 'dedication') {
      built = { kind: 'dedication', id: section.id, paragraphs: children.map(inlinesOf) };
    } else if (section.kind === 'epigraphs') {
      const epigraphs = children.map((epigraph) => ({
        quote: inlinesOf(epigraph.content?.find((c) => c.type === nodeNames.epigraphQuote)),
        attribution: inlinesOf(epigraph.content?.find((c) => c.type === nodeNames.epigraphAttribution)),
      }));
      built = { kind: 'epigraphs', id: section.id, epigraphs };
    } else if (section.kind === 'part') {
      const title = inlinesOf(children.find((c) => c.type === nodeNames.partTitle));
      const paragraphs = children.filter((c) => c.type === nodeNames.paragraph).map(inlinesOf);
      built = { kind: 'part', id: section.id, number, label: numberLabel, title, paragraphs };
    } else {
      const title = inlinesOf(children.find((c) => c.type === nodeNames.chapterTitle));
      const subtitle = inlinesOf(children.find((c) => c.type === nodeNames.chapterSubtitle));
      const body = children.filter((c) => c.type !== nodeNames.chapterTitle && c.type !== nodeNames.chapterSubtitle);
      built = {
        kind: 'chapter',
        id: section.id,
        number,
        label: numberLabel,
        title,
        subtitle,
        blocks: blocksOf(body),
      };
    }
    // Empty front matter (a new book's blank dedication) would print as a blank page.
    const emptyFrontMatter = (built.kind === 'dedication' || built.kind === 'epigraphs') && countWords(sectionText(built)) === 0;
    if ((!wanted || wanted.has(section.id)) && !emptyFrontMatter) sections.push(built);
  }
  return {
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
