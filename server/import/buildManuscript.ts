import type { JSONContent } from '@tiptap/core';
import type { ManuscriptJson, SectionJson } from '@model/manuscript/manuscriptJson';
import { countWords } from '@model/manuscript/countWords';
import { newId } from '@model/manuscript/newId';
import { classifyLine, type LineShape } from './classifyLine';
import { blockText, isQuotation, isWhollyBold, isWhollyItalic, type ImportBlock } from './importBlock';
import { withoutDash } from './attributionDash';
import { looksLikeSceneHeading } from './looksLikeSceneHeading';

/** Options for {@link buildManuscript}. */
export interface BuildManuscriptOptions {
  /** The title to use when the file states none. */
  title: string;
  /** Makes section ids; defaults to random ids (tests pass a counter for stable output). */
  makeId?: () => string;
  /**
   * The blocks came from plain text, which has no markup: short title-like lines inside a chapter
   * are then read as scene headings, since nothing else can mark them.
   */
  plain?: boolean;
  /**
   * The blocks came from a text file (with or without Markdown's marks), whose title, when it has
   * one, is its first line: see {@link takeTitle}.
   */
  textFile?: boolean;
  /**
   * The title the file states outside its text (a Markdown file's front matter). A first heading
   * that repeats it is dropped as the title line; any other first heading stays a heading.
   */
  statedTitle?: string;
}

/** What one block turns out to be, once its shape, style and place are weighed. */
type Role =
  | { role: 'dedicationLabel' }
  | { role: 'epigraphsLabel' }
  | { role: 'dedication' }
  | { role: 'part'; title: string }
  | { role: 'chapter'; title: string }
  | { role: 'subtitle' }
  | { role: 'sceneHeading' }
  | { role: 'sceneBreak' }
  | { role: 'quote' }
  | { role: 'attribution' }
  | { role: 'text' };

