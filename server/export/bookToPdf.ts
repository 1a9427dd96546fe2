import PDFDocument from 'pdfkit';
import type { ExportBlock, ExportBook, ExportEpigraph, ExportInline, ExportSection } from './exportBook';
import { inlineText } from './exportBook';
import type { PdfLine, PdfMeasure } from './pdfBreakLines';
import { pdfBreakLines } from './pdfBreakLines';
import type { PdfFace } from './pdfFonts';
import { PDF_CODE_FONTS, pdfFontObjects } from './pdfFonts';
import type { Covers } from './pdfFontRuns';
import { pdfFontRuns } from './pdfFontRuns';
import { fallbackFont } from './pdfScriptFonts';
import { hyphenator } from './hyphenation';
import { drawRun } from './pdfDrawRun';

// A 6 × 9 in trade page. Margins mirror across the spread: the wider inner margin leaves room
// for the binding, the deeper bottom one for the folio.
const PAGE_WIDTH = 432;
const PAGE_HEIGHT = 648;
const MARGIN_TOP = 54;
const MARGIN_BOTTOM = 72;
const MARGIN_INNER = 63;
const MARGIN_OUTER = 45;
const MEASURE = PAGE_WIDTH - MARGIN_INNER - MARGIN_OUTER;

// Body text sits on a baseline grid, so lines on facing pages line up and every page holds the
// same number of lines.
const BODY_SIZE = 11;
const LEADING = 14.5;
const FIRST_BASELINE = MARGIN_TOP + BODY_SIZE;
const LINES_PER_PAGE = Math.floor((PAGE_HEIGHT - MARGIN_BOTTOM - FIRST_BASELINE) / LEADING) + 1;
const INDENT = 1.25 * BODY_SIZE;
const FOLIO_BASELINE = PAGE_HEIGHT - 40;
/** The longest text whose width is kept for reuse (see Typesetter.measure). */
const MEASURE_CACHE_LENGTH = 64;
/** Chapter and part headings start about a third of the way down the page. */
const SINK = PAGE_HEIGHT / 3;

type Align = 'justify' | 'left' | 'center' | 'right';

interface TextStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  characterSpacing?: number;
  features?: PDFKit.Mixins.OpenTypeFeatures[];
}

const BODY: TextStyle = { size: BODY_SIZE };
const BOOK_TITLE: TextStyle = { size: 26 };
const AUTHORS: TextStyle = { size: 14 };
const LABEL: TextStyle = { size: 12, features: ['smcp'], characterSpacing: 1 };
const CHAPTER_TITLE: TextStyle = { size: 20 };
const PART_TITLE: TextStyle = { size: 24 };
const SUBTITLE: TextStyle = { size: 12.5, italic: true };
const SCENE_HEADING: TextStyle = { size: 10, bold: true, characterSpacing: 0.5 };
const DEDICATION: TextStyle = { size: BODY_SIZE, italic: true };
const FOLIO: TextStyle = { size: 9.5 };
/** Letter spacing sets the scene-break asterisks well apart. */
const ORNAMENT: TextStyle = { size: BODY_SIZE, characterSpacing: 3 };
/** A chapter's (or part's) own epigraphs: a size smaller, the quotation italic, the source roman. */
const OPENING_EPIGRAPH: TextStyle = { size: BODY_SIZE - 1, italic: true };
const OPENING_EPIGRAPH_SOURCE: TextStyle = { size: BODY_SIZE - 1 };
/** Dedications and epigraphs are set narrower than the body, inset on both sides. */
const NARROW_INSET = 36;
const NARROW = { inset: NARROW_INSET, width: MEASURE - 2 * NARROW_INSET };
/** A chapter's own epigraphs stand in the right-hand two thirds of the measure, as books set them. */
const OPENING_EPIGRAPH_BOX = { inset: MEASURE / 3, width: MEASURE - MEASURE / 3 };

/** One line ready to draw: where it sits across the text block is decided by its alignment. */
interface FlowLine {
  line: PdfLine;
  style: TextStyle;
  align: Align;
  /** Left edge of the line's box, from the text block's left edge. */
  inset: number;
  /** Width of the line's box. */
  width: number;
}

