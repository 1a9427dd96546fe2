import JSZip from 'jszip';
import { decodeXmlText } from './decodeXmlText';

/** A tracked change or a comment range as Word wrote it, found while marking the document. */
export interface WordRevision {
  kind: 'insertion' | 'deletion';
  author: string;
  date: Date | null;
}

/** A Word comment: who wrote it, when, and its text (paragraphs as lines). */
export interface WordComment {
  author: string;
  date: Date | null;
  body: string;
}

/** What {@link markRevisions} found, by the number its markers carry. */
export interface WordAnnotations {
  revisions: Map<string, WordRevision>;
  comments: Map<string, WordComment>;
}

/** Markers are private-use characters no manuscript contains: `\uE000` kind number `\uE001`. */
export const MARKER = /\uE000(\/?)([idc])(\d+)\uE001/g;
const marker = (text: string) => `<w:r><w:t xml:space="preserve">\uE000${text}\uE001</w:t></w:r>`;

function attribute(tag: string, name: string): string | null {
  const found = new RegExp(`\\bw:${name}="([^"]*)"`).exec(tag);
  return found ? decodeXmlText(found[1]) : null;
}

function dateOf(tag: string): Date | null {
  const value = attribute(tag, 'date');
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/**
 * Word's tracked changes and comment ranges are invisible to the reader of the document model
 * (it keeps inserted text as plain text and drops deleted text and comment ranges), so before
 * reading, the document's XML is rewritten: each `<w:ins>` and `<w:del>` around runs and each
 * `<w:commentRangeStart/End>` gets marker runs at its start and end (deleted text turned back
 * into ordinary text between its markers), and what each marker stands for (author, date; a
 * comment's text from `comments.xml`) is returned beside the rewritten file. The reader then
 * turns marked text into suggestion and comment marks (`applyWordAnnotations`). Returns the bytes
 * unchanged when the document has none of these.
 */
export async function markRevisions(bytes: Uint8Array): Promise<{ bytes: Uint8Array; annotations: WordAnnotations }> {
  const annotations: WordAnnotations = { revisions: new Map(), comments: new Map() };
  const zip = await JSZip.loadAsync(bytes);
  const documentPart = zip.file('word/document.xml');
  if (!documentPart) return { bytes, annotations };
  const xml = await documentPart.async('string');
  if (!/<w:(?:ins|del)\b[^>]*[^/]>|<w:commentRangeStart\b/.test(xml)) return { bytes, annotations };
  let count = 0;
  // Self-closing changes (a paragraph mark's, a table row's) never match: they carry no text.
  let rewritten = xml.replace(/<w:(ins|del)\b((?:[^>/]|\/(?!>))*)>([\s\S]*?)<\/w:\1>/g, (whole, kind: string, attrs: string, inner: string) => {
    if (!/<w:r\b/.test(inner)) return whole;
    const n = String(++count);
    const revisionKind = kind === 'ins' ? 'insertion' : 'deletion';
    annotations.revisions.set(n, { kind: revisionKind, author: attribute(attrs, 'author') ?? 'Word', date: dateOf(attrs) });
    const letter = kind === 'ins' ? 'i' : 'd';
    const body = kind === 'del' ? inner.replace(/<w:delText\b/g, '<w:t').replace(/<\/w:delText>/g, '</w:t>') : inner;
    return `${marker(`${letter}${n}`)}${body}${marker(`/${letter}${n}`)}`;
  });
  rewritten = rewritten.replace(/<w:commentRange(Start|End)\b([^>]*)\/>/g, (_whole, which: string, attrs: string) => {
    const id = attribute(attrs, 'id') ?? '';
    return /^\d+$/.test(id) ? marker(`${which === 'End' ? '/' : ''}c${id}`) : '';
  });
  const commentsPart = zip.file('word/comments.xml');
  if (commentsPart) {
    const comments = await commentsPart.async('string');
    for (const [, attrs, inner] of comments.matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g)) {
      const id = attribute(attrs, 'id');
      if (id === null) continue;
      const paragraphs = Array.from(inner.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g), ([, p]) =>
        Array.from(p.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g), ([, text]) => decodeXmlText(text)).join(''),
      );
      annotations.comments.set(id, { author: attribute(attrs, 'author') ?? 'Word', date: dateOf(attrs), body: paragraphs.join('\n').trim() });
    }
  }
  zip.file('word/document.xml', rewritten);
  return { bytes: await zip.generateAsync({ type: 'uint8array' }), annotations };
}
