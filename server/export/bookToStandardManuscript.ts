import {
  AlignmentType,
  Document,
  Header,
  Packer,
  LineRuleType,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type IBaseParagraphStyleOptions,
  type IParagraphPropertiesOptions,
  type IParagraphStylePropertiesOptions,
  type IParagraphStyleOptions,
} from 'docx';
import { docxAuthorList } from './docxAuthorList';
import { docxRoundedWordCount } from './docxRoundedWordCount';
import { docxShortTitle } from './docxShortTitle';
import { docxSurname } from './docxSurname';
import { docxCodeCharacterStyle } from './docxCodeStyle';
import { docxTextRuns } from './docxTextRuns';
import type { ParagraphChild } from 'docx';
import type { ExportBook, ExportEpigraph, ExportInline, ExportSection } from './exportBook';

/** Paragraph style ids; Word shows each by its name (see {@link paragraphStyles}). */
const S = {
  normal: 'Normal',
  header: 'Header',
  contact: 'SMFContact',
  title: 'SMFTitle',
  byline: 'SMFByline',
  dedication: 'SMFDedication',
  firstEpigraph: 'SMFFirstEpigraph',
  epigraph: 'SMFEpigraph',
  epigraphAttribution: 'SMFEpigraphAttribution',
  chapterEpigraph: 'SMFChapterEpigraph',
  chapterEpigraphAttribution: 'SMFChapterEpigraphAttribution',
  partHeading: 'SMFPartHeading',
  chapterHeading: 'SMFChapterHeading',
  chapterSubtitle: 'SMFChapterSubtitle',
  sceneHeading: 'SMFSceneHeading',
  sceneBreak: 'SMFSceneBreak',
} as const;

/** Twips per inch. */
const INCH = 1440;
/** US Letter with one-inch margins all round. */
const PAGE = {
  size: { width: 8.5 * INCH, height: 11 * INCH },
  margin: { top: INCH, bottom: INCH, left: INCH, right: INCH, header: 0.5 * INCH, footer: 0.5 * INCH },
};
/** Width of the text column: where the first page's word count is right-aligned. */
const TEXT_WIDTH = PAGE.size.width - PAGE.margin.left - PAGE.margin.right;
/**
 * Line spacing with its rule named, so every word processor sets the same lines: double spacing
 * is exactly 24 pt, twice the 12-pt type, 23 lines to a page. A bare "480" means twice the font's
 * own line height, which each word processor takes from whatever copy of the font it has (Times
 * New Roman, or a stand-in such as Liberation Serif): some 27–28 pt, and page counts that differ
 * from one machine to the next. Single spacing is the font's own line.
 */
const SINGLE = { line: 240, lineRule: LineRuleType.AUTO };
const DOUBLE = { line: 480, lineRule: LineRuleType.EXACT };
/** A blank double-spaced line's height, for space after a heading: 24 pt in twips. */
const DOUBLE_LINE = 480;
/**
 * Chapters (and the front-matter pages) start a third of the way down the page: with the
 * one-inch margin this space puts the heading about 3⅔ in from the top of an 11 in page.
 * Word keeps space before at the top of a page that a page break started.
 */
const SINK = (8 / 3) * INCH;

const FONTS = { times: 'Times New Roman', courier: 'Courier New' } as const;

/**
 * The typings of docx leave `pageBreakBefore` and `tabStops` out of a style's paragraph
 * properties, although the schema allows them there and docx writes them. Chapters need the break
 * in their style, so that a chapter heading added in Word starts a page too; the contact block's
 * tab stop belongs to its style likewise.
 */
type StyleParagraph = IParagraphStylePropertiesOptions & Pick<IParagraphPropertiesOptions, 'pageBreakBefore' | 'tabStops'>;
const styled = (paragraph: StyleParagraph): IParagraphStylePropertiesOptions => paragraph;

/** A line of its own, not a paragraph of text: no first-line indent. */
const line = { indent: { firstLine: 0 } };
const centred = { ...line, alignment: AlignmentType.CENTER };
/** A heading that opens a page, kept with the text after it. */
const opening = { ...centred, pageBreakBefore: true, keepNext: true };

/**
 * Normal carries Standard Manuscript Format (double-spaced, ragged right, half-inch first-line
 * indent, no space between paragraphs); the other styles are the few lines that differ from it.
 */