/** Lines that flow down the baseline grid together. */
interface FlowBlock {
  lines: FlowLine[];
  /** Blank grid lines before the block, dropped at the top of a page. */
  spaceBefore: number;
  spaceAfter: number;
  /** Whether the block may break across pages (never leaving one line alone on either side). */
  splittable: boolean;
  /** Whether the block must share its page with the start of the next (headings, ornaments). */
  keepWithNext: boolean;
}

/** How many of a block's `n` lines to set in `room` lines: none rather than a lone first or last line. */
function linesThatFit(n: number, room: number, splittable: boolean): number {
  if (n <= room) return n;
  if (!splittable) return 0;
  let k = room;
  if (n - k < 2) k = n - 2;
  return k < 2 ? 0 : k;
}

function plain(text: string): ExportInline[] {
  return [{ text, bold: false, italic: false }];
}

function hasText(inlines: ExportInline[]): boolean {
  return inlineText(inlines).trim() !== '';
}

/** "A", "A and B", "A, B and C". */
function authorLine(authors: string[]): string {
  if (authors.length <= 1) return authors[0] ?? '';
  return `${authors.slice(0, -1).join(', ')} and ${authors[authors.length - 1]}`;
}

/** Lays a book out page by page into one pdfkit document. */
class Typesetter {
  readonly doc: PDFKit.PDFDocument;
  private pageCount = 0;
  /** The physical page that is page 1: the first page of the first part or chapter. */
  private firstNumberedPage: number | undefined;
  /** The next free line of the current page's grid. */
  private slot = 0;
  private pendingSpace = 0;
  private readonly widths = new Map<string, Map<PdfFace, Map<string, number>>>();
  /** Fallback faces registered with pdfkit so far: only those the book uses are read and embedded. */
  private readonly registered = new Set<string>();
  private readonly covers: Covers;
  private readonly hyphenate: ((word: string) => string[]) | undefined;

  constructor(doc: PDFKit.PDFDocument, covers: Covers, hyphenate: ((word: string) => string[]) | undefined) {
    this.doc = doc;
    this.covers = covers;
    this.hyphenate = hyphenate;
  }

  /** Selects a face at a size, registering a script's fallback face the first time it is used. */
  private font(face: PdfFace, size: number): PDFKit.PDFDocument {
    if (face.startsWith('script:') && !this.registered.has(face)) {
      this.doc.registerFont(face, fallbackFont(face) as unknown as Buffer);
      this.registered.add(face);
    }
    return this.doc.font(face, size);
  }

  /** Widths at a style's size; pdfkit caches shaping per word, this skips even the lookup. */
  measure(style: TextStyle): PdfMeasure {
    const spacing = style.characterSpacing ?? 0;
    const key = `${style.size}/${spacing}/${style.features?.join(',') ?? ''}`;
    let cache = this.widths.get(key);
    if (!cache) {
      cache = new Map();
      this.widths.set(key, cache);
    }
    const widths = cache;
    // Letter spacing follows every character, the last included, as pdfkit draws it.
    const width = (text: string, face: PdfFace) => {
      let byText = widths.get(face);
      if (!byText) widths.set(face, (byText = new Map()));
      let result = byText.get(text);
      if (result === undefined) {
        result = this.font(face, style.size).widthOfString(text, { features: style.features }) + spacing * text.length;
        // Words and short runs repeat; a long string (a piece of a pasted blob being cut to fit)
        // does not, and keeping each would hold megabytes for nothing.
        if (text.length <= MEASURE_CACHE_LENGTH) byText.set(text, result);
      }
      return result;
    };
    return { width, space: (face) => width(' ', face), split: (text, face) => pdfFontRuns(text, face, this.covers) };
  }

  lines(inlines: ExportInline[], style: TextStyle, options: { width?: number; indent?: number; justify?: boolean }) {
    return pdfBreakLines(
      inlines,
      {
        width: options.width ?? MEASURE,
        indent: options.indent,
        justify: options.justify ?? false,
        // Justified text only: ragged lines have no spaces to even out.
        hyphenate: options.justify ? this.hyphenate : undefined,
        bold: style.bold,
        italic: style.italic,
      },
      this.measure(style),
    );
  }

  flowLines(
    inlines: ExportInline[],
    style: TextStyle,
    align: Align,
    options: { indent?: number; inset?: number; width?: number } = {},
  ): FlowLine[] {
    const width = options.width ?? MEASURE;
    const lines = this.lines(inlines, style, { width, indent: options.indent, justify: align === 'justify' });
    return lines.map((line) => ({ line, style, align, inset: options.inset ?? 0, width }));
  }

