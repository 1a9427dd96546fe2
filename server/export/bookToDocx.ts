import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  SectionType,
  type IParagraphPropertiesOptions,
  type IParagraphStylePropertiesOptions,
  type IParagraphStyleOptions,
  type ISectionOptions,
} from 'docx';
import { docxAuthorList } from './docxAuthorList';
import { docxCodeCharacterStyle } from './docxCodeStyle';
import { docxTextRuns } from './docxTextRuns';
import type { ParagraphChild } from 'docx';
import type { ExportBook, ExportEpigraph, ExportInline, ExportSection } from './exportBook';

/** Paragraph style ids. Word shows each by its name (see {@link paragraphStyles}). */
const S = {
  title: 'Title',
  author: 'Author',
  dedication: 'Dedication',
  firstDedication: 'FirstDedication',
  epigraph: 'Epigraph',
  firstEpigraph: 'FirstEpigraph',
  epigraphAttribution: 'EpigraphAttribution',
  chapterEpigraph: 'ChapterEpigraph',
  chapterEpigraphAttribution: 'ChapterEpigraphAttribution',
  partHeading: 'PartHeading',
  partText: 'PartText',
  chapterHeading: 'ChapterHeading',
  chapterSubtitle: 'ChapterSubtitle',
  sceneHeading: 'SceneHeading',
  sceneBreak: 'SceneBreak',
  bodyText: 'BodyText',
  firstParagraph: 'FirstParagraph',
  footer: 'Footer',
} as const;

const FONT = 'Georgia';
/** Twips per inch. */
const INCH = 1440;
/** A 6 × 9 in trade page: the document reads as a book on screen and prints as a proof. */
const PAGE = {
  size: { width: 6 * INCH, height: 9 * INCH },
  margin: { top: 0.8 * INCH, bottom: 0.8 * INCH, left: 0.75 * INCH, right: 0.75 * INCH, header: 0.4 * INCH, footer: 0.4 * INCH },
};
/**
 * How far down the page the title page and the dedication and epigraph pages start: about a third
 * of the way, as space before their first paragraph. Word's vertical centring of a section is not
 * used: LibreOffice ignores it and sets such pages at the top.
 */
const SINK = Math.round(2.2 * INCH);
/** The scene-break ornament. */
const ORNAMENT = '*\u2003*\u2003*';

/**
 * The typings of docx leave `pageBreakBefore` and `tabStops` out of a style's paragraph
 * properties, although the schema allows them there and docx writes them. Chapters and parts need
 * the break in their style, so that a heading restyled or added in Word still starts a page.
 */
type StyleParagraph = IParagraphStylePropertiesOptions & Pick<IParagraphPropertiesOptions, 'pageBreakBefore' | 'tabStops'>;
const styled = (paragraph: StyleParagraph): IParagraphStylePropertiesOptions => paragraph;

