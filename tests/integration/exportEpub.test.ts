import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import path from 'node:path';
import { wordsOf } from '@model/manuscript/countWords';
import { bookToEpub } from '../../server/export/bookToEpub';
import { epubIdentifier } from '../../server/export/epubIdentifier';
import { headingLine, inlineText, type ExportBook } from '../../server/export/exportBook';
import { exportBookText } from '../support/exportBookText';
import { everythingBook, sampleNovelBook } from '../support/exportFixtures';
import { EPUBCHECK_TIMEOUT, assertPassesEpubcheck } from '../support/epubcheck';



/** The five XML entities and numeric references, the only ones an EPUB's XHTML may use. */
function decodeEntities(xml: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return xml.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (reference, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    assert.ok(name in named, `undefined entity ${reference}`);
    return named[name];
  });
}

/** The text a reader sees: inline elements join their neighbours, every other tag separates words. */
function textOf(xhtml: string): string {
  return decodeEntities(xhtml.replace(/<\/?(?:em|strong|b|i|span)(?:\s[^>]*)?>/g, '').replace(/<[^>]*>/g, ' '));
}

function bodyOf(xhtml: string): string {
  const match = /<body[^>]*>([\s\S]*)<\/body>/.exec(xhtml);
  assert.ok(match, 'XHTML document without a body');
  return match[1];
}

interface Epub {
  bytes: Uint8Array;
  zip: JSZip;
  opf: string;
  /** Path of the package document's folder, for resolving its hrefs. */
  base: string;
  /** Manifest id → href. */
  manifest: Map<string, string>;
  read(href: string): Promise<string>;
  /** The spine's documents in reading order. */
  spine: { idref: string; href: string; xhtml: string }[];
  navXhtml: string;
}

async function open(book: ExportBook): Promise<Epub> {
  const bytes = await bookToEpub(book);
  const zip = await JSZip.loadAsync(bytes);
  const container = await zip.file('META-INF/container.xml')?.async('string');
  assert.ok(container, 'META-INF/container.xml is missing');
  const rootfile = /<rootfile[^>]*full-path="([^"]+)"/.exec(container)?.[1];
  assert.ok(rootfile, 'container.xml names no package document');
  const opf = await zip.file(rootfile)?.async('string');
  assert.ok(opf, `package document ${rootfile} is missing`);
  const base = path.posix.dirname(rootfile);
  const read = async (href: string) => {
    const file = zip.file(path.posix.join(base, href.split('#')[0]));
    assert.ok(file, `${href} is listed but not in the archive`);
    return file.async('string');
  };
  const manifest = new Map<string, string>();
  let navHref: string | undefined;
  for (const [item] of opf.matchAll(/<item\s[^>]*>/g)) {
    const id = /\sid="([^"]+)"/.exec(item)![1];
    const href = /\shref="([^"]+)"/.exec(item)![1];
    manifest.set(id, href);
    if (/\sproperties="[^"]*\bnav\b/.test(item)) navHref = href;
  }
  assert.ok(navHref, 'no navigation document in the manifest');
  const spine = [];
  for (const [, idref] of opf.matchAll(/<itemref\s[^>]*idref="([^"]+)"/g)) {
    const href = manifest.get(idref);
    assert.ok(href, `spine refers to ${idref}, which the manifest lacks`);
    spine.push({ idref, href, xhtml: await read(href) });
  }
  return { bytes, zip, opf, base, manifest, read, spine, navXhtml: await read(navHref) };
}