  newPage(): void {
    const left = this.left(this.pageCount + 1);
    this.doc.addPage({
      size: [PAGE_WIDTH, PAGE_HEIGHT],
      margins: { top: MARGIN_TOP, bottom: MARGIN_BOTTOM, left, right: PAGE_WIDTH - left - MEASURE },
    });
    this.pageCount++;
    this.slot = 0;
    this.pendingSpace = 0;
  }

  /** Left edge of the text block: odd pages are rectos, their inner margin on the left. */
  private left(pageNumber: number): number {
    return pageNumber % 2 === 1 ? MARGIN_INNER : MARGIN_OUTER;
  }

  /** Starts the grid at the first line at or below `y`, as after a heading set off the grid. */
  startGridBelow(y: number): void {
    this.slot = Math.max(0, Math.ceil((y - FIRST_BASELINE) / LEADING));
    this.pendingSpace = 0;
  }

  draw(flow: FlowLine, baseline: number): void {
    const { line, style } = flow;
    if (!line.runs.length) return;
    let x = this.left(this.pageCount) + flow.inset;
    if (flow.align === 'center') x += (flow.width - line.width) / 2;
    else if (flow.align === 'right' || line.rtl) x += flow.width - line.width;
    for (const run of line.runs) {
      const doc = this.font(run.face, style.size);
      // Plain runs (nearly all) go straight to the page; letter-spaced or feature-styled ones,
      // and runs with marks placed off the pen, through pdfkit's general path.
      if (!style.characterSpacing && !style.features && drawRun(doc, run.text, x + run.x, baseline, line.wordSpacing)) continue;
      doc.text(run.text, x + run.x, baseline, {
        lineBreak: false,
        baseline: 'alphabetic',
        wordSpacing: line.wordSpacing,
        characterSpacing: style.characterSpacing,
        features: style.features,
      });
    }
  }

  /** Sets lines off the grid, one baseline every `leading` points from `baseline`; returns the last. */
  drawAt(lines: FlowLine[], baseline: number, leading: number): number {
    let y = baseline - leading;
    for (const line of lines) {
      y += leading;
      this.draw(line, y);
    }
    return y;
  }

  /**
   * Flows blocks down the grid, turning pages as needed: no lone first or last line of a
   * paragraph at a page's foot or head, and no heading or ornament left at the foot of a page
   * without the text it introduces.
   */
  flow(blocks: FlowBlock[]): void {
    blocks.forEach((block, index) => {
      const splittable = block.splittable || block.lines.length > LINES_PER_PAGE;
      const gapBefore = () => (this.slot === 0 ? 0 : Math.max(this.pendingSpace, block.spaceBefore));
      const room = () => LINES_PER_PAGE - this.slot - gapBefore();
      let fits = linesThatFit(block.lines.length, room(), splittable) > 0;
      const next = blocks[index + 1];
      if (fits && block.keepWithNext && next) {
        const nextRoom = room() - block.lines.length - Math.max(block.spaceAfter, next.spaceBefore);
        const nextSplittable = next.splittable || next.lines.length > LINES_PER_PAGE;
        fits = linesThatFit(next.lines.length, nextRoom, nextSplittable) > 0;
      }
      if (!fits && this.slot > 0) this.newPage();
      this.slot += gapBefore();
      let remaining = block.lines;
      for (;;) {
        // At the top of a page at least one line goes down, whatever the rules say.
        const fitting = linesThatFit(remaining.length, LINES_PER_PAGE - this.slot, splittable);
        const count = Math.max(fitting, this.slot === 0 ? 1 : 0);
        for (const line of remaining.slice(0, count)) this.draw(line, FIRST_BASELINE + this.slot++ * LEADING);
        remaining = remaining.slice(count);
        if (!remaining.length) break;
        this.newPage();
      }
      this.pendingSpace = block.spaceAfter;
    });
  }

  titlePage(book: ExportBook): void {
    this.newPage();
    const title = this.flowLines(plain(book.title), BOOK_TITLE, 'center');
    let y = SINK - 16;
    if (hasText(plain(book.title))) y = this.drawAt(title, y, 32) + 48;
    this.drawAt(this.flowLines(plain(authorLine(book.authors)), AUTHORS, 'center'), y, 18);
  }

