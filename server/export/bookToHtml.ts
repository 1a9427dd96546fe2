import type { ExportBook, ExportEpigraph, ExportSection } from './exportBook';
import { headingLine, inlineText } from './exportBook';
import { escapeHtml } from './escapeHtml';
import { inlinesToHtml } from './inlinesToHtml';

/** The book's typography, embedded so the file stands alone; print rules start chapters on new pages. */
const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #f6f3ee; color: #1d1b18; font: 1.125rem/1.6 "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, "Times New Roman", serif; }
main { max-width: 34em; margin: 0 auto; padding: 3em 1.5em 6em; background: #fffdf9; }
header.title-page { text-align: center; padding: 6em 0 4em; }
header.title-page h1 { font-size: 2.4em; font-weight: normal; margin: 0 0 0.5em; letter-spacing: 0.02em; }
header.title-page .authors { font-variant: small-caps; letter-spacing: 0.08em; }
nav.contents { margin: 0 0 4em; }
nav.contents h2 { font-size: 1em; font-variant: small-caps; letter-spacing: 0.1em; font-weight: normal; text-align: center; }
nav.contents ol { list-style: none; padding: 0; }
nav.contents a { color: inherit; text-decoration: none; border-bottom: 1px solid #d8d0c4; }
section { margin: 0 0 4em; }
section.dedication { text-align: center; font-style: italic; padding: 4em 0; }
section.epigraphs { padding: 2em 0; }
figure.epigraph { margin: 0 3em 2em; }
figure.epigraph blockquote { margin: 0; font-style: italic; }
figure.epigraph figcaption { text-align: right; margin-top: 0.4em; }
section.chapter figure.epigraph, section.part figure.epigraph { margin: 0 0 2em 40%; font-size: 0.95em; }
section.part { text-align: center; padding: 6em 0; }
section.part h1 { font-weight: normal; font-size: 1.8em; }
.label { display: block; font-size: 0.7em; font-variant: small-caps; letter-spacing: 0.12em; }
section.chapter h2 { font-weight: normal; font-size: 1.6em; text-align: center; margin: 2em 0 0.2em; }
section.chapter .subtitle { text-align: center; font-style: italic; margin: 0 0 2em; }
h3.scene { font-size: 1em; font-variant: small-caps; letter-spacing: 0.08em; font-weight: normal; text-align: center; margin: 2em 0 1em; }
hr.scene-break { border: 0; text-align: center; margin: 1.5em 0; }
hr.scene-break::after { content: "* * *"; letter-spacing: 0.5em; }
p { margin: 0; text-indent: 1.5em; text-align: justify; hyphens: auto; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, "Courier New", monospace; font-size: 0.9em; hyphens: none; }
h2 + p, h3 + p, hr + p, .subtitle + p, section.dedication p, section.part p { text-indent: 0; }
@media print {
  body, main { background: none; }
  main { max-width: none; padding: 0; }
  nav.contents { display: none; }
  header.title-page, section.dedication, section.epigraphs, section.part, section.chapter { break-before: page; }
  header.title-page { break-before: auto; }
}
`;

/** Epigraphs as figures (DPUB-ARIA doc-epigraph), the attribution as the caption after a dash. */
function epigraphsHtml(epigraphs: ExportEpigraph[]): string {
  return epigraphs
    .map(
      (e) =>
        `<figure class="epigraph" role="doc-epigraph"><blockquote><p>${inlinesToHtml(e.quote)}</p></blockquote>` +
        (inlineText(e.attribution).trim() ? `<figcaption>— ${inlinesToHtml(e.attribution)}</figcaption>` : '') +
        '</figure>',
    )
    .join('\n');
}

function sectionHtml(section: ExportSection): string {
  const id = `section-${escapeHtml(section.id)}`;
  switch (section.kind) {
    case 'dedication':
      return `<section class="dedication" id="${id}" role="doc-dedication" aria-label="Dedication">\n${section.paragraphs
        .map((p) => `<p>${inlinesToHtml(p)}</p>`)
        .join('\n')}\n</section>`;
    case 'epigraphs':
      return `<section class="epigraphs" id="${id}" aria-label="Epigraphs">\n${epigraphsHtml(section.epigraphs)}\n</section>`;
    case 'part': {
      const title = inlineText(section.title).trim();
      return `<section class="part" id="${id}" role="doc-part"><h1><span class="label">${escapeHtml(section.label)}</span>${
        title ? inlinesToHtml(section.title) : ''
      }</h1>\n${section.epigraphs.length ? `${epigraphsHtml(section.epigraphs)}\n` : ''}${section.paragraphs.map((p) => `<p>${inlinesToHtml(p)}</p>`).join('\n')}\n</section>`;
    }
    case 'chapter': {
      const title = inlineText(section.title).trim();
      const subtitle = inlineText(section.subtitle).trim() ? `<p class="subtitle">${inlinesToHtml(section.subtitle)}</p>\n` : '';
      const body = section.blocks
        .map((block) => {
          if (block.type === 'sceneBreak') return '<hr class="scene-break"/>';
          if (block.type === 'sceneHeading') return `<h3 class="scene">${inlinesToHtml(block.inlines)}</h3>`;
          return `<p>${inlinesToHtml(block.inlines)}</p>`;
        })
        .join('\n');
      return `<section class="chapter" id="${id}" role="doc-chapter"><h2><span class="label">${escapeHtml(section.label)}</span>${
        title ? inlinesToHtml(section.title) : ''
      }</h2>\n${subtitle}${section.epigraphs.length ? `${epigraphsHtml(section.epigraphs)}\n` : ''}${body}\n</section>`;
    }
  }
}

/**
 * The book as one self-contained HTML file: styles embedded, no external resources, a title
 * page, a table of contents, and DPUB-ARIA roles on dedication, epigraphs, parts and chapters.
 * Prints with each chapter on a new page. Pure.
 */
export function bookToHtml(book: ExportBook): string {
  const contents = book.sections
    .flatMap((s) => (s.kind === 'part' || s.kind === 'chapter' ? [s] : []))
    .map((s) => `<li><a href="#section-${escapeHtml(s.id)}">${escapeHtml(headingLine(s))}</a></li>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(book.language)}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>${escapeHtml(book.title)}</title>
<meta name="author" content="${escapeHtml(book.authors.join(', '))}"/>
<style>${STYLE}</style>
</head>
<body>
<main>
<header class="title-page"><h1>${escapeHtml(book.title)}</h1><p class="authors">${escapeHtml(book.authors.join(' and '))}</p></header>
${contents ? `<nav class="contents" role="doc-toc" aria-label="Contents"><h2>Contents</h2><ol>\n${contents}\n</ol></nav>\n` : ''}${book.sections
    .map(sectionHtml)
    .join('\n')}
</main>
</body>
</html>
`;
}