/** The table of contents' entries in document order: label and target. */
function tocEntries(navXhtml: string): { label: string; href: string }[] {
  const toc = /<nav\b[^>]*epub:type="toc"[^>]*>([\s\S]*?)<\/nav>/.exec(navXhtml)?.[1];
  assert.ok(toc, 'navigation document has no toc nav');
  return Array.from(toc.matchAll(/<a\s[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g), ([, href, label]) => ({
    href,
    label: textOf(label).replace(/\s+/g, ' ').trim(),
  }));
}

/**
 * What a spine document is, from its structural semantics: "chapter: Chapter 1 Low Water" for
 * parts and chapters (kind and the heading's text), the kind alone for the rest.
 */
function documentKind(xhtml: string): string {
  if (/epub:type="toc"/.test(xhtml)) return 'nav';
  if (/<section[^>]*epub:type="titlepage"/.test(xhtml)) return 'titlepage';
  if (/<section[^>]*epub:type="dedication"/.test(xhtml)) return 'dedication';
  const kind = /<section[^>]*epub:type="(part|chapter)"/.exec(xhtml)?.[1];
  // A chapter or part may hold epigraphs of its own; a document of epigraphs alone is the book's.
  if (!kind && /epub:type="epigraph"/.test(xhtml)) return 'epigraphs';
  assert.ok(kind, `spine document of unknown kind:\n${xhtml}`);
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(xhtml)?.[1] ?? '';
  return `${kind}: ${textOf(heading).replace(/\s+/g, ' ').trim()}`;
}

function expectedKind(section: ExportBook['sections'][number]): string {
  if (section.kind === 'part' || section.kind === 'chapter') {
    return `${section.kind}: ${`${section.label} ${inlineText(section.title)}`.replace(/\s+/g, ' ').trim()}`;
  }
  return section.kind;
}

/** The text of the book's own sections: the spine without the generated title page and contents. */
function storyText(epub: Epub): string {
  return epub.spine
    .filter((doc) => !['titlepage', 'nav'].includes(documentKind(doc.xhtml)))
    .map((doc) => textOf(bodyOf(doc.xhtml)))
    .join('\n');
}

test('the everything book and the sample novel pass EPUBCheck', { timeout: EPUBCHECK_TIMEOUT }, async (t) => {
  const [everything, sample] = await Promise.all([bookToEpub(everythingBook()), bookToEpub(sampleNovelBook())]);
  await Promise.all([assertPassesEpubcheck(t, everything), assertPassesEpubcheck(t, sample)]);
});

test('the archive opens with an uncompressed mimetype, as the OCF container requires', async () => {
  const { bytes, zip } = await open(everythingBook());
  const view = Buffer.from(bytes);
  // The first local file header, read raw: reading systems sniff these exact bytes.
  assert.equal(view.readUInt32LE(0), 0x04034b50, 'not a zip archive');
  assert.equal(view.readUInt16LE(8), 0, 'mimetype is compressed');
  const nameLength = view.readUInt16LE(26);
  const extraLength = view.readUInt16LE(28);
  assert.equal(view.toString('latin1', 30, 30 + nameLength), 'mimetype');
  assert.equal(extraLength, 0, 'mimetype carries an extra field');
  const dataStart = 30 + nameLength + extraLength;
  assert.equal(view.toString('latin1', dataStart, dataStart + 20), 'application/epub+zip');
  assert.equal(Object.keys(zip.files)[0], 'mimetype');
  assert.equal(await zip.file('mimetype')!.async('string'), 'application/epub+zip');
});

test('the package document carries the book’s metadata', async () => {
  const book = everythingBook();
  const { opf } = await open(book);
  assert.match(opf, /<package[^>]*version="3.0"/);
  assert.match(opf, /<dc:title[^>]*>The Lantern &amp; the Tide<\/dc:title>/);
  assert.deepEqual(
    Array.from(opf.matchAll(/<dc:creator[^>]*>([^<]*)<\/dc:creator>/g), (m) => decodeEntities(m[1])),
    ['Ada Quill', 'Ben Marsh'],
  );
  assert.match(opf, /<dc:language>en<\/dc:language>/);
  assert.match(opf, /<meta property="dcterms:modified">2026-11-01T12:00:00Z<\/meta>/);

  const uniqueId = /<package[^>]*unique-identifier="([^"]+)"/.exec(opf)?.[1];
  const identifier = new RegExp(`<dc:identifier id="${uniqueId}">([^<]+)</dc:identifier>`).exec(opf)?.[1];
  assert.equal(identifier, epubIdentifier('everything'));
  assert.match(identifier!, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  // Stable per manuscript, distinct between manuscripts.
  assert.equal(epubIdentifier('everything'), identifier);
  assert.notEqual(epubIdentifier('sample'), identifier);
});

