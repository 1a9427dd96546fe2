import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The faces of EB Garamond the book is set in, read from font files and embedded. */
export type PdfTextFace = 'regular' | 'italic' | 'bold' | 'boldItalic';

/** The faces code (the editor's code mark) is set in: PDF's standard Courier. */
export type PdfCodeFace = 'code' | 'codeItalic' | 'codeBold' | 'codeBoldItalic';

/** A Noto face for a script EB Garamond lacks, named by its file (see pdfScriptFonts.ts). */
export type PdfScriptFace = `script:${string}`;

/** Every face the PDF is set in. */
export type PdfFace = PdfTextFace | PdfCodeFace | PdfScriptFace;

/**
 * Courier's faces by pdfkit's names. Courier is one of the fonts every PDF reader has, so nothing
 * needs embedding or installing; its metrics ship inside pdfkit.
 */
export const PDF_CODE_FONTS: Record<PdfCodeFace, string> = {
  code: 'Courier',
  codeItalic: 'Courier-Oblique',
  codeBold: 'Courier-Bold',
  codeBoldItalic: 'Courier-BoldOblique',
};

/** The font file of each text face, ready to register with pdfkit. */
export type PdfFontFiles = Record<PdfTextFace, Buffer>;

const FILES: Record<PdfTextFace, string> = {
  regular: '400Regular/EBGaramond_400Regular.ttf',
  italic: '400Regular_Italic/EBGaramond_400Regular_Italic.ttf',
  bold: '700Bold/EBGaramond_700Bold.ttf',
  boldItalic: '700Bold_Italic/EBGaramond_700Bold_Italic.ttf',
};

let cached: PdfFontFiles | undefined;

/**
 * EB Garamond's regular, italic, bold and bold-italic TrueType files, read once per process.
 * Embedded fonts (unlike PDF's standard 14) print any Latin, Greek or Cyrillic text.
 *
 * The package is resolved from the working directory's package.json rather than from this
 * module's own URL: inside a bundled Next.js route this file no longer sits next to
 * node_modules, but the server still runs from the project root.
 */
export function pdfFonts(): PdfFontFiles {
  if (cached) return cached;
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  const dir = path.dirname(require.resolve('@expo-google-fonts/eb-garamond/package.json'));
  const read = (face: PdfTextFace) => readFileSync(path.join(/* turbopackIgnore: true */ dir, FILES[face]));
  cached = { regular: read('regular'), italic: read('italic'), bold: read('bold'), boldItalic: read('boldItalic') };
  return cached;
}

let parsed: Record<PdfTextFace, fontkit.Font> | undefined;

/**
 * The text faces as parsed fonts, once per process. Handing pdfkit a parsed font instead of the
 * file keeps it from parsing the file again for every export: fontkit decodes a font's
 * substitution and positioning tables lazily, as words use them, and doing that afresh each time
 * cost about 400 ms an export whatever the book's length. A parsed font is safe to share: each
 * document takes its own subset of it, and layout runs synchronously.
 */
export function pdfFontObjects(): Record<PdfTextFace, fontkit.Font> {
  if (parsed) return parsed;
  const files = pdfFonts();
  const open = (face: PdfTextFace) => fontkit.create(files[face]) as fontkit.Font;
  parsed = { regular: open('regular'), italic: open('italic'), bold: open('bold'), boldItalic: open('boldItalic') };
  return parsed;
}
