import type { ExportInline } from './exportBook';
import type { PdfFace } from './pdfFonts';
import { pdfCodeText } from './pdfCodeText';
import type { FaceRun } from './pdfFontRuns';
import type { BidiAtom } from './pdfBidi';
import { hasRightToLeft, isRightToLeftParagraph, visualOrder } from './pdfBidi';

/** Widths, in points at the size being set, of text in each face. */
export interface PdfMeasure {
  /** The advance width of text that contains no spaces. */
  width(text: string, face: PdfFace): number;
  /** The width of one word space. */
  space(face: PdfFace): number;
  /**
   * Cuts text typed in one face into runs each drawn by a face that has its glyphs (a script's
   * fallback font where the book's face has none); without it, text stays in its face.
   */
  split?(text: string, face: PdfFace): FaceRun[];
}

/** Text of one face within a line, starting `x` points from the line's left edge. */
export interface PdfRun {
  text: string;
  face: PdfFace;
  x: number;
}

/** One typeset line. */
export interface PdfLine {
  runs: PdfRun[];
  /**
   * What to add to every word space inside a run (pdfkit's `wordSpacing` option) so the line fills
   * its measure; the runs' offsets already include it for the spaces between runs.
   */
  wordSpacing: number;
  /** From the line's left edge to the end of its last word, indent included. */
  width: number;
  /**
   * A line of a right-to-left paragraph: its runs are laid out from 0 (the indent, on the right,
   * is counted in `width` only), and it is set flush right where a left-to-right line is set
   * flush left.
   */
  rtl?: boolean;
}

/** How a block of text is set. */
export interface PdfBreakOptions {
  /** The measure, in points. */
  width: number;
  /** Indent of the block's first line. */
  indent?: number;
  /**
   * Justify every line but the last of each line-broken segment; otherwise set ragged lines of
   * similar length (for centred and flush text).
   */
  justify: boolean;
  /**
   * Hyphenation points of a word (its pieces, in order; the word itself when it has none), for
   * justified text. Soft hyphens typed in the text are hyphenation points in any case.
   */
  hyphenate?: (word: string) => string[];
  /** The block's own face; emphasis inside an italic block turns roman, as is the convention. */
  italic?: boolean;
  bold?: boolean;
}

interface Piece {
  text: string;
  face: PdfFace;
  width: number;
}

/** A word (text between spaces), possibly in several faces: "once" in italic and "," in roman. */
interface Box {
  pieces: Piece[];
  width: number;
}

/** A word space, in the face it was typed in. */
interface Space {
  face: PdfFace;
  width: number;
}

/**
 * A hyphenation point inside a word: breaking there adds a hyphen `hyphen` wide, drawn in `face`,
 * the word's own book face (a fallback face for another script may have no hyphen at all).
 */
interface Hyphenation {
  hyphen: number;
  hyphenFace: PdfFace;
}

/**
 * What separates a box from the one before it: a space; a hyphenation point; or nothing, when a
 * word was split after a hyphen or dash (or cut to fit) so the line may break there.
 */
type Separator = Space | Hyphenation | null;

function isSpace(separator: Separator): separator is Space {
  return separator !== null && 'face' in separator;
}

function isHyphenation(separator: Separator | undefined): separator is Hyphenation {
  return separator != null && 'hyphen' in separator;
}

/** The hyphen drawn where a line breaks at a hyphenation point: U+2010, so it can be told from a typed one. */
export const DISCRETIONARY_HYPHEN = '\u2010';
const SOFT_HYPHEN = '\u00ad';

interface Segment {
  boxes: Box[];
  /** `separators[k]` sits between `boxes[k - 1]` and `boxes[k]`; index 0 is unused. */
  separators: Separator[];
}

/** Spaces that must not become line breaks: no-break, figure and narrow no-break spaces. */
const SPACES = /([^\S\u00a0\u2007\u202f]+)/;

/** A break point after a hyphen or dash joining two words: well-|known, AM—|again. */
const DASH_BREAK = /(?<=[\p{L}\p{N}][-‐–—]+)(?=[\p{L}\p{N}])/u;
const DASHES = /[-‐–—]/;

