import type { ExportBlock, ExportEpigraph, ExportInline, ExportSection } from './exportBook';
import { inlineText } from './exportBook';
import { epubEscape } from './epubEscape';

/**
 * Inline runs as XHTML. Emphasis and code use the elements the editor itself writes (`<em>`,
 * `<strong>`, `<code>`),
 * so a book reads the same in Quire and in a reading system.
 */
function inlineXhtml(inlines: ExportInline[]): string {
  let html = '';
  for (const inline of inlines) {
    if ('lineBreak' in inline) {
      html += '<br/>';
      continue;
    }
    let run = epubEscape(inline.text);
    if (inline.code) run = `<code>${run}</code>`;
    if (inline.italic) run = `<em>${run}</em>`;
    if (inline.bold) run = `<strong>${run}</strong>`;
    html += run;
  }
  return html;
}

/**
 * A part's or chapter's heading. Label and title sit in one `<h1>` so the heading a screen reader
 * announces (and the outline) is "Chapter 3 Spring Tide"; the space between the spans keeps the
 * words apart for reading systems that ignore the stylesheet, which otherwise sets them on two lines.
 */
function headingXhtml(section: { label: string; title: ExportInline[] }): string {
  const label = `<span class="label">${epubEscape(section.label)}</span>`;
  const title = inlineText(section.title).trim() ? ` <span class="title">${inlineXhtml(section.title)}</span>` : '';
  return `<h1>${label}${title}</h1>`;
}

function blockXhtml(block: ExportBlock): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${inlineXhtml(block.inlines)}</p>`;
    case 'sceneHeading':
      return `<h2 class="scene-heading">${inlineXhtml(block.inlines)}</h2>`;
    case 'sceneBreak':
      // A thematic break is what a scene break means; the stylesheet draws it as a centred ornament.
      return '<hr class="scene-break"/>';
  }
}

/** One epigraph (`epub:type="epigraph"`); the attribution stands outside the quotation: it is not part of what was said. */
function epigraphXhtml(epigraph: ExportEpigraph): string {
  const attribution = inlineText(epigraph.attribution).trim() ? `\n<p class="attribution">\u2014\u00a0${inlineXhtml(epigraph.attribution)}</p>` : '';
  return `<div class="epigraph" epub:type="epigraph">\n<blockquote><p>${inlineXhtml(epigraph.quote)}</p></blockquote>${attribution}\n</div>`;
}

/**
 * The body content of one section's XHTML document: a `<section>` whose `epub:type` names what it
 * is (dedication, part, chapter; each epigraph is its own `epigraph`), so reading systems and
 * assistive technology can tell front matter from the story.
 */
export function epubSectionXhtml(section: ExportSection): string {
  switch (section.kind) {
    case 'dedication':
      return [
        '<section class="dedication" epub:type="dedication" aria-label="Dedication">',
        ...section.paragraphs.map((paragraph) => `<p>${inlineXhtml(paragraph)}</p>`),
        '</section>',
      ].join('\n');
    case 'epigraphs':
      return ['<section class="epigraphs" aria-label="Epigraphs">', ...section.epigraphs.map(epigraphXhtml), '</section>'].join('\n');
    case 'part':
      return [
        '<section class="part" epub:type="part">',
        headingXhtml(section),
        ...section.epigraphs.map(epigraphXhtml),
        ...section.paragraphs.map((paragraph) => `<p>${inlineXhtml(paragraph)}</p>`),
        '</section>',
      ].join('\n');
    case 'chapter': {
      const subtitle =
        inlineText(section.subtitle).trim() ? `\n<p class="subtitle" epub:type="subtitle">${inlineXhtml(section.subtitle)}</p>` : '';
      return [
        '<section class="chapter" epub:type="chapter">',
        `<header>\n${headingXhtml(section)}${subtitle}\n</header>`,
        // The chapter's own epigraphs, inside the chapter, before its text.
        ...section.epigraphs.map(epigraphXhtml),
        ...section.blocks.map(blockXhtml),
        '</section>',
      ].join('\n');
    }
  }
}
