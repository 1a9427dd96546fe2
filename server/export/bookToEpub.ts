import { EPub, type Chapter, type Options } from 'epub-gen-memory';
import type { ExportBook, ExportSection } from './exportBook';
import { headingLine } from './exportBook';
import { epubEscape } from './epubEscape';
import { epubIdentifier } from './epubIdentifier';
import { epubSectionXhtml } from './epubSectionXhtml';

/*
 * epub-gen-memory assembles the container (mimetype first and stored, META-INF/container.xml),
 * turns each document's markup into well-formed XHTML and renders these EJS templates. Its own
 * templates are replaced because they give the book a random identifier, stamp `dcterms:modified`
 * with the time of export, join all authors into one creator and number every table-of-contents
 * entry. Every value reaching a template is either escaped beforehand with epubEscape or made of
 * characters that need none (ids, file names, the date, the checked language tag), hence `<%-`.
 */

const CHAPTER_XHTML = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="<%- lang %>" lang="<%- lang %>">
<head>
<meta charset="UTF-8"/>
<title><%- title %></title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body epub:type="<%- matter %>">
<%- content %>
</body>
</html>
`;

const CONTENT_OPF = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="<%- lang %>">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id"><%- bookIdentifier %></dc:identifier>
<dc:title id="title"><%- title %></dc:title>
<% author.forEach(function (name, index) { %><dc:creator id="creator-<%- index + 1 %>"><%- name %></dc:creator>
<meta refines="#creator-<%- index + 1 %>" property="role" scheme="marc:relators">aut</meta>
<% }) %><dc:language><%- lang %></dc:language>
<meta property="dcterms:modified"><%- modified %></meta>
<meta property="schema:accessMode">textual</meta>
<meta property="schema:accessModeSufficient">textual</meta>
<meta property="schema:accessibilityFeature">structuralNavigation</meta>
<meta property="schema:accessibilityFeature">tableOfContents</meta>
<meta property="schema:accessibilityHazard">none</meta>
</metadata>
<manifest>
<item id="nav" href="toc.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
<item id="css" href="style.css" media-type="text/css"/>
<% content.forEach(function (document) { %><item id="<%- document.itemId %>" href="<%- document.filename %>" media-type="application/xhtml+xml"/>
<% }) %></manifest>
<spine toc="ncx">
<% spine.forEach(function (idref) { %><itemref idref="<%- idref %>"/>
<% }) %></spine>
</package>
`;

// EPUB 3 reading systems use the navigation document; the NCX is kept for EPUB 2 ones (older
// e-ink readers), and because epub-gen-memory always writes it.
const TOC_NCX = `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="<%- lang %>">
<head>
<meta name="dtb:uid" content="<%- bookIdentifier %>"/>
<meta name="dtb:depth" content="<%- navDepth %>"/>
<meta name="dtb:totalPageCount" content="0"/>
<meta name="dtb:maxPageNumber" content="0"/>
</head>
<docTitle><text><%- title %></text></docTitle>
<navMap>
<% navEntries.forEach(function (entry) { %><navPoint id="nav-<%- entry.order %>" playOrder="<%- entry.order %>"><navLabel><text><%- entry.label %></text></navLabel><content src="<%- entry.href %>"/>
<% entry.children.forEach(function (child) { %><navPoint id="nav-<%- child.order %>" playOrder="<%- child.order %>"><navLabel><text><%- child.label %></text></navLabel><content src="<%- child.href %>"/></navPoint>
<% }) %></navPoint>
<% }) %></navMap>
</ncx>
`;

