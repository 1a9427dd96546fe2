import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { countWords } from '@model/manuscript/countWords';
import { jsonText } from '@model/manuscript/jsonText';
import { HttpError } from '../http/HttpError';
import { buildManuscript } from './buildManuscript';
import { docxBlocks } from './docxBlocks';
import type { ImportedThread } from './wordAnnotations';
import { looksLikeMarkdown } from './looksLikeMarkdown';
import { markdownBlocks } from './markdownBlocks';
import { markdownNestingProblem } from './markdownNesting';
import { firstControlCharacter } from './controlCharacter';
import type { ImportBlock } from './importBlock';
import { plainTextBlocks } from './plainTextBlocks';
import { titleFromFileName } from './titleFromFileName';
import { zipUnpackedSize } from './zipUnpackedSize';
import { docxLanguage } from './docxLanguage';
import { splitFrontMatter, type FrontMatter } from './markdownFrontMatter';

/** The largest file accepted for import: a long novel as .docx is a few hundred kilobytes. */
export const IMPORT_SIZE_LIMIT = 10 * 1024 * 1024;

/** The most a .docx may unpack to: far more than any novel, far less than a zip bomb. */
const DOCX_UNPACKED_LIMIT = 200 * 1024 * 1024;

/** The formats {@link importFile} reads, by file extension. */
export const IMPORT_EXTENSIONS = ['.txt', '.md', '.markdown', '.docx'] as const;

/**
 * What an import produced: the manuscript, whether the file stated its title (or it is the
 * file's name), and the comment threads a Word document brought (their marks are in the text).
 */
export interface ImportedManuscript extends ManuscriptJson {
  titleStated: boolean;
  threads: ImportedThread[];
  /** Each chapter's and part's heading as the file wrote it, by section id (see applyImportCorrections). */
  headings: Record<string, string>;
}

/** An uploaded file: its name (for its type and a fallback title) and its bytes. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** Windows-1252's characters for bytes 0x80–0x9F (curly quotes, dashes, ellipsis…), where it differs from Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Text as UTF-8, or as Windows-1252 (what older Windows tools save) when it is not valid UTF-8. */
function decodeText(name: string, bytes: Uint8Array): string {
  // Windows Notepad's "Unicode" is UTF-16 with a byte-order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Node decodes "windows-1252" as Latin-1, which turns curly quotes into control characters.
    return new TextDecoder('latin1').decode(bytes).replace(/[\u0080-\u009f]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80]);
  }
}

/**
 * Refuses text with a control character in it, wherever it is, naming the character and its
 * line: a binary file renamed, UTF-16 without its byte-order mark, or a stray byte a tool left.
 * Dropping it silently could hide a damaged file; the writer decides.
 */
function refuseControlCharacters(name: string, text: string): void {
  const found = firstControlCharacter(text);
  if (!found) return;
  throw new HttpError(
    422,
    `“${name}” is not plain text: line ${found.line.toLocaleString('en')} has a control character (${found.codePoint}). If it is a text file, remove that character or save the file again as plain text (UTF-8), then import it again.`,
  );
}

/** Markdown blocks, or a clear refusal for a file nested deeper than any manuscript. */
function readMarkdown(name: string, source: string): ImportBlock[] {
  const nesting = markdownNestingProblem(source);
  if (nesting) throw new HttpError(422, `“${name}” cannot be imported as Markdown: it has ${nesting.problem} (line ${nesting.line.toLocaleString('en')}). No manuscript needs that; check the file, or save it as plain text.`);
  try {
    return markdownBlocks(source);
  } catch (error) {
    // A shape the check above did not foresee still gets an answer, not a crash.
    if (error instanceof RangeError) throw new HttpError(422, `“${name}” is nested too deeply to be read as Markdown; save it as plain text and import that.`);
    throw error;
  }
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot >= 0 ? name.slice(dot).toLowerCase() : '';
}

/**
 * Reads an uploaded .txt, .md or .docx file into manuscript JSON with its structure detected.
 * Every refusal is an {@link HttpError} with a message fit to show the writer: a type Quire does
 * not read (415), an empty file or one with no words, a damaged .docx, text with a control
 * character or Markdown nested past any manuscript (422, naming the line), a file over
 * {@link IMPORT_SIZE_LIMIT} (413). It creates nothing; callers store the result once confirmed.
 */
export async function importFile(file: UploadedFile, options: { makeId?: () => string } = {}): Promise<ImportedManuscript> {
  const { name, bytes } = file;
  const extension = extensionOf(name);
  if (!(IMPORT_EXTENSIONS as readonly string[]).includes(extension)) {
    const hint = extension === '.doc' ? ' Open it in Word and save it as .docx first.' : '';
    throw new HttpError(415, `Quire imports .txt, .md and .docx files; “${name}” is none of these.${hint}`);
  }
  if (bytes.byteLength === 0) throw new HttpError(422, `“${name}” is empty.`);
  if (bytes.byteLength > IMPORT_SIZE_LIMIT) {
    throw new HttpError(413, `“${name}” is larger than the ${IMPORT_SIZE_LIMIT / 1024 / 1024} MB import limit.`);
  }
  const title = titleFromFileName(name);
  let manuscript: ManuscriptJson & { headings: Record<string, string> };
  let threads: ImportedThread[] = [];
  // What the file says about itself: a Word document's language, a Markdown file's front matter.
  let stated: FrontMatter = {};
  if (extension === '.docx') {
    const damaged = `“${name}” could not be read as a Word document; it may be damaged. Open it in Word, save it again, and retry.`;
    if (!ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte)) throw new HttpError(422, damaged);
    const unpacked = zipUnpackedSize(bytes);
    if (unpacked === null) throw new HttpError(422, damaged);
    if (unpacked > DOCX_UNPACKED_LIMIT) throw new HttpError(413, `“${name}” unpacks to more than ${DOCX_UNPACKED_LIMIT / 1024 / 1024} MB, too large to import.`);
    let blocks;
    try {
      ({ blocks, threads } = await docxBlocks(bytes));
      const language = await docxLanguage(bytes);
      if (language) stated = { language };
    } catch {
      throw new HttpError(422, damaged);
    }
    manuscript = buildManuscript(blocks, { title, makeId: options.makeId });
  } else {
    const text = decodeText(name, bytes);
    refuseControlCharacters(name, text);
    const isTxt = extension === '.txt';
    const markdown = !isTxt || looksLikeMarkdown(text);
    // Text files put one paragraph on each line even when they use Markdown's marks.
    const source = isTxt ? text.replace(/\r\n?/g, '\n').replace(/\n/g, '\n\n') : text;
    let body = source;
    if (markdown && !isTxt) ({ frontMatter: stated, body } = splitFrontMatter(source));
    manuscript = markdown
      ? buildManuscript(readMarkdown(name, body), { title, makeId: options.makeId, textFile: isTxt, statedTitle: stated.title })
      : buildManuscript(plainTextBlocks(text), { title, makeId: options.makeId, plain: true, textFile: true });
  }
  if (!manuscript.sections.some((section) => countWords(jsonText(section.content)) > 0)) {
    throw new HttpError(422, `“${name}” has no text to import.`);
  }
  return { ...manuscript, ...(stated.language ? { language: stated.language } : {}), titleStated: Boolean(stated.title) || manuscript.title !== title, threads };
}
