import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { woffToSfnt } from './woffToSfnt';

/**
 * The families the PDF falls back to for scripts EB Garamond does not cover, in the order
 * they are tried. Each is an npm package (`@fontsource/*`) whose font files are cut into subsets
 * by Unicode range; the package's CSS names each file's range, so a character's file is found
 * without opening any font, and only files whose characters a book uses are ever read.
 *
 * Serif designs, to sit beside the book's Garamond: Noto's, and for Arabic Amiri, a Naskh whose
 * letters are whole glyphs (Noto Naskh draws dots as separate glyphs, so text copied or extracted
 * from the PDF would lose them: jeem would read as hah). The emoji family (Noto
 * Emoji, monochrome outlines: PDF readers cannot be relied on for colour bitmap fonts) comes
 * before the CJK ones, whose files also carry a few emoji.
 */
const FAMILIES = [
  { name: 'hebrew', package: '@fontsource/noto-serif-hebrew' },
  { name: 'arabic', package: '@fontsource/amiri' },
  { name: 'devanagari', package: '@fontsource/noto-serif-devanagari' },
  { name: 'thai', package: '@fontsource/noto-serif-thai' },
  { name: 'emoji', package: '@fontsource/noto-emoji' },
  { name: 'sc', package: '@fontsource/noto-serif-sc' },
  { name: 'kr', package: '@fontsource/noto-serif-kr' },
] as const;

/** The weights the PDF sets: body text and bold. Italic has no counterpart in these scripts. */
export type FallbackWeight = 400 | 700;

/** A font face the PDF falls back to: its key (for pdfkit's registry) and its file. */
export interface FallbackFont {
  key: `script:${string}`;
  file: string;
}

interface SubsetFile {
  file: string;
  ranges: Array<[number, number]>;
}

const tables = new Map<string, SubsetFile[]>();

/** Reads `unicode-range` and file name of each @font-face in a fontsource weight stylesheet. */
export function parseFontsourceCss(css: string, dir: string): SubsetFile[] {
  const files: SubsetFile[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    // WOFF (zlib), not WOFF2: fontkit 2.0.4 misreads WOFF2's transformed composite glyphs when
    // subsetting, and WOFF unpacks to the original TrueType tables.
    const file = /url\(\.\/(files\/[^)]+\.woff)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((part): [number, number] => {
      const [low, high] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(low, 16), parseInt(high ?? low, 16)];
    });
    files.push({ file: path.join(/* turbopackIgnore: true */ dir, file), ranges });
  }
  return files;
}

/** The subset files of one family at one weight, read once per process. */
function subsetFiles(family: (typeof FAMILIES)[number], weight: FallbackWeight): SubsetFile[] {
  const cacheKey = `${family.name}/${weight}`;
  let files = tables.get(cacheKey);
  if (!files) {
    // Resolved from the working directory, as pdfFonts.ts explains.
    const require = createRequire(path.join(process.cwd(), 'package.json'));
    const dir = path.dirname(require.resolve(`${family.package}/package.json`));
    files = parseFontsourceCss(readFileSync(path.join(/* turbopackIgnore: true */ dir, `${weight}.css`), 'utf8'), dir);
    tables.set(cacheKey, files);
  }
  return files;
}

/** Clusters whose face is remembered: a book's distinct clusters number in the thousands at most. */
const FOUND_LIMIT = 20_000;
const found = new Map<string, FallbackFont | null>();
const files = new Map<string, string>();
const unpacked = new Map<string, Buffer>();
const opened = new Map<string, fontkit.Font>();

/** A subset file as a plain TrueType font, unpacked once per process. */
function fontBytes(file: string): Buffer {
  let bytes = unpacked.get(file);
  if (!bytes) unpacked.set(file, (bytes = woffToSfnt(readFileSync(file))));
  return bytes;
}

/** A subset file as a parsed font, once per process (see pdfFontObjects in pdfFonts.ts). */
function parsedFont(file: string): fontkit.Font {
  let font = opened.get(file);
  if (!font) opened.set(file, (font = fontkit.create(fontBytes(file)) as fontkit.Font));
  return font;
}

/** The parsed font of a fallback face {@link fallbackFontFor} has named, ready for pdfkit. */
export function fallbackFont(key: string): fontkit.Font | undefined {
  const file = files.get(key);
  return file === undefined ? undefined : parsedFont(file);
}

/** Whether a subset file really has a glyph for each character (its CSS range can promise more). */
function hasGlyphs(file: string, codePoints: number[]): boolean {
  const font = parsedFont(file);
  return codePoints.every((codePoint) => font.hasGlyphForCodePoint(codePoint));
}

/**
 * The fallback face that draws a grapheme cluster (a character and whatever marks or joiners go
 * with it, `codePoints[0]` first), or undefined when no family has all of it. `emojiFirst` asks
 * the emoji family before the others (for emoji presentation sequences).
 */
export function fallbackFontFor(codePoints: number[], weight: FallbackWeight, emojiFirst = false): FallbackFont | undefined {
  const cacheKey = `${codePoints.join(',')}/${weight}/${emojiFirst}`;
  const cached = found.get(cacheKey);
  if (cached !== undefined) return cached ?? undefined;
  const order = emojiFirst ? [...FAMILIES].sort((a, b) => Number(b.name === 'emoji') - Number(a.name === 'emoji')) : FAMILIES;
  // Joiners and variation selectors only select a form: the emoji font lacks some of them.
  const drawn = codePoints.filter((codePoint) => codePoint !== 0x200d && codePoint !== 0xfe0f && codePoint !== 0xfe0e);
  const base = codePoints[0];
  let result: FallbackFont | null = null;
  search: for (const family of order) {
    for (const subset of subsetFiles(family, weight)) {
      if (subset.ranges.some(([low, high]) => base >= low && base <= high) && hasGlyphs(subset.file, drawn)) {
        result = { key: `script:${path.basename(subset.file, '.woff')}`, file: subset.file };
        break search;
      }
    }
  }
  // A pasted run of random marks or emoji could otherwise grow this map without end.
  if (found.size >= FOUND_LIMIT) found.clear();
  found.set(cacheKey, result);
  if (result) files.set(result.key, result.file);
  return result ?? undefined;
}
