/**
 * Draws one run of a typeset line straight into the page's content stream.
 *
 * The line breaker has already measured every word, so pdfkit's general `text()` path would
 * only repeat work: it measures each run twice more, and shapes each word again with its
 * trailing space ("word " is another entry in pdfkit's shaping cache than "word"), which on a
 * novel is a third of the PDF export's time. Here each word is encoded once, by the same
 * per-word shaping pdfkit's own measurement caches, and the run is written as one text object,
 * exactly as pdfkit writes it: a justified run positions its words (spaces become gaps, the
 * space's advance plus the word spacing, which is how pdfkit draws justified text and how
 * `pdftotext` recovers word spaces); a ragged run draws its space glyphs.
 */

/** A glyph's placement from pdfkit's font, in thousandths of the font size. */
interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/** What is used here of pdfkit's embedded font, which its type definitions leave out. */
interface PdfkitFont {
  id: string;
  encode(text: string): [string[], GlyphPosition[]];
  ref(): unknown;
}

/** What is used here of pdfkit's document internals (pdfkit is pinned; see package.json). */
interface PdfkitInternals {
  _font: PdfkitFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** Numbers as pdfkit writes them into content streams: at most six decimals. */
const number = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Draws `text` in the document's current font and size with its left end at `x` and its
 * baseline at `baseline` (top-down page coordinates, as pdfkit uses), adding `wordSpacing`
 * points at each space. Returns false, having drawn nothing, when a glyph is placed off its pen
 * position (a combining mark positioned by the font): pdfkit's `text()` handles those runs.
 */
export function drawRun(doc: PDFKit.PDFDocument, text: string, x: number, baseline: number, wordSpacing: number): boolean {
  const pdf = doc as unknown as PdfkitInternals;
  const font = pdf._font;
  const size = pdf._fontSize;
  const words = text.split(' ');
  let gap = 0;
  let spaceGlyph: string | undefined;
  if (wordSpacing) {
    const [, [space]] = font.encode(' ');
    gap = space.xAdvance + (wordSpacing * 1000) / size;
  } else if (words.length > 1) {
    const [[glyph], [space]] = font.encode(' ');
    spaceGlyph = glyph;
    gap = space.xAdvance - space.advanceWidth;
  }
  // A TJ array: runs of glyph ids in hex, each followed by how far to move the pen back (in
  // thousandths of the font size) where the next glyph does not follow at the advance width.
  const commands: string[] = [];
  let hex = '';
  let pending = 0;
  const add = (glyph: string) => {
    if (pending !== 0 && hex) {
      commands.push(`<${hex}> ${number(-pending)}`);
      hex = '';
    }
    pending = 0;
    hex += glyph;
  };
  for (let w = 0; w < words.length; w++) {
    if (w > 0) {
      if (spaceGlyph !== undefined) add(spaceGlyph);
      pending += gap;
    }
    const [glyphs, positions] = font.encode(words[w]);
    for (let i = 0; i < glyphs.length; i++) {
      const position = positions[i];
      if (position.xOffset || position.yOffset) return false;
      add(glyphs[i]);
      pending += position.xAdvance - position.advanceWidth;
    }
  }
  if (hex) commands.push(`<${hex}>`);
  if (!commands.length) return true;
  if (pdf.page.fonts[font.id] == null) pdf.page.fonts[font.id] = font.ref();
  // pdfkit flips the page so y runs down; text is set in PDF's own upward coordinates.
  pdf.addContent(`q\n1 0 0 -1 0 ${number(pdf.page.height)} cm\nBT\n1 0 0 1 ${number(x)} ${number(pdf.page.height - baseline)} Tm\n/${font.id} ${number(size)} Tf\n[${commands.join(' ')}] TJ\nET\nQ`);
  return true;
}
