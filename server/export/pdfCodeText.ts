import type { ExportInline } from './exportBook';

/** Windows-1252's characters at 0x80–0x9F, which Courier's WinAnsi encoding shows besides Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Whether PDF's standard Courier (WinAnsi-encoded) can show a character. */
function courierShows(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

/**
 * Inlines as the PDF sets them: code stays code where Courier can show its characters; any
 * character it cannot (Greek, Cyrillic, most symbols) is set in the book's own face instead, so
 * no character of code is ever lost or drawn as a blank.
 */
export function pdfCodeText(inlines: ExportInline[]): ExportInline[] {
  if (!inlines.some((inline) => 'text' in inline && inline.code)) return inlines;
  const out: ExportInline[] = [];
  for (const inline of inlines) {
    if ('lineBreak' in inline || !inline.code) {
      out.push(inline);
      continue;
    }
    let run = '';
    let runShows: boolean | null = null;
    const flush = () => {
      if (run) out.push({ ...inline, text: run, code: Boolean(runShows) });
      run = '';
    };
    for (const char of inline.text) {
      const shows = courierShows(char);
      if (runShows !== null && shows !== runShows) flush();
      runShows = shows;
      run += char;
    }
    flush();
  }
  return out;
}
