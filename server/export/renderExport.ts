import type { ExportBook } from './exportBook';
import type { ExportFormat } from '@model/export/exportFormats';
import { bookToDocx } from './bookToDocx';
import { bookToEpub } from './bookToEpub';
import { bookToHtml } from './bookToHtml';
import { bookToMarkdown } from './bookToMarkdown';
import { bookToPdf } from './bookToPdf';
import { bookToStandardManuscript } from './bookToStandardManuscript';

/** Options some formats take. */
export interface RenderOptions {
  /** Standard Manuscript Format's typeface. */
  font?: 'times' | 'courier';
}

/** Renders an {@link ExportBook} in one format, as the bytes of the file. */
export async function renderExport(book: ExportBook, format: ExportFormat, options: RenderOptions = {}): Promise<Uint8Array> {
  switch (format) {
    case 'markdown':
      return new TextEncoder().encode(bookToMarkdown(book));
    case 'html':
      return new TextEncoder().encode(bookToHtml(book));
    case 'docx':
      return bookToDocx(book);
    case 'smf':
      return bookToStandardManuscript(book, { font: options.font });
    case 'epub':
      return bookToEpub(book);
    case 'pdf':
      return bookToPdf(book);
  }
}