/** Stretch and shrink of a justified word space, as fractions of the body's space. */
const STRETCH = 0.6;
// Spaces shrink by at most a fifth: below about three quarters of EB Garamond's space (0.15 em),
// pdftotext and other extractors stop seeing a word break (pdfkit draws justified spaces as
// gaps, not space characters), and copied text runs words together.
const SHRINK = 0.2;

/** The most characters one cut of an over-wide word is looked for in: more than any line holds. */
const CUT_WINDOW = 1024;

/** Breaking after a hyphen or dash costs a little more than breaking at a space. */
const DASH_PENALTY = 50;

/**
 * First pass: only lines whose word spaces stay within a third of an em (EB Garamond's space is
 * 0.2 em; a stretch ratio of 1.1 takes it to 0.33 em). Second: spacing that stays reasonable
 * (stretch ratio about 2.15 at most). Last: anything.
 */
const PRETOLERANCE = 133;
const TOLERANCE = 1000;

/** Breaking at a hyphenation point costs more than after a typed dash: about one line in ten ends hyphenated. */
const HYPHEN_PENALTY = 200;
/** TeX's \\doublehyphendemerits. */
const DOUBLE_HYPHEN_DEMERITS = 10_000;

function faceOf(bold: boolean, italic: boolean, code = false): PdfFace {
  if (code) {
    if (bold) return italic ? 'codeBoldItalic' : 'codeBold';
    return italic ? 'codeItalic' : 'code';
  }
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;
const MARK = /\p{M}/u;

/**
 * Where to cut text near `at`: the nearest point at or before it, above `floor`, that splits no
 * surrogate pair and leaves no combining mark at the start of the next piece; failing that, `at`
 * itself (moved back one if it would split a pair).
 */
function cleanCut(text: string, at: number, floor: number): number {
  const unclean = (end: number) => HIGH_SURROGATE.test(text[end - 1]) || (end < text.length && MARK.test(text[end]));
  for (let end = at; end > floor; end--) if (!unclean(end)) return end;
  return at > 1 && HIGH_SURROGATE.test(text[at - 1]) ? at - 1 : at;
}

/**
 * A "word" longer than {@link CUT_WINDOW} characters (a pasted blob with no space in it) in
 * chunks of at most that many, each a place the line may break: measured whole, a blob of
 * 80,000 characters took the shaper minutes. Never cut inside a surrogate pair, nor (within
 * reason) between a letter and its marks.
 */
function blobChunks(token: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < token.length) {
    // Backing off a little keeps a letter with its marks; a "letter" with hundreds of marks (a
    // hostile one) is cut anyway.
    const limit = Math.min(token.length, start + CUT_WINDOW);
    const end = cleanCut(token, limit, Math.max(start, limit - 32));
    chunks.push(token.slice(start, end));
    start = end;
  }
  return chunks;
}

/** A word's pieces between its hyphenation points: soft hyphens typed in it, else the hyphenator's. */
function hyphenationPoints(word: string, whole: boolean, hyphenate: ((word: string) => string[]) | undefined): string[] {
  if (word.includes(SOFT_HYPHEN)) return word.split(SOFT_HYPHEN).filter(Boolean);
  if (!hyphenate || !whole) return [word];
  return hyphenate(word);
}