  section(section: ExportSection): void {
    switch (section.kind) {
      case 'dedication':
        return this.dedication(section.paragraphs);
      case 'epigraphs':
        return this.epigraphs(section.epigraphs);
      case 'part':
        return this.part(section);
      case 'chapter':
        return this.chapter(section);
    }
  }

  private dedication(paragraphs: ExportInline[][]): void {
    this.newPage();
    this.startGridBelow(SINK);
    this.flow(
      paragraphs.filter(hasText).map((paragraph) => ({
        lines: this.flowLines(paragraph, DEDICATION, 'center', NARROW),
        spaceBefore: 1,
        spaceAfter: 0,
        splittable: true,
        keepWithNext: false,
      })),
    );
  }

  private epigraphs(epigraphs: Extract<ExportSection, { kind: 'epigraphs' }>['epigraphs']): void {
    this.newPage();
    this.startGridBelow(PAGE_HEIGHT / 4);
    this.flow(
      epigraphs.map((epigraph) => ({
        lines: [
          ...this.flowLines(epigraph.quote, BODY, 'left', NARROW),
          ...(hasText(epigraph.attribution)
            ? this.flowLines([...plain('— '), ...epigraph.attribution], BODY, 'right', NARROW)
            : []),
        ],
        spaceBefore: 2,
        spaceAfter: 0,
        splittable: true,
        keepWithNext: false,
      })),
    );
  }

  /** Label and title centred from a third of the way down; returns the last baseline. */
  private heading(label: string, title: ExportInline[], titleStyle: TextStyle): number {
    let y = this.drawAt(this.flowLines(plain(label), LABEL, 'center'), SINK, 0);
    if (hasText(title)) {
      const leading = titleStyle.size * 1.25;
      y = this.drawAt(this.flowLines(title, titleStyle, 'center'), y + leading + 6, leading);
    }
    return y;
  }

  /** A chapter's or part's own epigraphs, under its heading: the quotation, then "— source" ranged right. */
  private openingEpigraphs(epigraphs: ExportEpigraph[]): FlowBlock[] {
    const shown = epigraphs.filter((epigraph) => hasText(epigraph.quote) || hasText(epigraph.attribution));
    return shown.map((epigraph, index) => ({
      lines: [
        ...this.flowLines(epigraph.quote, OPENING_EPIGRAPH, 'left', OPENING_EPIGRAPH_BOX),
        ...(hasText(epigraph.attribution) ? this.flowLines([...plain('— '), ...epigraph.attribution], OPENING_EPIGRAPH_SOURCE, 'right', OPENING_EPIGRAPH_BOX) : []),
      ],
      spaceBefore: index === 0 ? 0 : 1,
      spaceAfter: index === shown.length - 1 ? 2 : 0,
      splittable: true,
      keepWithNext: true,
    }));
  }

  /**
   * Starts the page of a part or chapter. The first one is page 1 and a right-hand page: a blank
   * page goes before it when the front matter ended on a right-hand page.
   */
  private openingPage(): void {
    if (this.firstNumberedPage === undefined && (this.pageCount + 1) % 2 === 0) this.newPage();
    this.newPage();
    this.firstNumberedPage ??= this.pageCount;
  }

  private part(part: Extract<ExportSection, { kind: 'part' }>): void {
    this.openingPage();
    this.startGridBelow(this.heading(part.label, part.title, PART_TITLE) + 2 * LEADING);
    this.flow(this.openingEpigraphs(part.epigraphs));
    this.flow(
      part.paragraphs.filter(hasText).map((paragraph) => ({
        lines: this.flowLines(paragraph, BODY, 'center'),
        spaceBefore: 1,
        spaceAfter: 0,
        splittable: true,
        keepWithNext: false,
      })),
    );
  }

  private chapter(chapter: Extract<ExportSection, { kind: 'chapter' }>): void {
    this.openingPage();
    let y = this.heading(chapter.label, chapter.title, CHAPTER_TITLE);
    if (hasText(chapter.subtitle)) y = this.drawAt(this.flowLines(chapter.subtitle, SUBTITLE, 'center'), y + 22, 16);
    this.startGridBelow(y + 3 * LEADING);
    this.flow([...this.openingEpigraphs(chapter.epigraphs), ...this.chapterBlocks(chapter.blocks)]);
  }