const TOC_XHTML = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="<%- lang %>" lang="<%- lang %>">
<head>
<meta charset="UTF-8"/>
<title><%- tocTitle %></title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body epub:type="frontmatter">
<nav id="toc" class="toc" epub:type="toc" aria-labelledby="toc-title">
<h1 id="toc-title"><%- tocTitle %></h1>
<ol>
<% navEntries.forEach(function (entry) { %><li><a href="<%- entry.href %>"><%- entry.label %></a><% if (entry.children.length) { %>
<ol>
<% entry.children.forEach(function (child) { %><li><a href="<%- child.href %>"><%- child.label %></a></li>
<% }) %></ol>
<% } %></li>
<% }) %></ol>
</nav>
<nav epub:type="landmarks" hidden="hidden">
<h2>Landmarks</h2>
<ol>
<% landmarks.forEach(function (landmark) { %><li><a epub:type="<%- landmark.type %>" href="<%- landmark.href %>"><%- landmark.label %></a></li>
<% }) %></ol>
</nav>
</body>
</html>
`;

/*
 * Serif text with indented paragraphs, as printed fiction is set; no indent where a paragraph
 * opens a section or follows a heading or scene break, since nothing precedes it to separate it
 * from. Sizes are relative so the reader's own font size setting still applies.
 */
const STYLESHEET = `body {
  font-family: "Iowan Old Style", Georgia, "Palatino Linotype", Palatino, "Times New Roman", serif;
  line-height: 1.45;
}
p {
  margin: 0;
  text-indent: 1.5em;
  text-align: justify;
  -webkit-hyphens: auto;
  -epub-hyphens: auto;
  hyphens: auto;
  orphans: 2;
  widows: 2;
}
header + p, h1 + p, h2 + p, hr + p {
  text-indent: 0;
}
code {
  font-family: "DejaVu Sans Mono", Menlo, Consolas, "Courier New", monospace;
  font-size: 0.9em;
  -webkit-hyphens: none;
  -epub-hyphens: none;
  hyphens: none;
}
h1, h2 {
  font-weight: normal;
  text-align: center;
  -webkit-hyphens: manual;
  -epub-hyphens: manual;
  hyphens: manual;
  page-break-after: avoid;
  break-after: avoid;
}
h1 {
  font-size: 1.6em;
  line-height: 1.25;
  margin: 2.5em 0 1.5em;
}
h1 .label {
  display: block;
  font-size: 0.6em;
  letter-spacing: 0.12em;
  text-transform: uppercase;
  margin-bottom: 0.4em;
}
h1 .title {
  display: block;
}
header {
  margin-bottom: 2em;
}
header h1 {
  margin-bottom: 0;
}
p.subtitle {
  font-style: italic;
  text-align: center;
  text-indent: 0;
  margin-top: 0.5em;
}
h2.scene-heading {
  font-size: 1em;
  font-variant: small-caps;
  letter-spacing: 0.05em;
  margin: 1.5em 0 0.75em;
}
hr.scene-break {
  border: none;
  height: auto;
  margin: 1em 0;
  overflow: visible;
  text-align: center;
  page-break-after: avoid;
  break-after: avoid;
}
hr.scene-break::after {
  content: "*\\2003*\\2003*";
}
.titlepage {
  margin-top: 20%;
  text-align: center;
}
.titlepage h1 {
  font-size: 2em;
  margin: 0 0 1.5em;
}
.titlepage p {
  font-size: 1.2em;
  text-align: center;
  text-indent: 0;
}
.dedication {
  margin: 25% 10% 0;
  text-align: center;
}
.dedication p {
  font-style: italic;
  text-align: center;
  text-indent: 0;
}
.dedication em {
  font-style: normal;
}
.epigraphs {
  margin-top: 20%;
}
.epigraph {
  margin: 0 10% 2.5em;
}
.epigraph blockquote {
  margin: 0;
}
.epigraph p {
  text-align: left;
  text-indent: 0;
}
.epigraph blockquote p {
  font-style: italic;
}
.epigraph blockquote em {
  font-style: normal;
}
.epigraph p.attribution {
  margin-top: 0.5em;
  text-align: right;
}
.part h1 {
  margin-top: 30%;
}
.part p {
  text-align: center;
  text-indent: 0;
  font-style: italic;
}
.toc ol {
  list-style-type: none;
  margin: 0;
  padding: 0;
}
.toc ol ol {
  padding-left: 1.5em;
}
.toc li {
  margin: 0.3em 0;
}
`;

/** One XHTML content document of the book, as epub-gen-memory takes it plus what the templates read. */
interface EpubDocument extends Chapter {
  title: string;
  content: string;
  filename: string;
  /** Manifest id; also the file name without its extension. */
  itemId: string;
  /** `epub:type` of the body: front matter or the story itself. */
  matter: 'frontmatter' | 'bodymatter';
}

/** One entry of the table of contents; a part's chapters are its children. */
interface NavEntry {
  href: string;
  label: string;
  /** Reading order (NCX playOrder), from 1. */
  order: number;
  children: NavEntry[];
}

/** What the replacement templates read besides epub-gen-memory's own options. */
interface TemplateData {
  bookIdentifier: string;
  modified: string;
  spine: string[];
  navEntries: NavEntry[];
  navDepth: number;
  landmarks: { type: string; href: string; label: string }[];
}

/** BCP 47's general shape; anything else would make the package invalid, so it becomes "und". */
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/** Text for a navigation label or document title: one line, escaped. */
function label(text: string): string {
  return epubEscape(text.replace(/\s+/g, ' ').trim());
}

function navLabel(section: ExportSection): string {
  switch (section.kind) {
    case 'dedication':
      return 'Dedication';
    case 'epigraphs':
      return section.epigraphs.length === 1 ? 'Epigraph' : 'Epigraphs';
    case 'part':
    case 'chapter':
      return label(headingLine(section));
  }
}

function documentName(section: ExportSection, index: number): string {
  const place = String(index + 1).padStart(3, '0');
  const kind = section.kind === 'part' || section.kind === 'chapter' ? `${section.kind}-${section.number}` : section.kind;
  return `section-${place}-${kind}`;
}

/** The title page: title and authors, one author a line. */
function titlePageXhtml(title: string, authors: string[]): string {
  return [
    '<section class="titlepage" epub:type="titlepage">',
    `<h1 epub:type="fulltitle">${title}</h1>`,
    ...authors.map((author) => `<p class="author">${epubEscape(author)}</p>`),
    '</section>',
  ].join('\n');
}

/**
 * An EPUB 3 of the book: a title page, then its sections in order (each its own XHTML document
 * with EPUB structural semantics), a navigation document listing the front matter, parts and
 * chapters (chapters nested under their part) and an NCX for older reading systems. Pure apart
 * from the clock jszip stamps on the archive's entries; never fetches anything.
 */
export async function bookToEpub(book: ExportBook): Promise<Uint8Array> {
  const title = label(book.title) || 'Untitled';
  // An empty dc:creator is invalid, and an empty line on the title page says nothing.
  const authors = book.authors.map((author) => author.trim()).filter(Boolean);
  const language = LANGUAGE_TAG.test(book.language) ? book.language : 'und';

  const documents: EpubDocument[] = [
    {
      title,
      content: titlePageXhtml(title, authors),
      filename: 'titlepage.xhtml',
      itemId: 'titlepage',
      matter: 'frontmatter',
    },
  ];
  const navEntries: NavEntry[] = [{ href: 'titlepage.xhtml', label: 'Title Page', order: 0, children: [] }];
  const spine = ['titlepage'];
  let currentPart: NavEntry | null = null;
  let firstBodyDocument: string | null = null;

  book.sections.forEach((section, index) => {
    const name = documentName(section, index);
    const isBody = section.kind === 'part' || section.kind === 'chapter';
    const entry: NavEntry = { href: `${name}.xhtml`, label: navLabel(section), order: 0, children: [] };
    documents.push({
      title: entry.label,
      content: epubSectionXhtml(section),
      filename: entry.href,
      itemId: name,
      matter: isBody ? 'bodymatter' : 'frontmatter',
    });
    // The contents page goes where printed books put it: after the front matter, before the story.
    if (isBody && firstBodyDocument === null) {
      firstBodyDocument = entry.href;
      spine.push('nav');
    }
    spine.push(name);
    if (section.kind === 'chapter' && currentPart) currentPart.children.push(entry);
    else navEntries.push(entry);
    currentPart = section.kind === 'part' ? entry : section.kind === 'chapter' ? currentPart : null;
  });
  if (firstBodyDocument === null) spine.push('nav');

  // Nesting follows reading order, so numbering depth-first gives the NCX's playOrder.
  let order = 0;
  for (const entry of navEntries) {
    entry.order = ++order;
    for (const child of entry.children) child.order = ++order;
  }

  const landmarks = [
    { type: 'titlepage', href: 'titlepage.xhtml', label: 'Title Page' },
    { type: 'toc', href: 'toc.xhtml#toc', label: 'Contents' },
    ...(firstBodyDocument ? [{ type: 'bodymatter', href: firstBodyDocument, label: 'Start of Content' }] : []),
  ];

  const warnings: string[] = [];
  const options: Options & TemplateData = {
    title,
    author: authors.map(epubEscape),
    lang: language,
    tocTitle: 'Contents',
    css: STYLESHEET,
    chapterXHTML: CHAPTER_XHTML,
    contentOPF: CONTENT_OPF,
    tocNCX: TOC_NCX,
    tocXHTML: TOC_XHTML,
    prependChapterTitles: false,
    version: 3,
    // No cover, fonts or images are ever given (all text is escaped, so no <img> can appear), so
    // the library has nothing to download.
    fonts: [],
    verbose: (type, ...args) => {
      if (type === 'warn') warnings.push(args.map(String).join(' '));
    },
    bookIdentifier: epubIdentifier(book.identifier),
    // EPUB requires whole seconds in UTC: CCYY-MM-DDThh:mm:ssZ.
    modified: book.modified.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    spine,
    navEntries,
    navDepth: navEntries.some((entry) => entry.children.length > 0) ? 2 : 1,
    landmarks,
  };
  const epub = new EPub(options, documents);
  // The library's sanitizer drops attributes it does not know and says so; any such change would
  // silently lose structure (epub:type above all), so it is an error here, not a log line.
  if (warnings.length > 0) throw new Error(`EPUB content was altered while building: ${warnings.join('; ')}`);
  await epub.render();
  return epub.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