function segmentsOf(inlines: ExportInline[], options: PdfBreakOptions, measure: PdfMeasure): Segment[] {
  const segments: Segment[] = [];
  let segment: Segment = { boxes: [], separators: [null] };
  let pieces: Piece[] = [];
  // What separates the open box from the one before it.
  let before: Separator = null;
  // The face of the first space typed since the last word, if any.
  let pendingSpace: PdfFace | undefined;

  const closeBox = () => {
    if (!pieces.length) return;
    if (segment.boxes.length) segment.separators.push(before);
    segment.boxes.push({ pieces, width: pieces.reduce((sum, piece) => sum + piece.width, 0) });
    pieces = [];
  };
  const addPiece = (text: string, face: PdfFace, breakBefore: 'dash' | 'hyphen' | false) => {
    if (breakBefore === 'dash') {
      closeBox();
      before = null;
    } else if (breakBefore === 'hyphen') {
      closeBox();
      before = { hyphen: measure.width(DISCRETIONARY_HYPHEN, face), hyphenFace: face };
    } else if (pendingSpace !== undefined) {
      closeBox();
      before = { face: pendingSpace, width: measure.space(pendingSpace) };
      pendingSpace = undefined;
    }
    for (const run of measure.split ? measure.split(text, face) : [{ text, face }]) {
      const last = pieces[pieces.length - 1];
      if (last && last.face === run.face) {
        last.text += run.text;
        last.width = measure.width(last.text, run.face);
      } else {
        pieces.push({ text: run.text, face: run.face, width: measure.width(run.text, run.face) });
      }
    }
  };

  for (const inline of inlines) {
    if ('lineBreak' in inline) {
      closeBox();
      segments.push(segment);
      segment = { boxes: [], separators: [null] };
      pendingSpace = undefined;
      continue;
    }
    const face = faceOf(Boolean(options.bold) || inline.bold, Boolean(options.italic) !== inline.italic, Boolean(inline.code));
    for (const token of inline.text.split(SPACES)) {
      if (!token) continue;
      if (SPACES.test(token)) {
        // Spaces before a segment's first word are dropped; later ones separate words.
        if (pieces.length || segment.boxes.length) pendingSpace ??= face;
        continue;
      }
      // A word that starts here (after a space, or first) may be hyphenated; not the tail of a
      // word whose start was in another face.
      const wordStart = pendingSpace !== undefined || !pieces.length;
      const parts = token.length > CUT_WINDOW ? blobChunks(token) : DASHES.test(token) ? token.split(DASH_BREAK) : [token];
      for (const [index, part] of parts.entries()) {
        const syllables = hyphenationPoints(part, wordStart || index > 0, inline.code ? undefined : options.hyphenate);
        syllables.forEach((syllable, k) => addPiece(syllable, face, k > 0 ? 'hyphen' : index > 0 ? 'dash' : false));
      }
    }
  }
  closeBox();
  segments.push(segment);
  // A trailing line break shows nothing in the editor, so it must not add an empty line here.
  if (segments.length > 1 && !segments[segments.length - 1].boxes.length) segments.pop();
  return segments;
}

/**
 * Cuts words wider than `limit` (long URLs) into pieces that fit, so nothing runs into the margin;
 * no hyphen is added, since none belongs in such a word.
 */
function splitWideWords(segment: Segment, limit: number, measure: PdfMeasure): Segment {
  if (segment.boxes.every((box) => box.width <= limit)) return segment;
  const result: Segment = { boxes: [], separators: [null] };
  segment.boxes.forEach((box, index) => {
    const first = result.boxes.length;
    if (box.width <= limit) result.boxes.push(box);
    else {
      for (const piece of box.pieces) {
        let rest = piece.text;
        while (rest) {
          // The longest prefix that fits, and at least one character, looked for among the next
          // CUT_WINDOW characters only: a pasted blob of 200,000 characters without a space
          // would otherwise be measured whole at every step, and cut in quadratic time.
          let low = 1;
          let high = Math.min(rest.length, CUT_WINDOW);
          while (low < high) {
            const mid = Math.ceil((low + high) / 2);
            if (measure.width(rest.slice(0, mid), piece.face) <= limit) low = mid;
            else high = mid - 1;
          }
          low = cleanCut(rest, low, 1);
          const text = rest.slice(0, low);
          const width = measure.width(text, piece.face);
          result.boxes.push({ pieces: [{ text, face: piece.face, width }], width });
          rest = rest.slice(low);
        }
      }
    }
    if (index > 0) result.separators.push(segment.separators[index]);
    for (let k = first + 1; k < result.boxes.length; k++) result.separators.push(null);
  });
  return result;
}

/**
 * Chooses where a segment's lines end, minimising the total badness of all its lines rather than
 * filling each line greedily (the Knuth–Plass approach, without hyphenation): a greedy fill
 * leaves very loose lines wherever a long word just fails to fit.
 * Returns the index of the first box of each line after the first, then the box count.
 */
