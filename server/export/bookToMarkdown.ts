import { toMarkdown } from 'mdast-util-to-markdown';
import type { BlockContent, PhrasingContent, Root, RootContent } from 'mdast';
import type { ExportBook, ExportEpigraph, ExportInline, ExportSection } from './exportBook';
import { headingLine, inlineText } from './exportBook';

/**
 * Inlines as mdast phrasing: bold as strong, italic as emphasis, code as inline code (backticks,
 * inside any emphasis, which Markdown allows around code but not within it), line breaks as hard
 * breaks.
 */
function phrasing(inlines: ExportInline[]): PhrasingContent[] {
  return inlines.map((inline): PhrasingContent => {
    if ('lineBreak' in inline) return { type: 'break' };
    let node: PhrasingContent = inline.code ? { type: 'inlineCode', value: inline.text } : { type: 'text', value: inline.text };
    if (inline.italic) node = { type: 'emphasis', children: [node] };
    if (inline.bold) node = { type: 'strong', children: [node] };
    return node;
  });
}

const heading = (depth: 1 | 2 | 3 | 4, text: string): RootContent => ({ type: 'heading', depth, children: [{ type: 'text', value: text }] });
const paragraph = (inlines: ExportInline[]): BlockContent => ({ type: 'paragraph', children: phrasing(inlines) });

/**
 * Epigraphs as block quotes, each followed by its "— attribution" line: always written, a lone
 * dash when there is none, so the next quotation stays separate. The importer reads them back so.
 */
function epigraphNodes(epigraphs: ExportEpigraph[]): RootContent[] {
  return epigraphs.flatMap((epigraph): RootContent[] => [
    { type: 'blockquote', children: [paragraph(epigraph.quote)] },
    paragraph([{ text: inlineText(epigraph.attribution).trim() ? '— ' : '—', bold: false, italic: false }, ...epigraph.attribution]),
  ]);
}

function sectionNodes(section: ExportSection): RootContent[] {
  switch (section.kind) {
    case 'dedication':
      return [heading(2, 'Dedication'), ...section.paragraphs.map(paragraph)];
    case 'epigraphs':
      return [heading(2, 'Epigraphs'), ...epigraphNodes(section.epigraphs)];
    case 'part':
      return [heading(1, headingLine(section)), ...epigraphNodes(section.epigraphs), ...section.paragraphs.map(paragraph)];
    case 'chapter':
      return [
        heading(2, headingLine(section)),
        // The subtitle is a heading two levels below the chapter's, straight under it; the importer reads it back so.
        ...(inlineText(section.subtitle).trim() ? [heading(4, inlineText(section.subtitle))] : []),
        // A chapter's own epigraphs, straight under its heading: the importer reads them back so.
        ...epigraphNodes(section.epigraphs),
        ...section.blocks.map((block): RootContent => {
          if (block.type === 'sceneBreak') return { type: 'thematicBreak' };
          if (block.type === 'sceneHeading') return heading(3, inlineText(block.inlines));
          return paragraph(block.inlines);
        }),
      ];
  }
}

/**
 * The book as Markdown: `#` title and parts, `##` front-matter labels and chapters ("Chapter 3:
 * Title"), `####` a chapter's subtitle, `###` scene headings, `* * *` scene breaks, epigraphs as
 * block quotes each followed by its "— Attribution" line. Importing the result gives back the same
 * structure and words. Pure.
 */
export function bookToMarkdown(book: ExportBook): string {
  const root: Root = { type: 'root', children: [heading(1, book.title), ...book.sections.flatMap(sectionNodes)] };
  return toMarkdown(root, { rule: '*', ruleSpaces: true, ruleRepetition: 3, emphasis: '*', strong: '*', bullet: '-' });
}
