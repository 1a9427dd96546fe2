import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The four faces the PDF is set in. */
export type PdfFace = 'regular' | 'italic' | 'bold' | 'boldItalic';

/** The font file of each face, ready to register with pdfkit. */
export type PdfFontFiles = Record<PdfFace, Buffer>;

const FILES: Record<PdfFace, string> = {
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
  const read = (face: PdfFace) => readFileSync(path.join(/* turbopackIgnore: true */ dir, FILES[face]));
  cached = { regular: read('regular'), italic: read('italic'), bold: read('bold'), boldItalic: read('boldItalic') };
  return cached;
}