test('the contents list front matter, parts and chapters in reading order, with working links', async () => {
  const book = everythingBook();
  const epub = await open(book);
  const entries = tocEntries(epub.navXhtml);
  assert.deepEqual(
    entries.map((entry) => entry.label),
    [
      'Title Page',
      'Dedication',
      'Epigraphs',
      'Part One: The Harbour',
      'Chapter 1: Low Water',
      'Chapter 2',
      'Part Two: The Open Sea',
      'Chapter 3: Spring Tide',
    ],
  );
  // The same list as the book model gives, so the heading line stays the one source of labels.
  const headings = book.sections.flatMap((s) => (s.kind === 'part' || s.kind === 'chapter' ? [headingLine(s)] : []));
  assert.deepEqual(entries.map((e) => e.label).filter((label) => /^(Part|Chapter) /.test(label)), headings);
  // Each entry leads to the document it names.
  const targets = await Promise.all(entries.map(async (entry) => documentKind(await epub.read(entry.href))));
  assert.deepEqual(targets, [
    'titlepage',
    'dedication',
    'epigraphs',
    'part: Part One The Harbour',
    'chapter: Chapter 1 Low Water',
    'chapter: Chapter 2',
    'part: Part Two The Open Sea',
    'chapter: Chapter 3 Spring Tide',
  ]);
});

test('the spine follows the book’s order and every document carries its structural semantics', async () => {
  const book = everythingBook();
  const epub = await open(book);
  const kinds = epub.spine.map((doc) => documentKind(doc.xhtml));
  assert.equal(kinds[0], 'titlepage');
  assert.deepEqual(
    kinds.filter((kind) => kind !== 'titlepage' && kind !== 'nav'),
    book.sections.map(expectedKind),
  );

  const titlePage = epub.spine[0].xhtml;
  assert.match(titlePage, /<h1[^>]*>The Lantern &amp; the Tide<\/h1>/);
  assert.match(titlePage, />Ada Quill</);
  assert.match(titlePage, />Ben Marsh</);

  const byKind = (kind: string) => epub.spine.filter((doc) => documentKind(doc.xhtml).startsWith(kind)).map((doc) => doc.xhtml);
  const [dedication] = byKind('dedication');
  assert.match(dedication, /<section[^>]*epub:type="dedication"/);
  assert.match(textOf(dedication), /For Maren, who kept the light\./);

  const [epigraphs] = byKind('epigraphs');
  assert.equal(epigraphs.match(/epub:type="epigraph"/g)?.length, 2, 'each epigraph is marked as one');
  const attributions = Array.from(epigraphs.matchAll(/<p class="attribution">([\s\S]*?)<\/p>/g), (m) => textOf(m[1]));
  assert.deepEqual(attributions, ['\u2014\u00a0Anton Chekhov', '\u2014\u00a0John Masefield, Sea-Fever']);
  assert.match(epigraphs, /seas again,<br\/>to the lonely sea/);
  assert.match(epigraphs, /<em>Sea-Fever<\/em>/);

  assert.equal(byKind('part').length, 2);
  for (const part of byKind('part')) assert.match(part, /<section[^>]*epub:type="part"/);
  const chapters = byKind('chapter');
  assert.equal(chapters.length, 3);
  for (const chapter of chapters) assert.match(chapter, /<section[^>]*epub:type="chapter"/);

  const [first, untitled, third] = chapters;
  assert.match(first, /<p class="subtitle" epub:type="subtitle">Saint-Malo, 1911<\/p>/);
  assert.match(first, /<h2 class="scene-heading">The Quay at Dawn<\/h2>/);
  assert.match(first, /<em>all at once<\/em>/);
  assert.match(first, /<strong>Nobody<\/strong>/);
  assert.match(first, /<hr class="scene-break"\/>\s*<p>By noon/);
  assert.match(textOf(first), /“Again\?” said Élodie\./);
  assert.match(untitled, /<h1><span class="label">Chapter 2<\/span><\/h1>/);
  assert.match(third, /<strong><em>bold and italic<\/em><\/strong>/);

  const css = await epub.read(epub.manifest.get('css') ?? 'style.css');
  assert.match(css, /serif/);
  assert.match(css, /hr\.scene-break::after\s*{[^}]*content:/);
});

