import smartquotes from 'smartquotes';
import type { ExportBook, ExportEpigraph, ExportInline, ExportSection } from './exportBook';
import { quoteStyle, type QuoteStyle } from './quoteStyle';

/** Text that is code or an address keeps its straight quotes. */
const ADDRESS = /\b(?:https?:\/\/|www\.)\S+/gi;

/**
 * The same characters with each letter turned into "a" and each digit into "0": what smartquotes
 * decides by (its patterns know only ASCII letters, so "Élodie" must look like a word too),
 * one character for one, so its answer maps back position by position.
 */
function skeleton(text: string): string {
  return text.replace(/\p{L}\p{M}*|\p{N}/gu, (match) => (/\p{N}/u.test(match) ? '0'.padEnd(match.length, '0') : 'a'.padEnd(match.length, 'a')));
}

/** Where quotes must stay straight: inline code and web addresses. */
function keptStraight(inlines: ExportInline[]): boolean[] {
  const kept: boolean[] = [];
  for (const inline of inlines) {
    if ('lineBreak' in inline) kept.push(false);
    else for (let k = 0; k < inline.text.length; k++) kept.push(Boolean(inline.code));
  }
  const text = inlines.map((inline) => ('lineBreak' in inline ? '\n' : inline.text)).join('');
  for (const match of text.matchAll(ADDRESS)) for (let k = 0; k < match[0].length; k++) kept[match.index + k] = true;
  return kept;
}

/** The language's mark for each curly quote smartquotes chose (primes and apostrophes unchanged). */
function inStyle(curly: string, style: QuoteStyle): string {
  switch (curly) {
    case '“':
      return style.open;
    case '”':
      return style.close;
    case '‘':
      return style.innerOpen;
    default:
      return curly;
  }
}

/**
 * One paragraph (or title, or line) with its straight quotes and apostrophes made typographic:
 * opening and closing quotes chosen from context across formatting boundaries ("*word*" in
 * italic, a quote in roman), apostrophes and abbreviated years (’90s) as ’, feet and inches as
 * primes, each quote in the language's style (“English”, „Deutsch“, « français »). A closing
 * inner quote stays ’, since it cannot be told from an apostrophe. Code and web addresses are
 * left as typed.
 */
export function typographicInlines(inlines: ExportInline[], language: string): ExportInline[] {
  if (!inlines.some((inline) => 'text' in inline && /['"]/.test(inline.text))) return inlines;
  const text = inlines.map((inline) => ('lineBreak' in inline ? '\n' : inline.text)).join('');
  const curled = smartquotes.string(skeleton(text), { retainLength: true });
  const kept = keptStraight(inlines);
  const style = quoteStyle(language);
  let offset = 0;
  return inlines.map((inline) => {
    if ('lineBreak' in inline) {
      offset++;
      return inline;
    }
    let out = '';
    for (let k = 0; k < inline.text.length; k++, offset++) {
      const char = inline.text[k];
      if ((char !== "'" && char !== '"') || kept[offset]) out += char;
      else out += inStyle(curled[offset], style);
    }
    // The invisible separators smartquotes pads a triple prime with are not wanted in print.
    return out === inline.text ? inline : { ...inline, text: out.replaceAll('\u2063', '') };
  });
}

function epigraphs(list: ExportEpigraph[], language: string): ExportEpigraph[] {
  return list.map((epigraph) => ({ quote: typographicInlines(epigraph.quote, language), attribution: typographicInlines(epigraph.attribution, language) }));
}

function section(section: ExportSection, language: string): ExportSection {
  const inlines = (list: ExportInline[]) => typographicInlines(list, language);
  switch (section.kind) {
    case 'dedication':
      return { ...section, paragraphs: section.paragraphs.map(inlines) };
    case 'epigraphs':
      return { ...section, epigraphs: epigraphs(section.epigraphs, language) };
    case 'part':
      return { ...section, title: inlines(section.title), epigraphs: epigraphs(section.epigraphs, language), paragraphs: section.paragraphs.map(inlines) };
    case 'chapter':
      return {
        ...section,
        title: inlines(section.title),
        subtitle: inlines(section.subtitle),
        epigraphs: epigraphs(section.epigraphs, language),
        blocks: section.blocks.map((block) => (block.type === 'sceneBreak' ? block : { ...block, inlines: inlines(block.inlines) })),
      };
  }
}

/** The book as print sets it: every straight quote typographic, in the book's language (see {@link typographicInlines}). */
export function withTypographicQuotes(book: ExportBook): ExportBook {
  const title = typographicInlines([{ text: book.title, bold: false, italic: false }], book.language);
  return { ...book, title: 'text' in title[0] ? title[0].text : book.title, sections: book.sections.map((entry) => section(entry, book.language)) };
}