/** Every paragraph style the book uses, with readable names; each paragraph of the body uses one. */
function paragraphStyles(): IParagraphStyleOptions[] {
  const centred = { alignment: AlignmentType.CENTER, indent: { firstLine: 0 } };
  return [
    {
      id: S.title,
      name: 'Title',
      basedOn: 'Normal',
      next: S.author,
      quickFormat: true,
      paragraph: { ...centred, spacing: { before: SINK, after: 480, line: 240 }, keepNext: true },
      run: { size: 52 },
    },
    {
      id: S.author,
      name: 'Author',
      basedOn: 'Normal',
      quickFormat: true,
      paragraph: { ...centred },
      run: { size: 28 },
    },
    {
      id: S.dedication,
      name: 'Dedication',
      basedOn: 'Normal',
      quickFormat: true,
      paragraph: { ...centred, spacing: { after: 120 } },
      run: { italics: true },
    },
    {
      // The dedication page's first paragraph, a third of the way down (see SINK).
      id: S.firstDedication,
      name: 'First Dedication',
      basedOn: S.dedication,
      next: S.dedication,
      quickFormat: true,
      paragraph: { spacing: { before: SINK } },
    },
    {
      id: S.epigraph,
      name: 'Epigraph',
      basedOn: 'Normal',
      next: S.epigraphAttribution,
      quickFormat: true,
      paragraph: { indent: { left: 0.5 * INCH, right: 0.5 * INCH }, keepNext: true },
    },
    {
      // The epigraph page's first quotation, a third of the way down (see SINK).
      id: S.firstEpigraph,
      name: 'First Epigraph',
      basedOn: S.epigraph,
      next: S.epigraphAttribution,
      quickFormat: true,
      paragraph: { spacing: { before: SINK } },
    },
    {
      id: S.epigraphAttribution,
      name: 'Epigraph Attribution',
      basedOn: 'Normal',
      next: S.epigraph,
      quickFormat: true,
      // The space after separates one epigraph from the next.
      paragraph: { alignment: AlignmentType.RIGHT, indent: { right: 0.5 * INCH }, spacing: { before: 120, after: 480 } },
    },
    {
      // A chapter's (or part's) own epigraph, under its heading: set smaller, in the right-hand
      // part of the measure, as books set them.
      id: S.chapterEpigraph,
      name: 'Chapter Epigraph',
      basedOn: 'Normal',
      next: S.chapterEpigraphAttribution,
      quickFormat: true,
      paragraph: { indent: { left: 1.5 * INCH, firstLine: 0 }, keepNext: true },
      run: { italics: true, size: 19 },
    },
    {
      id: S.chapterEpigraphAttribution,
      name: 'Chapter Epigraph Attribution',
      basedOn: 'Normal',
      next: S.firstParagraph,
      quickFormat: true,
      paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0 }, keepNext: true, spacing: { before: 60, after: 360 } },
      run: { size: 19 },
    },
    {
      id: S.partHeading,
      name: 'Part Heading',
      basedOn: 'Normal',
      next: S.partText,
      quickFormat: true,
      paragraph: styled({
        ...centred,
        pageBreakBefore: true,
        outlineLevel: 0,
        keepNext: true,
        spacing: { before: 2 * INCH, after: 480 },
      }),
      run: { size: 36 },
    },
    {
      id: S.partText,
      name: 'Part Text',
      basedOn: 'Normal',
      quickFormat: true,
      paragraph: { ...centred, spacing: { after: 120 } },
      run: { italics: true },
    },
    {
      // Based on Heading 1 (and at outline level 0) so Word's navigation pane lists the chapters.
      id: S.chapterHeading,
      name: 'Chapter Heading',
      basedOn: 'Heading1',
      next: S.firstParagraph,
      quickFormat: true,
      paragraph: styled({
        ...centred,
        pageBreakBefore: true,
        outlineLevel: 0,
        keepNext: true,
        keepLines: true,
        spacing: { before: 1.25 * INCH, after: 360, line: 360 },
      }),
      run: { font: FONT, size: 32, color: '000000' },
    },
    {
      id: S.chapterSubtitle,
      name: 'Chapter Subtitle',
      basedOn: 'Normal',
      next: S.firstParagraph,
      quickFormat: true,
      paragraph: { ...centred, keepNext: true, spacing: { after: 480 } },
      run: { italics: true },
    },
    {
      id: S.sceneHeading,
      name: 'Scene Heading',
      basedOn: 'Normal',
      next: S.firstParagraph,
      quickFormat: true,
      paragraph: { ...centred, outlineLevel: 1, keepNext: true, spacing: { before: 360, after: 240 } },
      run: { smallCaps: true },
    },
    {
      id: S.sceneBreak,
      name: 'Scene Break',
      basedOn: 'Normal',
      next: S.firstParagraph,
      quickFormat: true,
      paragraph: { ...centred, keepNext: true, spacing: { before: 240, after: 240 } },
    },
    {
      id: S.bodyText,
      name: 'Body Text',
      basedOn: 'Normal',
      next: S.bodyText,
      quickFormat: true,
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 0.25 * INCH } },
    },
    {
      // Book convention: the paragraph after a heading or a break is not indented.
      id: S.firstParagraph,
      name: 'First Paragraph',
      basedOn: S.bodyText,
      next: S.bodyText,
      quickFormat: true,
      paragraph: { indent: { firstLine: 0 } },
    },
    {
      id: S.footer,
      name: 'footer',
      basedOn: 'Normal',
      paragraph: { ...centred },
      run: { size: 18 },
    },
  ];
}

const para = (style: string, children: ParagraphChild[]) => new Paragraph({ style, children });

/** "Chapter 3", a line break, then the title; the label alone when untitled. */
function headingRuns(label: string, title: ExportInline[]): ParagraphChild[] {
  const titleRuns = docxTextRuns(title);
  return titleRuns.length ? [new TextRun(label), new TextRun({ break: 1 }), ...titleRuns] : [new TextRun(label)];
}

/**
 * The paragraphs of one part or chapter. Body paragraphs after a heading, subtitle or scene
 * break take First Paragraph (no indent), the rest Body Text.
 */
function bodyParagraphs(section: Extract<ExportSection, { kind: 'part' | 'chapter' }>): Paragraph[] {
  if (section.kind === 'part') {
    return [
      para(S.partHeading, headingRuns(section.label, section.title)),
      ...chapterEpigraphParagraphs(section.epigraphs),
      ...section.paragraphs.map((inlines) => para(S.partText, docxTextRuns(inlines, { italicParagraph: true }))),
    ];
  }
  const out = [para(S.chapterHeading, headingRuns(section.label, section.title))];
  const subtitle = docxTextRuns(section.subtitle, { italicParagraph: true });
  if (subtitle.length) out.push(para(S.chapterSubtitle, subtitle));
  out.push(...chapterEpigraphParagraphs(section.epigraphs));
  let first = true;
  for (const block of section.blocks) {
    if (block.type === 'sceneBreak') {
      out.push(para(S.sceneBreak, [new TextRun(ORNAMENT)]));
      first = true;
    } else if (block.type === 'sceneHeading') {
      out.push(para(S.sceneHeading, docxTextRuns(block.inlines)));
      first = true;
    } else {
      out.push(para(first ? S.firstParagraph : S.bodyText, docxTextRuns(block.inlines)));
      first = false;
    }
  }
  return out;
}