function paragraphStyles(font: string): IParagraphStyleOptions[] {
  return [
    {
      id: S.normal,
      name: 'Normal',
      quickFormat: true,
      paragraph: {
        alignment: AlignmentType.LEFT,
        indent: { firstLine: 0.5 * INCH },
        spacing: { before: 0, after: 0, ...DOUBLE },
      },
      run: { font, size: 24, color: '000000' },
    },
    {
      id: S.header,
      name: 'header',
      basedOn: S.normal,
      paragraph: { ...line, alignment: AlignmentType.RIGHT, spacing: { ...SINGLE } },
    },
    {
      // Single-spaced, with a right tab stop at the margin for the word count on the first line.
      id: S.contact,
      name: 'SMF Contact',
      basedOn: S.normal,
      quickFormat: true,
      paragraph: styled({
        ...line,
        spacing: { ...SINGLE },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      }),
    },
    {
      // About halfway down the first page, below the two lines of the contact block.
      id: S.title,
      name: 'SMF Title',
      basedOn: S.normal,
      next: S.byline,
      quickFormat: true,
      paragraph: { ...centred, keepNext: true, spacing: { before: 3.75 * INCH } },
    },
    { id: S.byline, name: 'SMF Byline', basedOn: S.normal, quickFormat: true, paragraph: { ...centred } },
    {
      id: S.dedication,
      name: 'SMF Dedication',
      basedOn: S.normal,
      quickFormat: true,
      paragraph: styled({ ...centred, pageBreakBefore: true, spacing: { before: SINK } }),
    },
    {
      id: S.epigraph,
      name: 'SMF Epigraph',
      basedOn: S.normal,
      next: S.epigraphAttribution,
      quickFormat: true,
      paragraph: { indent: { left: 0.5 * INCH, right: 0.5 * INCH, firstLine: 0 }, keepNext: true },
    },
    {
      // The first epigraph opens the epigraph page; the others follow it on that page.
      id: S.firstEpigraph,
      name: 'SMF First Epigraph',
      basedOn: S.epigraph,
      next: S.epigraphAttribution,
      quickFormat: true,
      paragraph: styled({ pageBreakBefore: true, spacing: { before: SINK } }),
    },
    {
      id: S.epigraphAttribution,
      name: 'SMF Epigraph Attribution',
      basedOn: S.normal,
      next: S.epigraph,
      quickFormat: true,
      paragraph: {
        alignment: AlignmentType.RIGHT,
        indent: { right: 0.5 * INCH, firstLine: 0 },
        spacing: { after: DOUBLE_LINE },
      },
    },
    {
      // A chapter's (or part's) own epigraph under its heading: indented from the left, on the
      // chapter's first page, still double-spaced as the whole manuscript is.
      id: S.chapterEpigraph,
      name: 'SMF Chapter Epigraph',
      basedOn: S.normal,
      next: S.chapterEpigraphAttribution,
      quickFormat: true,
      paragraph: { indent: { left: 2 * INCH, firstLine: 0 }, keepNext: true },
    },
    {
      id: S.chapterEpigraphAttribution,
      name: 'SMF Chapter Epigraph Attribution',
      basedOn: S.normal,
      next: S.normal,
      quickFormat: true,
      paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0 }, keepNext: true },
    },
    {
      id: S.partHeading,
      name: 'SMF Part Heading',
      basedOn: S.normal,
      next: S.normal,
      quickFormat: true,
      paragraph: styled({ ...opening, outlineLevel: 0, spacing: { before: SINK, after: DOUBLE_LINE } }),
    },
    {
      id: S.chapterHeading,
      name: 'SMF Chapter Heading',
      basedOn: S.normal,
      next: S.normal,
      quickFormat: true,
      paragraph: styled({ ...opening, outlineLevel: 0, spacing: { before: SINK, after: DOUBLE_LINE } }),
    },
    {
      id: S.chapterSubtitle,
      name: 'SMF Chapter Subtitle',
      basedOn: S.normal,
      next: S.normal,
      quickFormat: true,
      paragraph: { ...centred, keepNext: true, spacing: { after: DOUBLE_LINE } },
    },
    {
      id: S.sceneHeading,
      name: 'SMF Scene Heading',
      basedOn: S.normal,
      next: S.normal,
      quickFormat: true,
      paragraph: { ...centred, keepNext: true, outlineLevel: 1 },
    },
    {
      // A centred "#": a blank line could be lost at a page break, a "#" cannot.
      id: S.sceneBreak,
      name: 'SMF Scene Break',
      basedOn: S.normal,
      next: S.normal,
      quickFormat: true,
      paragraph: { ...centred },
    },
  ];
}

/** Word's Title and Heading 1–6, kept to 12-pt black in the manuscript's face. */
function builtInHeadings(font: string) {
  const style = (name: string, outlineLevel?: number): IBaseParagraphStyleOptions => ({
    name,
    basedOn: S.normal,
    next: S.normal,
    quickFormat: true,
    paragraph: { ...centred, keepNext: true, outlineLevel },
    run: { font, size: 24, color: '000000' },
  });
  return {
    title: style('Title'),
    heading1: style('Heading 1', 0),
    heading2: style('Heading 2', 1),
    heading3: style('Heading 3', 2),
    heading4: style('Heading 4', 3),
    heading5: style('Heading 5', 4),
    heading6: style('Heading 6', 5),
  };
}

const para = (style: string, children: ParagraphChild[]) => new Paragraph({ style, children });

/** "Chapter 3", a line break, then the title; the label alone when untitled. */
function headingRuns(label: string, title: ExportInline[]): ParagraphChild[] {
  const titleRuns = docxTextRuns(title);
  return titleRuns.length ? [new TextRun(label), new TextRun({ break: 1 }), ...titleRuns] : [new TextRun(label)];
}

