import { inlineText, type ExportBook, type ExportInline } from '../../server/export/exportBook';

/**
 * Everything an export of the book must show of its sections, in reading order, one block a
 * line: front matter, part and chapter labels ("Chapter 3"), titles, subtitles, and every block's
 * text. Exports compare their words with this.
 */
export function exportBookText(book: ExportBook): string {
  const lines: string[] = [];
  const add = (...inlines: ExportInline[][]) => lines.push(...inlines.map(inlineText));
  for (const section of book.sections) {
    if (section.kind === 'dedication') add(...section.paragraphs);
    else if (section.kind === 'epigraphs') for (const e of section.epigraphs) add(e.quote, e.attribution);
    else if (section.kind === 'part') {
      lines.push(section.label);
      add(section.title, ...section.paragraphs);
    } else {
      lines.push(section.label);
      add(section.title, section.subtitle, ...section.blocks.map((block) => ('inlines' in block ? block.inlines : [])));
    }
  }
  return lines.join('\n');
}