function breakPoints(
  segment: Segment,
  firstWidth: number,
  width: number,
  justify: boolean,
  spaceWidth: number,
): number[] {
  const { boxes, separators } = segment;
  const n = boxes.length;
  const boxSum = new Float64Array(n + 1);
  const spaceSum = new Float64Array(n + 1);
  const spaceCount = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) boxSum[k + 1] = boxSum[k] + boxes[k].width;
  for (let k = 1; k < n; k++) {
    const separator = separators[k];
    spaceSum[k] = spaceSum[k - 1] + (isSpace(separator) ? separator.width : 0);
    spaceCount[k] = spaceCount[k - 1] + (isSpace(separator) ? 1 : 0);
  }
  const stretch = STRETCH * spaceWidth;
  const shrink = justify ? SHRINK * spaceWidth : 0;

  for (const tolerance of [PRETOLERANCE, TOLERANCE, Infinity]) {
    const best = new Float64Array(n + 1).fill(Infinity);
    const previous = new Int32Array(n + 1);
    best[0] = 0;
    for (let j = 1; j <= n; j++) {
      const end = j < n ? separators[j] : undefined;
      const hyphenated = isHyphenation(end);
      const penalty = end === null ? DASH_PENALTY : hyphenated ? HYPHEN_PENALTY : 0;
      for (let i = j - 1; i >= 0; i--) {
        const measureWidth = i === 0 ? firstWidth : width;
        const gaps = spaceCount[j - 1] - spaceCount[i];
        const natural = boxSum[j] - boxSum[i] + spaceSum[j - 1] - spaceSum[i] + (hyphenated ? end.hyphen : 0);
        const single = j - i === 1;
        if (natural - gaps * shrink > measureWidth && !single) break;
        if (best[i] === Infinity) continue;
        let badness: number;
        if (natural - gaps * shrink > measureWidth) {
          badness = 10_000; // one word wider than the measure: only as a last resort
        } else if (!justify) {
          badness = 100 * ((2 * Math.max(0, measureWidth - natural)) / measureWidth) ** 3;
        } else if (natural > measureWidth) {
          badness = 100 * ((natural - measureWidth) / (gaps * shrink)) ** 3;
        } else if (j === n) {
          badness = 0;
        } else if (gaps === 0) {
          badness = 10_000;
        } else {
          badness = 100 * ((measureWidth - natural) / (gaps * stretch)) ** 3;
        }
        if (badness > tolerance) continue;
        // Two hyphenated lines in a row cost extra: a ladder of hyphens is the thing to avoid.
        const ladder = hyphenated && i > 0 && isHyphenation(separators[i]) ? DOUBLE_HYPHEN_DEMERITS : 0;
        const demerits = best[i] + (10 + badness) ** 2 + penalty ** 2 + ladder;
        if (demerits < best[j]) {
          best[j] = demerits;
          previous[j] = i;
        }
      }
    }
    if (best[n] === Infinity) continue;
    const ends: number[] = [];
    for (let j = n; j > 0; j = previous[j]) ends.push(j);
    return ends.reverse();
  }
  // The second pass accepts any line, including one overfull word, so it always finds a path.
  throw new Error('unreachable: no line breaks found');
}

/**
 * A line holding right-to-left text: every word and space placed explicitly, in the order the
 * bidirectional algorithm gives (see pdfBidi.ts).
 */
function bidiLineOf(segment: Segment, start: number, end: number, indent: number, wordSpacing: number, rightToLeft: boolean, measure: PdfMeasure): PdfLine {
  const atoms: BidiAtom<PdfFace>[] = [];
  for (let k = start; k < end; k++) {
    const separator = k > start ? segment.separators[k] : null;
    if (isSpace(separator)) atoms.push({ text: ' ', face: null, width: separator.width + wordSpacing });
    for (const piece of segment.boxes[k].pieces) atoms.push({ text: piece.text, face: piece.face, width: piece.width });
  }
  const breakAtEnd = end < segment.boxes.length ? segment.separators[end] : null;
  if (isHyphenation(breakAtEnd)) {
    atoms.push({ text: DISCRETIONARY_HYPHEN, face: breakAtEnd.hyphenFace, width: breakAtEnd.hyphen });
  }
  const runs: PdfRun[] = [];
  let x = rightToLeft ? 0 : indent;
  for (const atom of visualOrder(atoms, rightToLeft, measure.width)) {
    if (atom.face !== null) runs.push({ text: atom.text, face: atom.face, x });
    x += atom.width;
  }
  return { runs, wordSpacing: 0, width: rightToLeft ? x + indent : x, rtl: rightToLeft };
}

