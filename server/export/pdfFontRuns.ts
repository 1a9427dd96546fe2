import type { PdfFace } from './pdfFonts';
import type { FallbackWeight } from './pdfScriptFonts';
import { fallbackFontFor } from './pdfScriptFonts';

/** Text set in one face. */
export interface FaceRun {
  text: string;
  face: PdfFace;
}

/** Whether the book's own face (the one asked for) has a glyph for a character. */
export type Covers = (codePoint: number, face: PdfFace) => boolean;

/**
 * Latin, its punctuation and the common dashes and quotes: what EB Garamond surely draws, so the
 * vast majority of text skips the per-character work below.
 */
const SURELY_COVERED = /^[\x20-\x7e\u00a0-\u017f\u2010-\u2026]*$/;

/** Characters that only join or select a presentation and belong to whatever they follow. */
const JOINERS = new Set([0x200c, 0x200d, 0xfe0e, 0xfe0f]);

/** An emoji as emoji: a pictograph asked to look like one, joined to another, or past U+1F000. */
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function weightOf(face: PdfFace): FallbackWeight {
  return face === 'bold' || face === 'boldItalic' || face === 'codeBold' || face === 'codeBoldItalic' ? 700 : 400;
}

/**
 * Cuts text into runs, each in a face that has its glyphs: the face asked for where it has them,
 * otherwise a Noto fallback for the character's script (see pdfScriptFonts.ts). Works on whole
 * grapheme clusters, so a letter and its combining marks, or an emoji sequence, stay in one face
 * (the font's own mark positioning then places stacked marks). Text is NFC-normalised first, so
 * a letter with a precomposed form is drawn as one glyph.
 */
export function pdfFontRuns(text: string, face: PdfFace, covers: Covers): FaceRun[] {
  if (SURELY_COVERED.test(text)) return [{ text, face }];
  const runs: FaceRun[] = [];
  for (const { segment } of graphemes.segment(text.normalize('NFC'))) {
    const chosen = faceForCluster(segment, face, covers);
    const last = runs[runs.length - 1];
    if (last && last.face === chosen) last.text += segment;
    else runs.push({ text: segment, face: chosen });
  }
  return runs;
}

function faceForCluster(cluster: string, face: PdfFace, covers: Covers): PdfFace {
  const codePoints = [...cluster].map((char) => char.codePointAt(0)!);
  const base = codePoints[0];
  const emoji = PICTOGRAPH.test(cluster) && (base >= 0x1f000 || codePoints.some((code) => code === 0xfe0f || code === 0x200d));
  if (!emoji && codePoints.every((code) => JOINERS.has(code) || covers(code, face))) return face;
  // A face that has the whole cluster; else one with its base character (a mark nobody has is
  // drawn as a box); else the book's face, whose box is as good as any.
  return fallbackFontFor(codePoints, weightOf(face), emoji)?.key ?? fallbackFontFor([base], weightOf(face), emoji)?.key ?? face;
}
