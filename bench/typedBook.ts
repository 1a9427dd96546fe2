import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { generateNKeysBetween } from 'fractional-indexing';
import { BOOK_DOCUMENT, sectionStatsMap } from '@model/manuscript/bookDocument';
import { emptySection } from '@model/manuscript/emptySection';
import { metaMap, sectionsMap } from '@model/manuscript/manuscriptLayout';
import { measureSection, sectionContent, writeSectionContent } from '@model/manuscript/sectionDocument';
import { countWords } from '@model/manuscript/countWords';
import { loadTypingTrace, type TypingTrace } from './typingTrace';

/** The typed book's shape: 30 chapters of about 4,000 words, 120,000 words in all. */
export const TYPED_BOOK = { chapters: 30, wordsPerChapter: 4000 } as const;

/** A manuscript as stored documents: each document's name and its full state (update V2). */
export interface StoredBook {
  title: string;
  documents: Array<{ name: string; state: Uint8Array }>;
  words: number;
}

/**
 * One chapter typed keystroke by keystroke: the real trace's transactions replayed, one Yjs
 * transaction each, into a chapter's paragraphs (a newline typed splits a paragraph, deleting
 * one joins two, as the editor does), until the chapter holds `words` words. The document keeps
 * its history, as the sync server's do.
 */
export function typeChapter(trace: TypingTrace, title: string, words: number): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  writeSectionContent(doc, emptySection('chapter', title));
  const chapter = sectionContent(doc).get(0) as Y.XmlElement;
  const firstText = new Y.XmlText();
  (chapter.get(1) as Y.XmlElement).insert(0, [firstText]);
  const paragraphs: Y.XmlText[] = [firstText];

  /** The paragraph and offset of a position in the typed text (paragraphs joined by newlines). */
  const locate = (position: number): [number, number] => {
    let rest = position;
    for (let index = 0; index < paragraphs.length; index++) {
      const length = paragraphs[index].length;
      if (rest <= length) return [index, rest];
      rest -= length + 1;
    }
    throw new Error(`position ${position} is past the end of the text`);
  };
  const paragraphAfter = (index: number, text: string): Y.XmlText => {
    const element = new Y.XmlElement('paragraph');
    const content = new Y.XmlText();
    if (text) content.insert(0, text);
    element.insert(0, [content]);
    // The chapter's children are its title, then the paragraphs in order.
    chapter.insert(index + 2, [element]);
    paragraphs.splice(index + 1, 0, content);
    return content;
  };
  const remove = (position: number, count: number) => {
    const [index, offset] = locate(position);
    let left = count;
    while (left > 0) {
      const available = paragraphs[index].length - offset;
      if (left <= available) {
        paragraphs[index].delete(offset, left);
        return;
      }
      if (available > 0) paragraphs[index].delete(offset, available);
      left -= available;
      // The newline between this paragraph and the next: join them.
      const next = paragraphs[index + 1];
      const moved = next.toString();
      if (moved) paragraphs[index].insert(offset, moved);
      chapter.delete(index + 2, 1);
      paragraphs.splice(index + 1, 1);
      // Deleting goes on at the same place, now the start of the joined text.
      left -= 1;
    }
  };
  const insert = (position: number, text: string) => {
    const [index, offset] = locate(position);
    const lines = text.split('\n');
    const target = paragraphs[index];
    if (lines[0]) target.insert(offset, lines[0]);
    if (lines.length === 1) return;
    const cut = offset + lines[0].length;
    const tail = target.toString().slice(cut);
    if (tail) target.delete(cut, tail.length);
    let at = index;
    for (let line = 1; line < lines.length; line++) {
      paragraphAfter(at, line === lines.length - 1 ? lines[line] + tail : lines[line]);
      at++;
    }
  };

  let checked = 0;
  for (const [n, txn] of trace.txns.entries()) {
    doc.transact(() => {
      for (const [position, deleted, inserted] of txn.patches) {
        if (deleted > 0) remove(position, deleted);
        if (inserted) insert(position, inserted);
      }
    });
    if (n - checked >= 500) {
      checked = n;
      if (countWords(paragraphs.map((p) => p.toString()).join('\n')) >= words) break;
    }
  }
  return doc;
}

/** Builds the typed book: a book document and 30 typed chapters. */
export function buildTypedBook(trace: TypingTrace = loadTypingTrace()): StoredBook {
  const book = new Y.Doc({ gc: false });
  const ranks = generateNKeysBetween(null, null, TYPED_BOOK.chapters);
  const documents: StoredBook['documents'] = [];
  let words = 0;
  book.transact(() => metaMap(book).set('title', 'The Typed Book'));
  for (let index = 0; index < TYPED_BOOK.chapters; index++) {
    const id = `typedch${String(index + 1).padStart(5, '0')}`;
    const chapter = typeChapter(trace, `Chapter ${index + 1}`, TYPED_BOOK.wordsPerChapter);
    const stats = measureSection(chapter);
    words += stats.words;
    book.transact(() => {
      sectionsMap(book).set(id, { kind: 'chapter', rank: ranks[index] });
      sectionStatsMap(book).set(id, stats);
    });
    documents.push({ name: id, state: Y.encodeStateAsUpdateV2(chapter) });
    chapter.destroy();
  }
  documents.unshift({ name: BOOK_DOCUMENT, state: Y.encodeStateAsUpdateV2(book) });
  book.destroy();
  return { title: 'The Typed Book', documents, words };
}

/**
 * The typed book, built once and cached in `.data/bench-cache/` (keyed by a hash of this file and
 * the trace, so a change to either rebuilds it): building replays about two million keystrokes.
 */
export function typedBookCached(): StoredBook {
  const trace = loadTypingTrace();
  const key = createHash('sha256')
    .update(readFileSync(new URL(import.meta.url)))
    .update(JSON.stringify(trace.txns.length))
    .update(trace.endContent)
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(process.cwd(), '.data', 'bench-cache');
  const file = path.join(dir, `typed-book-${key}.bin`);
  if (existsSync(file)) return decodeBook(new Uint8Array(readFileSync(file)));
  const built = buildTypedBook(trace);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, encodeBook(built));
  return built;
}

function encodeBook(book: StoredBook): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, book.title);
  encoding.writeVarUint(encoder, book.words);
  encoding.writeVarUint(encoder, book.documents.length);
  for (const document of book.documents) {
    encoding.writeVarString(encoder, document.name);
    encoding.writeVarUint8Array(encoder, document.state);
  }
  return encoding.toUint8Array(encoder);
}

function decodeBook(bytes: Uint8Array): StoredBook {
  const decoder = decoding.createDecoder(bytes);
  const title = decoding.readVarString(decoder);
  const words = decoding.readVarUint(decoder);
  const count = decoding.readVarUint(decoder);
  const documents: StoredBook['documents'] = [];
  for (let i = 0; i < count; i++) documents.push({ name: decoding.readVarString(decoder), state: decoding.readVarUint8Array(decoder) });
  return { title, words, documents };
}