/** A chapter's or part's own epigraphs, in their styles; the dash is its own plain run. */
function chapterEpigraphParagraphs(epigraphs: ExportEpigraph[]): Paragraph[] {
  return epigraphs.flatMap((epigraph) => [
    para(S.chapterEpigraph, docxTextRuns(epigraph.quote)),
    para(S.chapterEpigraphAttribution, [new TextRun('\u2014'), ...docxTextRuns(epigraph.attribution)]),
  ]);
}

/** A dedication or the epigraphs: front matter, each on a page of its own. */
function frontMatterParagraphs(section: Extract<ExportSection, { kind: 'dedication' | 'epigraphs' }>): Paragraph[] {
  // The page's first paragraph has a style of its own that starts it a third of the way down (see SINK).
  if (section.kind === 'dedication') {
    return section.paragraphs.map((inlines, index) => para(index === 0 ? S.firstDedication : S.dedication, docxTextRuns(inlines, { italicParagraph: true })));
  }
  return section.epigraphs.flatMap((epigraph, index) => [
    para(index === 0 ? S.firstEpigraph : S.epigraph, docxTextRuns(epigraph.quote)),
    // The dash is its own plain run, so an italic title in the attribution leaves it roman.
    para(S.epigraphAttribution, [new TextRun('\u2014'), ...docxTextRuns(epigraph.attribution)]),
  ]);
}

/**
 * The book (or a selection of it) as a styled Word document: a title page, the front matter on
 * pages of their own, then parts and chapters, each starting a page, with page numbers from the
 * first part or chapter. Every paragraph carries a named paragraph style (Title, Author,
 * Dedication, First Dedication, Epigraph, First Epigraph, Epigraph Attribution, Part Heading, Part Text, Chapter Heading, Chapter
 * Subtitle, Scene Heading, Scene Break, Body Text, First Paragraph), so the look can be changed in
 * Word by changing a style; runs carry only bold and italic.
 *
 * Layout that Word can only do per section (footers, page numbering) is done with Word sections:
 * one for the title page, one for each front-matter section, and one for each run of parts and
 * chapters. Page numbers: none in the front matter; 1 on the first page of the first part or
 * chapter, a right-hand page, as in the PDF.
 */
export async function bookToDocx(book: ExportBook): Promise<Uint8Array> {
  const sections: ISectionOptions[] = [];
  const titlePage = [para(S.title, [new TextRun(book.title)])];
  const authors = docxAuthorList(book.authors);
  if (authors) titlePage.push(para(S.author, [new TextRun(authors)]));
  const frontPage = (children: Paragraph[]): ISectionOptions => ({ properties: { page: PAGE }, children });
  sections.push(frontPage(titlePage));

  let body: Paragraph[] | null = null;
  let numbered = false;
  const closeBody = () => {
    if (!body) return;
    sections.push({
      // Numbering starts at 1 with the first chapter (or part), as in the PDF; the front matter
      // is not numbered. The section starts on an odd page: page 1 is a right-hand page in Word
      // and LibreOffice (which go by the number; the PDF adds a blank page where needed). A later
      // run of chapters continues the numbering.
      properties: numbered ? { page: PAGE } : { page: { ...PAGE, pageNumbers: { start: 1 } }, type: SectionType.ODD_PAGE },
      footers: {
        default: new Footer({ children: [para(S.footer, [new TextRun({ children: [PageNumber.CURRENT] })])] }),
      },
      children: body,
    });
    numbered = true;
    body = null;
  };
  for (const section of book.sections) {
    if (section.kind === 'dedication' || section.kind === 'epigraphs') {
      closeBody();
      sections.push(frontPage(frontMatterParagraphs(section)));
    } else {
      (body ??= []).push(...bodyParagraphs(section));
    }
  }
  closeBody();

  const document = new Document({
    // Open comment threads, when suggestions are shown: Word's own comments, one paragraph per reply.
    ...(book.comments
      ? { comments: { children: book.comments.map((comment) => ({ id: comment.number, author: comment.author, date: comment.date, children: comment.paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) })) } }
      : {}),
    title: book.title,
    creator: authors || book.contact.name,
    lastModifiedBy: book.contact.name,
    description: book.scope === 'selection' ? 'Selected sections' : undefined,
    hyphenation: { autoHyphenation: true },
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 22, color: '000000', language: { value: book.language } },
          paragraph: { spacing: { before: 0, after: 0, line: 288 } },
        },
        // Heading 1 is the Chapter Heading's base: serif and black like the rest of the book,
        // at outline level 0 for the navigation pane.
        heading1: {
          name: 'Heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          paragraph: { outlineLevel: 0, keepNext: true },
          run: { font: FONT, size: 32, color: '000000' },
        },
      },
      paragraphStyles: paragraphStyles(),
      characterStyles: [docxCodeCharacterStyle('Courier New')],
    },
    sections,
  });
  return Packer.toBuffer(document);
}