const TITLE_LINE = /^title\s*:\s*(.+)$/i;
/** Sentence punctuation ends prose, not a title line (a trailing colon is a label's). */
const ENDS_LIKE_SENTENCE = /[.!?,;…]["'”’)]?$/;

/** The longest paragraph read as an unlabelled dedication (words). */
const DEDICATION_MAX_WORDS = 60;

const withoutColon = (text: string) => text.replace(/\s*:\s*$/, '').trim();
const plainText = (value: string): JSONContent[] => (value ? [{ type: 'text', text: value }] : []);

/**
 * Inlines allowed in title-like nodes, whose schema permits italic text only: a line break
 * becomes a space, so the words on either side of it stay two words.
 */
function italicOnly(inlines: JSONContent[]): JSONContent[] {
  return inlines.map((node) => {
    if (node.type === 'hardBreak') return { type: 'text', text: ' ' };
    const marks = node.marks?.filter((mark) => mark.type === 'italic');
    return { type: 'text', text: node.text, ...(marks?.length ? { marks } : {}) };
  });
}

/**
 * A quoted paragraph whose last line (after a line break) is an attribution, split in two; the
 * whole paragraph as the quote otherwise.
 */
function splitAttribution(inlines: JSONContent[]): { quote: JSONContent[]; attribution: JSONContent[] | null } {
  const lastBreak = inlines.findLastIndex((node) => node.type === 'hardBreak');
  if (lastBreak <= 0) return { quote: inlines, attribution: null };
  const tail = inlines.slice(lastBreak + 1);
  const tailText = tail.map((node) => node.text ?? '').join('').trim();
  if (!tailText || classifyLine(tailText).kind !== 'attribution') return { quote: inlines, attribution: null };
  return { quote: inlines.slice(0, lastBreak), attribution: tail };
}

/** Word paragraph styles the exporters write (and common ones), read back as roles. */
function roleFromStyle(style: string, text: string): Role | null {
  switch (style) {
    case 'dedication':
      return { role: 'dedication' };
    case 'epigraph':
    case 'chapter epigraph':
      return { role: 'quote' };
    case 'epigraph attribution':
    case 'chapter epigraph attribution':
      return { role: 'attribution' };
    case 'part heading': {
      const shape = classifyLine(text.split('\n')[0]);
      const rest = text.split('\n').slice(1).join(' ').trim();
      return { role: 'part', title: shape.kind === 'partHeading' ? shape.title || rest : withoutColon(text) };
    }
    case 'chapter heading': {
      const shape = classifyLine(text.split('\n')[0]);
      const rest = text.split('\n').slice(1).join(' ').trim();
      return { role: 'chapter', title: shape.kind === 'chapterHeading' ? shape.title || rest : withoutColon(text) };
    }
    case 'chapter subtitle':
    case 'subtitle':
      return { role: 'subtitle' };
    case 'scene heading':
      return { role: 'sceneHeading' };
    case 'scene break':
      return { role: 'sceneBreak' };
    default:
      return null;
  }
}

/** The role a line's shape alone implies, if any. */
function roleFromShape(shape: LineShape): Role | null {
  switch (shape.kind) {
    case 'dedicationLabel':
      return { role: 'dedicationLabel' };
    case 'epigraphsLabel':
      return { role: 'epigraphsLabel' };
    case 'partHeading':
      return { role: 'part', title: shape.title };
    case 'chapterHeading':
      return { role: 'chapter', title: shape.title };
    case 'sceneBreak':
      return { role: 'sceneBreak' };
    default:
      return null;
  }
}

/** A line short enough to be a book's title: a few words, not ending like a sentence. */
const TITLE_LIKE = /^[^.!?,;:…]{1,80}[^.!?,;:…\s]$/u;
/** A first line in a text file longer than this is a sentence of the story, not its title. */
const TITLE_MAX_WORDS = 8;
/** A line that opens with a quotation mark is someone speaking (or an epigraph), not a title. */
const OPENS_WITH_QUOTE = /^["'“‘«„‚‹»『「]/u;

/**
 * Finds the title line, if the file has one: "Title: …" as the first line (plain or bold), a Word
 * "Title" paragraph, a first heading that no other heading matches in rank, or, in a text file
 * of a book (it has part or chapter headings), a short first line that is not itself a heading,
 * not emphasised (a dedication) and not quoted (an epigraph).
 */
function takeTitle(blocks: ImportBlock[], textFile: boolean): string | null {
  // A manuscript-format title page opens with the contact block, which is not story text.
  const styleOfFirst = (): string | undefined => blocks[0]?.style;
  if (styleOfFirst() === 'contact' && blocks.some((block) => block.style === 'title')) {
    while (blocks.length > 0 && styleOfFirst() !== 'title') blocks.shift();
  }
  const first = blocks[0];
  if (!first) return null;
  const text = blockText(first).trim();
  const labelled = TITLE_LINE.exec(text);
  if (labelled && (first.kind !== 'paragraph' || isWhollyBold(first) || first.style === 'title' || !text.includes('\n'))) {
    blocks.shift();
    return withoutColon(labelled[1]);
  }
  if (first.style === 'title') {
    blocks.shift();
    // Quire's exporters set the authors under the title in styles of their own: names, not story.
    while (blocks[0]?.style === 'author' || blocks[0]?.style === 'byline') blocks.shift();
    return text;
  }
  if (first.kind === 'heading' && roleFromShape(classifyLine(text)) === null) {
    const rival = blocks.slice(1).some((block) => {
      if (block.kind !== 'heading' || (block.level ?? 1) > (first.level ?? 1)) return false;
      const shape = classifyLine(blockText(block).trim()).kind;
      return shape !== 'partHeading' && shape !== 'chapterHeading' && shape !== 'dedicationLabel' && shape !== 'epigraphsLabel';
    });
    if (!rival) {
      blocks.shift();
      return withoutColon(text);
    }
  }
  if (textFile && first.kind === 'paragraph' && TITLE_LIKE.test(text) && !OPENS_WITH_QUOTE.test(text) && countWords(text) <= TITLE_MAX_WORDS && roleFromShape(classifyLine(text)) === null && !isWhollyItalic(first) && !isWhollyBold(first)) {
    const isBook = blocks.slice(1).some((block) => {
      const shape = classifyLine(blockText(block).trim()).kind;
      return shape === 'partHeading' || shape === 'chapterHeading';
    });
    if (isBook) {
      blocks.shift();
      return text;
    }
  }
  return null;
}

/** Drops a first heading that only repeats the title stated outside the text, and returns that title. */
function takeStatedTitle(blocks: ImportBlock[], stated: string): string {
  const first = blocks[0];
  const normalise = (value: string) => withoutColon(value).replace(/\s+/g, ' ').toLocaleLowerCase();
  if (first?.kind === 'heading' && normalise(blockText(first)) === normalise(stated)) blocks.shift();
  return stated;
}

/**
 * Turns the blocks of an imported file into manuscript JSON. It recognises, by style, markup or
 * shape: the title; a dedication (a "Dedication" label or style); epigraphs (an "Epigraphs" label,
 * quotations or the Epigraph style, each closed by an attribution starting with an em dash);
 * parts ("Part One: Title"); chapters ("Chapter 1: Title", "CHAPTER ONE", Markdown or Word
 * headings, bold title lines); chapter subtitles; scene headings (deeper headings, or in plain
 * text short title-like lines); scene breaks (`***`, `* * *`, `#`, rules); bold and italic.
 * Text before any chapter that is not front matter opens an untitled first chapter, so no word is
 * ever dropped. Pure: no I/O.
 */
export function buildManuscript(input: ImportBlock[], options: BuildManuscriptOptions): ManuscriptJson & { headings: Record<string, string> } {
  const makeId = options.makeId ?? newId;
  const blocks = input.filter((block) => block.kind === 'break' || blockText(block).trim());
  const title = options.statedTitle ? takeStatedTitle(blocks, options.statedTitle) : (takeTitle(blocks, Boolean(options.textFile)) ?? options.title);

  // Chapters are the shallowest headings that are not parts or labels; deeper ones are scenes.
  const shapeOf = (block: ImportBlock) => classifyLine(blockText(block).trim());
  const chapterLevels = blocks
    .filter((block) => block.kind === 'heading')
    .filter((block) => !['partHeading', 'dedicationLabel', 'epigraphsLabel'].includes(shapeOf(block).kind))
    .map((block) => block.level ?? 1);
  const chapterLevel = chapterLevels.length ? Math.min(...chapterLevels) : null;
  const styledChapters = blocks.some((block) => block.style === 'chapter heading');
  // In a file whose markup marks chapters, a paragraph is never a heading by its words or its
  // bold alone: "Chapter 12" or "Epilogue" written as a line of text stays text.
  const markedUp = chapterLevel !== null || styledChapters;

  const sections: SectionJson[] = [];
  // Each chapter's and part's heading as the file wrote it, for the preview's corrections.
  const headings: Record<string, string> = {};
  let mode = 'start' as 'start' | SectionJson['kind'];
  let current: JSONContent[] = [];
  let sawDedicationLabel = false;
  let sawEpigraphsLabel = false;
  let pendingQuote: JSONContent[] = [];
  let chapterHasBody = false;

  const closeEpigraph = (attribution: JSONContent[]) => {
    current.push({
      type: 'epigraph',
      content: [
        { type: 'epigraphQuote', content: pendingQuote },
        { type: 'epigraphAttribution', content: attribution },
      ],
    });
    pendingQuote = [];
  };
  const open = (kind: SectionJson['kind'], first: JSONContent[] = []) => {
    // A quotation left without an attribution is still kept, with an empty attribution.
    if (mode === 'epigraphs' && pendingQuote.length > 0) closeEpigraph([]);
    current = [...first];
    sections.push({ id: makeId(), kind, content: { type: 'doc', content: [{ type: kind, content: current }] } });
    mode = kind;
    chapterHasBody = false;
  };
  const addQuoteLine = (inlines: JSONContent[]) => {
    if (pendingQuote.length > 0) pendingQuote.push({ type: 'hardBreak' });
    pendingQuote.push(...inlines);
  };
  const inFrontMatter = () => mode === 'start' || mode === 'dedication' || mode === 'epigraphs';
  // A book with headings (parts, chapters) has front matter to find before them; a story without
  // any starts with its text, italic or not.
  const hasHeadings = blocks.some((block) => {
    if (block.kind === 'heading' || block.style === 'chapter heading' || block.style === 'part heading') return true;
    const kind = shapeOf(block).kind;
    return kind === 'chapterHeading' || kind === 'partHeading';
  });
  let unlabelledDedication = false;
  /**
   * An unlabelled dedication: before anything else (or right after such a line), a short line or
   * paragraph set wholly in italics or centred, in a book that has headings to come.
   */
  const looksLikeDedication = (block: ImportBlock, text: string): boolean => {
    if (!hasHeadings || block.kind !== 'paragraph' || countWords(text) > DEDICATION_MAX_WORDS) return false;
    if (!(isWhollyItalic(block) || block.centred)) return false;
    if (mode === 'start') return (unlabelledDedication = true);
    return mode === 'dedication' && unlabelledDedication;
  };

  /**
   * Whether a chapter's (or part's) opening epigraph starts at `index`: under the heading (and
   * subtitle) before any text, quoted blocks (or one plain paragraph) whose last line, or the
   * paragraph after them, is "— a source". A chapter that opens on a quoted letter is not one.
   */
  const opensWithEpigraph = (index: number): boolean => {
    const atOpening = (mode === 'chapter' && !chapterHasBody) || (mode === 'part' && current.every((node) => node.type === 'partTitle' || node.type === 'epigraph'));
    if (!atOpening) return false;
    let end = index;
    // The quotation runs on to its source line, which Word writers often set in the Quote style too.
    const isSource = (block: ImportBlock) => classifyLine(blockText(block).trim()).kind === 'attribution';
    if (isQuotation(blocks[index])) while (blocks[end + 1] && isQuotation(blocks[end + 1]) && !isSource(blocks[end + 1])) end++;
    else if (blocks[index].kind !== 'paragraph' || blocks[index].style) return false;
    const last = blocks[end];
    const after = blocks[end + 1];
    return splitAttribution(last.inlines).attribution !== null || (after?.kind === 'paragraph' && classifyLine(blockText(after).trim()).kind === 'attribution');
  };

  const roleOf = (index: number): Role => {
    const block = blocks[index];
    const next = blocks[index + 1];
    const text = blockText(block).trim();
    if (block.kind === 'break') return { role: 'sceneBreak' };
    const styled = block.style ? roleFromStyle(block.style, text) : null;
    if (styled) return styled;
    const shape = classifyLine(text);
    if (block.kind === 'heading') {
      const byShape = roleFromShape(shape);
      if (byShape && byShape.role !== 'sceneBreak') return byShape;
      const level = block.level ?? 1;
      if (chapterLevel !== null && level > chapterLevel && mode === 'chapter') {
        // Two levels below the chapters, straight under a chapter heading: its subtitle.
        if (level >= chapterLevel + 2 && !chapterHasBody && current.length === 1) return { role: 'subtitle' };
        return { role: 'sceneHeading' };
      }
      return { role: 'chapter', title: withoutColon(text) };
    }
    if (shape.kind === 'sceneBreak') return { role: 'sceneBreak' };
    // "Dedication" and "Epigraphs" written as lines of their own label the front matter in any
    // file, headings or not.
    if (inFrontMatter() && shape.kind === 'dedicationLabel') return { role: 'dedicationLabel' };
    if (inFrontMatter() && shape.kind === 'epigraphsLabel') return { role: 'epigraphsLabel' };
    if (!markedUp) {
      const byShape = roleFromShape(shape);
      if (byShape) return byShape;
    }
    // A quotation closed by its source right under a chapter's heading is the chapter's epigraph.
    if (pendingQuote.length > 0 && (mode === 'chapter' || mode === 'part') && shape.kind === 'attribution') return { role: 'attribution' };
    if (shape.kind !== 'attribution' && opensWithEpigraph(index)) return { role: 'quote' };
    // Word's quotation styles and Markdown quotes are the book's epigraphs only before the story starts.
    if (shape.kind === 'attribution' && (mode === 'epigraphs' || (isQuotation(block) && inFrontMatter()))) return { role: 'attribution' };
    if (isQuotation(block) && inFrontMatter()) return { role: 'quote' };
    // Before the story, a paragraph whose next line is "— its source" is a quotation, marked or not.
    const nextIsAttribution = next?.kind === 'paragraph' && classifyLine(blockText(next).trim()).kind === 'attribution';
    // (Under a "Dedication" label, the dedication's own lines run on until the next label.)
    const labelledDedication = mode === 'dedication' && !unlabelledDedication;
    if (nextIsAttribution && inFrontMatter() && !labelledDedication && block.kind === 'paragraph' && shape.kind === 'text') return { role: 'quote' };
    if (looksLikeDedication(block, text)) return { role: 'dedication' };
    const short = countWords(text) <= 12 && !text.includes('\n');
    if (!markedUp && short && isWhollyBold(block) && !ENDS_LIKE_SENTENCE.test(text)) {
      return { role: 'chapter', title: withoutColon(text) };
    }
    if (options.plain && mode === 'chapter' && looksLikeSceneHeading(text)) return { role: 'sceneHeading' };
    return { role: 'text' };
  };

  for (const [index, block] of blocks.entries()) {
    const role = roleOf(index);
    switch (role.role) {
      case 'chapter':
        open('chapter', [{ type: 'chapterTitle', content: plainText(role.title) }]);
        headings[sections.at(-1)!.id] = blockText(block).replace(/\s+/g, ' ').trim();
        continue;
      case 'part':
        open('part', [{ type: 'partTitle', content: plainText(role.title) }]);
        headings[sections.at(-1)!.id] = blockText(block).replace(/\s+/g, ' ').trim();
        continue;
      case 'dedicationLabel':
        if (inFrontMatter() && !sawDedicationLabel) {
          sawDedicationLabel = true;
          open('dedication');
          continue;
        }
        break;
      case 'epigraphsLabel':
        if (inFrontMatter() && !sawEpigraphsLabel) {
          sawEpigraphsLabel = true;
          open('epigraphs');
          continue;
        }
        break;
      case 'dedication':
        if (mode !== 'dedication') open('dedication');
        current.push({ type: 'paragraph', content: block.inlines });
        continue;
      case 'quote': {
        if (mode !== 'epigraphs' && mode !== 'chapter' && mode !== 'part') open('epigraphs');
        // "The quotation / — Its source" in one quoted paragraph: the last line closes it.
        const { quote, attribution } = splitAttribution(block.inlines);
        addQuoteLine(quote);
        if (attribution) closeEpigraph(withoutDash(attribution));
        continue;
      }
      case 'attribution':
        if (mode !== 'epigraphs' && !((mode === 'chapter' || mode === 'part') && pendingQuote.length > 0)) open('epigraphs');
        closeEpigraph(withoutDash(block.inlines));
        continue;
      case 'subtitle':
        if (mode === 'chapter' && !chapterHasBody && current.length === 1) {
          current.push({ type: 'chapterSubtitle', content: plainText(blockText(block).trim()) });
          continue;
        }
        break;
      case 'sceneBreak':
        // A break outside a chapter's body has no words to keep and nowhere to stand.
        if (mode === 'chapter') {
          current.push({ type: 'sceneBreak' });
          chapterHasBody = true;
        }
        continue;
      case 'sceneHeading':
        if (mode === 'chapter') {
          current.push({ type: 'sceneHeading', content: italicOnly(block.inlines) });
          chapterHasBody = true;
          continue;
        }
        break;
      case 'text':
        break;
    }
    // Anything else is text, placed by where we are. Where quotations are marked (Markdown, Word),
    // plain text after a finished epigraph is the story starting, not another quotation.
    const epigraphsDone = mode === 'epigraphs' && !options.plain && pendingQuote.length === 0 && current.length > 0;
    // An unlabelled dedication ends where the lines stop looking like one: the story starts.
    const dedicationDone = mode === 'dedication' && unlabelledDedication;
    if (epigraphsDone || dedicationDone) open('chapter', [{ type: 'chapterTitle' }]);
    if (mode === 'epigraphs') addQuoteLine(block.inlines);
    else if (mode === 'dedication' || mode === 'part') current.push({ type: 'paragraph', content: block.inlines });
    else {
      if (mode === 'start') open('chapter', [{ type: 'chapterTitle' }]);
      current.push({ type: 'paragraph', content: block.inlines });
      chapterHasBody = true;
    }
  }
  if (mode === 'epigraphs' && pendingQuote.length > 0) closeEpigraph([]);
  sections.forEach(fillEmptySection);
  return { title, sections, headings };
}

/** Gives a section with no content the minimum its schema requires (an empty paragraph or epigraph). */
function fillEmptySection(section: SectionJson): void {
  const children = section.content.content![0].content!;
  if (section.kind === 'dedication' && children.length === 0) children.push({ type: 'paragraph' });
  if (section.kind === 'epigraphs' && children.length === 0) {
    children.push({ type: 'epigraph', content: [{ type: 'epigraphQuote' }, { type: 'epigraphAttribution' }] });
  }
  if (section.kind === 'chapter' && children.every((c) => c.type === 'chapterTitle' || c.type === 'chapterSubtitle' || c.type === 'epigraph')) {
    children.push({ type: 'paragraph' });
  }
}