test('markup characters and characters XML cannot carry never break the book', { timeout: EPUBCHECK_TIMEOUT }, async (t) => {
  const book = everythingBook();
  book.title = 'Tags <b>& "quotes"</b> \'single\'';
  book.authors = ['<script>alert(1)</script>', 'O\u2019Brien & Sons'];
  const chapter = book.sections.find((s) => s.kind === 'chapter')!;
  assert.equal(chapter.kind, 'chapter');
  chapter.title = [{ text: 'A </h1> title', bold: false, italic: false }];
  chapter.blocks.unshift({
    type: 'paragraph',
    inlines: [
      { text: 'Pasted</p><p>text\u000Bwith a vertical tab, a form feed\u000C and 3 < 4 > 2 & "so".', bold: false, italic: true },
      { text: ' A broken \uD800 pair.', bold: false, italic: false },
    ],
  });
  const epub = await open(book);
  assert.match(epub.opf, /<dc:title[^>]*>Tags &lt;b&gt;&amp; (?:&quot;|&#34;|")quotes(?:&quot;|&#34;|")&lt;\/b&gt; (?:&#39;|&apos;|')single(?:&#39;|&apos;|')<\/dc:title>/);
  const text = storyText(epub);
  // Word uses a vertical tab for a manual line break: it still separates words, as it does when counted.
  assert.match(text, /Pasted<\/p><p>text with a vertical tab, a form feed\s+and 3 < 4 > 2 & "so"\. A broken \uFFFD pair\./);
  assert.match(text, /A <\/h1> title/);
  assert.match(textOf(epub.spine[0].xhtml), /<script>alert\(1\)<\/script>/);
  await assertPassesEpubcheck(t, epub.bytes);
});

test('every word of the sample novel appears in the EPUB, in order', async () => {
  const book = sampleNovelBook();
  const expected = wordsOf(exportBookText(book));
  assert.ok(expected.length > 6000, `the sample novel should be a real draft, got ${expected.length} words`);
  assert.deepEqual(wordsOf(storyText(await open(book))), expected);
});

test('a selection exports only the chosen chapters, still numbered as in the book', { timeout: EPUBCHECK_TIMEOUT }, async (t) => {
  const book = everythingBook(['ch1', 'ch3']);
  const epub = await open(book);
  assert.deepEqual(
    tocEntries(epub.navXhtml).map((e) => e.label),
    ['Title Page', 'Chapter 1: Low Water', 'Chapter 3: Spring Tide'],
  );
  assert.deepEqual(
    epub.spine.map((doc) => documentKind(doc.xhtml)).filter((kind) => kind !== 'nav'),
    ['titlepage', 'chapter: Chapter 1 Low Water', 'chapter: Chapter 3 Spring Tide'],
  );
  const everything = (await Promise.all(Object.values(epub.zip.files).filter((f) => !f.dir).map((f) => f.async('string')))).join('\n');
  assert.doesNotMatch(everything, /epub:type="(?:dedication|part)"/);
  // Chapter 3's own epigraph comes with it; the book's epigraphs do not.
  assert.match(everything, /epub:type="epigraph"[\s\S]*There is a tide/);
  assert.doesNotMatch(everything, /untitled chapter|Harbour|For Maren|Chapter 2|Chekhov|Masefield/);
  await assertPassesEpubcheck(t, epub.bytes);
});