  private chapterBlocks(blocks: ExportBlock[]): FlowBlock[] {
    const flow: FlowBlock[] = [];
    // Text right after a heading or a break starts flush left: an indent there would only
    // repeat what the space already says.
    let indent = false;
    for (const block of blocks) {
      if (block.type === 'paragraph') {
        if (!hasText(block.inlines)) continue;
        flow.push({
          lines: this.flowLines(block.inlines, BODY, 'justify', { indent: indent ? INDENT : 0 }),
          spaceBefore: 0,
          spaceAfter: 0,
          splittable: true,
          keepWithNext: false,
        });
        indent = true;
      } else if (block.type === 'sceneHeading') {
        if (!hasText(block.inlines)) continue;
        flow.push({
          lines: this.flowLines(block.inlines, SCENE_HEADING, 'center'),
          spaceBefore: flow.length ? 1 : 0,
          spaceAfter: 0,
          splittable: false,
          keepWithNext: true,
        });
        indent = false;
      } else {
        flow.push({
          lines: this.flowLines(plain('* * *'), ORNAMENT, 'center'),
          spaceBefore: 1,
          spaceAfter: 1,
          splittable: false,
          keepWithNext: true,
        });
        indent = false;
      }
    }
    return flow;
  }

  /**
   * Page numbers, written once the page count is known: none in the front matter (title page,
   * dedication, epigraphs), then 1 from the first page of the first part or chapter, on every
   * page to the end, as the book's Word file numbers them.
   */
  folios(): void {
    const { start, count } = this.doc.bufferedPageRange();
    const measure = this.measure(FOLIO);
    if (this.firstNumberedPage === undefined) return;
    for (let page = this.firstNumberedPage; page <= count; page++) {
      this.doc.switchToPage(start + page - 1);
      const text = String(page - this.firstNumberedPage + 1);
      const x = this.left(page) + (MEASURE - measure.width(text, 'regular')) / 2;
      // Placed at an explicit point with wrapping off, so pdfkit never sees text below the bottom
      // margin and never turns the page on its own.
      this.doc.font('regular', FOLIO.size).text(text, x, FOLIO_BASELINE, { lineBreak: false, baseline: 'alphabetic' });
    }
  }
}

/** Whether each of EB Garamond's faces has a glyph (Courier's faces: pdfCodeText already moved what they lack). */
function bookFaceCovers(fonts: ReturnType<typeof pdfFontObjects>): Covers {
  return (codePoint, face) => !(face in fonts) || fonts[face as keyof typeof fonts].hasGlyphForCodePoint(codePoint);
}

/**
 * Typesets a book as a print-ready PDF: 6 × 9 in pages set in EB Garamond (embedded, so any
 * Latin, Greek or Cyrillic text prints; code in PDF's standard Courier), a title page, dedication and epigraphs on pages of their
 * own, each part and chapter on a new page, justified body text on a baseline grid, and page
 * numbers from 1 on the first part's or chapter's page (a right-hand page), none in the front matter. The document's dates are the book's `modified`, so
 * the same book always gives the same bytes.
 */
export async function bookToPdf(book: ExportBook): Promise<Uint8Array> {
  const fonts = pdfFontObjects();
  const author = authorLine(book.authors);
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    // No default font: pdfkit would load its Helvetica metrics from its own directory (which
    // bundling may not preserve), and a default set from the regular face's file would make
    // pdfkit re-parse that file on every switch to the registered "regular" (it finds the font
    // under its PostScript name and returns before caching the alias). Its types only allow a
    // string, though `null` is what turns the default off.
    font: null as unknown as string,
    lang: book.language,
    displayTitle: true,
    info: {
      Title: book.title,
      ...(author ? { Author: author } : {}),
      Creator: 'Quire',
      CreationDate: book.modified,
      ModDate: book.modified,
    },
  });
  // pdfkit takes a parsed font as well as a file (its types only know files).
  for (const face of ['regular', 'italic', 'bold', 'boldItalic'] as const) doc.registerFont(face, fonts[face] as unknown as Buffer);
  for (const [face, font] of Object.entries(PDF_CODE_FONTS)) doc.registerFont(face, font);

  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });

  const typesetter = new Typesetter(doc, bookFaceCovers(fonts), hyphenator(book.language));
  typesetter.titlePage(book);
  for (const section of book.sections) typesetter.section(section);
  typesetter.folios();
  doc.end();
  return done;
}