function lineOf(
  segment: Segment,
  start: number,
  end: number,
  measureWidth: number,
  indent: number,
  justify: boolean,
  bidi?: { rightToLeft: boolean; measure: PdfMeasure },
): PdfLine {
  const { boxes, separators } = segment;
  let natural = 0;
  let gaps = 0;
  for (let k = start; k < end; k++) {
    natural += boxes[k].width;
    const separator = k > start ? separators[k] : null;
    if (isSpace(separator)) {
      natural += separator.width;
      gaps++;
    }
  }
  const hyphenEnd = end < boxes.length ? separators[end] : null;
  if (isHyphenation(hyphenEnd)) natural += hyphenEnd.hyphen;
  const last = end === boxes.length;
  const wordSpacing = justify && gaps > 0 && (!last || natural > measureWidth) ? (measureWidth - natural) / gaps : 0;
  if (bidi) return bidiLineOf(segment, start, end, indent, wordSpacing, bidi.rightToLeft, bidi.measure);

  const runs: PdfRun[] = [];
  let run: PdfRun | null = null;
  let x = indent;
  for (let k = start; k < end; k++) {
    const box = boxes[k];
    const separator = k > start ? separators[k] : null;
    if (isSpace(separator)) {
      x += separator.width + wordSpacing;
      // pdfkit spaces a run's words with that run's own space, so a space typed in another face
      // has to start a new run at an explicit position.
      if (run && run.face === separator.face && box.pieces[0].face === separator.face) run.text += ' ';
      else run = null;
    }
    for (const piece of box.pieces) {
      if (run && run.face === piece.face) run.text += piece.text;
      else {
        run = { text: piece.text, face: piece.face, x };
        runs.push(run);
      }
      x += piece.width;
    }
  }
  if (isHyphenation(hyphenEnd)) {
    if (run && run.face === hyphenEnd.hyphenFace) run.text += DISCRETIONARY_HYPHEN;
    else runs.push({ text: DISCRETIONARY_HYPHEN, face: hyphenEnd.hyphenFace, x });
    x += hyphenEnd.hyphen;
  }
  return { runs, wordSpacing, width: x };
}

/**
 * Breaks a block of inline text into lines: words in their faces (bold, italic, both; code in
 * Courier's), line
 * breaks honoured, lines justified or left ragged, breaking only at spaces and after the hyphen or
 * dash inside a compound (never inside a word, so no hyphen is ever added). Pure: all widths come
 * from `measure`.
 */
export function pdfBreakLines(inlines: ExportInline[], options: PdfBreakOptions, measure: PdfMeasure): PdfLine[] {
  const indent = options.indent ?? 0;
  const spaceWidth = measure.space(faceOf(Boolean(options.bold), Boolean(options.italic)));
  const lines: PdfLine[] = [];
  const text = inlines.map((inline) => ('text' in inline ? inline.text : '')).join('');
  const bidi = hasRightToLeft(text) ? { rightToLeft: isRightToLeftParagraph(text), measure } : undefined;
  segmentsOf(pdfCodeText(inlines), options, measure).forEach((whole, index) => {
    if (!whole.boxes.length) {
      lines.push({ runs: [], wordSpacing: 0, width: 0 });
      return;
    }
    const firstIndent = index === 0 ? indent : 0;
    const segment = splitWideWords(whole, options.width - firstIndent, measure);
    const ends = breakPoints(segment, options.width - firstIndent, options.width, options.justify, spaceWidth);
    let start = 0;
    for (const end of ends) {
      const lineIndent = start === 0 ? firstIndent : 0;
      lines.push(lineOf(segment, start, end, options.width - lineIndent, lineIndent, options.justify, bidi));
      start = end;
    }
  });
  return lines;
}
