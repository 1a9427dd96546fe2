import type { ExportBook } from './exportBook';
import type { ExportFormat } from '@model/export/exportFormats';
import { bookToDocx } from './bookToDocx';
import { bookToEpub } from './bookToEpub';
import { bookToHtml } from './bookToHtml';
import { bookToMarkdown } from './bookToMarkdown';
import { bookToPdf } from './bookToPdf';
import { bookToStandardManuscript } from './bookToStandardManuscript';
import { withTypographicQuotes } from './typographicQuotes';

/** Options some formats take. */
export interface RenderOptions {
  /** Standard Manuscript Format's typeface. */
  font?: 'times' | 'courier';
  /**
   * The print formats (PDF and the book's Word file) make straight quotes typographic unless
   * told to keep them as typed.
   */
  quotes?: 'typographic' | 'straight';
}

/** Renders an {@link ExportBook} in one format, as the bytes of the file. */
export async function renderExport(book: ExportBook, format: ExportFormat, options: RenderOptions = {}): Promise<Uint8Array> {
  const printed = () => (options.quotes === 'straight' ? book : withTypographicQuotes(book));
  switch (format) {
    case 'markdown':
      return new TextEncoder().encode(bookToMarkdown(book));
    case 'html':
      return new TextEncoder().encode(bookToHtml(book));
    case 'docx':
      return bookToDocx(printed());
    case 'smf':
      return bookToStandardManuscript(book, { font: options.font });
    case 'epub':
      return bookToEpub(book);
    case 'pdf':
      return bookToPdf(printed());
  }
}