/** A chapter's or part's own epigraphs, in their styles; the dash is its own plain run. */
function chapterEpigraphParagraphs(epigraphs: ExportEpigraph[]): Paragraph[] {
  return epigraphs.flatMap((epigraph) => [
    para(S.chapterEpigraph, docxTextRuns(epigraph.quote)),
    para(S.chapterEpigraphAttribution, [new TextRun('\u2014'), ...docxTextRuns(epigraph.attribution)]),
  ]);
}

/** The paragraphs of one section of the book. */
function sectionParagraphs(section: ExportSection): Paragraph[] {
  switch (section.kind) {
    case 'dedication': {
      // One paragraph, its lines joined by breaks: the page break lives in the style, and a
      // second paragraph of that style would start another page.
      const runs = section.paragraphs.flatMap((inlines, i) => [
        ...(i > 0 ? [new TextRun({ break: 1 })] : []),
        ...docxTextRuns(inlines),
      ]);
      return runs.length ? [para(S.dedication, runs)] : [];
    }
    case 'epigraphs':
      return section.epigraphs.flatMap((epigraph, i) => [
        para(i === 0 ? S.firstEpigraph : S.epigraph, docxTextRuns(epigraph.quote)),
        para(S.epigraphAttribution, [new TextRun('\u2014'), ...docxTextRuns(epigraph.attribution)]),
      ]);
    case 'part':
      return [
        para(S.partHeading, headingRuns(section.label, section.title)),
        ...chapterEpigraphParagraphs(section.epigraphs),
        ...section.paragraphs.map((inlines) => para(S.normal, docxTextRuns(inlines))),
      ];
    case 'chapter': {
      const out = [para(S.chapterHeading, headingRuns(section.label, section.title))];
      const subtitle = docxTextRuns(section.subtitle);
      if (subtitle.length) out.push(para(S.chapterSubtitle, subtitle));
      out.push(...chapterEpigraphParagraphs(section.epigraphs));
      for (const block of section.blocks) {
        if (block.type === 'sceneBreak') out.push(para(S.sceneBreak, [new TextRun('#')]));
        else out.push(para(block.type === 'sceneHeading' ? S.sceneHeading : S.normal, docxTextRuns(block.inlines)));
      }
      return out;
    }
  }
}

/**
 * The book (or a selection of it) in Standard Manuscript Format, for agents and editors: 12-pt
 * Times New Roman (or Courier New), double-spaced, one-inch margins, ragged right, half-inch
 * first-line indents. The first page is a title page: the contact block single-spaced top left,
 * the rounded word count top right, the title and by-line halfway down. Every later page has the
 * running header "Surname / SHORT TITLE / page", numbered from 1 on the page after the title page.
 * The dedication and the epigraphs each get a page of their own before the first chapter; parts
 * and chapters start a new page a third of the way down; scene breaks are a centred "#". Italic
 * and bold are kept. All layout lives in named styles ("Normal", "SMF Chapter Heading", …).
 */
export async function bookToStandardManuscript(
  book: ExportBook,
  options: { font?: 'times' | 'courier' } = {},
): Promise<Uint8Array> {
  const font = FONTS[options.font ?? 'times'];
  const surname = docxSurname(book.contact.name) || docxSurname(book.authors[0] ?? '');
  const runningHeader = new Header({
    children: [
      para(S.header, [
        new TextRun(`${surname} / ${docxShortTitle(book.title)} / `),
        new TextRun({ children: [PageNumber.CURRENT] }),
      ]),
    ],
  });

  const titlePage = [
    para(S.contact, [
      new TextRun(book.contact.name),
      new TextRun({ children: [new Tab(), `about ${docxRoundedWordCount(book.wordCount)} words`] }),
    ]),
  ];
  if (book.contact.email) titlePage.push(para(S.contact, [new TextRun(book.contact.email)]));
  titlePage.push(para(S.title, [new TextRun(book.title)]));
  const authors = docxAuthorList(book.authors);
  if (authors) titlePage.push(para(S.byline, [new TextRun(`by ${authors}`)]));

  const document = new Document({
    title: book.title,
    creator: authors || book.contact.name,
    lastModifiedBy: book.contact.name,
    description: book.scope === 'selection' ? 'Selected sections' : undefined,
    styles: {
      default: {
        document: {
          run: { font, size: 24, color: '000000', language: { value: book.language } },
          paragraph: { spacing: { before: 0, after: 0, ...DOUBLE } },
        },
        // Word's built-in title and headings, should an editor apply them, stay in the
        // manuscript's one size and colour rather than the library's large blue defaults.
        ...builtInHeadings(font),
      },
      paragraphStyles: paragraphStyles(font),
      characterStyles: [docxCodeCharacterStyle()],
    },
    sections: [
      {
        properties: {
          page: { ...PAGE, pageNumbers: { start: 0 } },
          // The title page has no header; numbering from 0 makes the first page after it page 1.
          titlePage: true,
        },
        headers: { default: runningHeader, first: new Header({ children: [para(S.header, [])] }) },
        children: [...titlePage, ...book.sections.flatMap(sectionParagraphs)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
