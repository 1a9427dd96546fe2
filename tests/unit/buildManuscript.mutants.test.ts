// Structure detection end to end, one rule at a time, compared as an outline of every section
// (each one also a document the editor's schema accepts): written to kill the mutants
// `npm run test:mutation` found surviving in buildManuscript (front matter labels, title lines,
// Word styles, rival headings, subtitles, scene headings and breaks outside chapters, epigraphs
// left open or closed, empty sections filled).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JSONContent } from '@tiptap/core';
import { buildManuscript } from '../../server/import/buildManuscript';
import { importPlainText } from '../../server/import/importPlainText';
import { markdownBlocks } from '../../server/import/markdownBlocks';
import type { ImportBlock } from '../../server/import/importBlock';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { manuscriptSchema } from '@model/schema';

/** A node's text, hard breaks as "/". */
const textOf = (n: JSONContent): string => (n.type === 'hardBreak' ? '/' : (n.text ?? (n.content ?? []).map(textOf).join('')));
/** A node as `type(text)`; `type` alone when it has no content array at all; epigraphs as `epigraph(quote | attribution)`. */
const node = (n: JSONContent): string => (n.type === 'epigraph' ? `epigraph(${textOf(n.content![0])} | ${textOf(n.content![1])})` : `${n.type}${n.content ? `(${textOf(n)})` : ''}`);
/** The title, then each section's kind and nodes; every section must be a document the editor opens. */
const outline = (m: ManuscriptJson) => {
  for (const s of m.sections) assert.doesNotThrow(() => manuscriptSchema.nodeFromJSON(s.content).check(), `${s.kind} ${JSON.stringify(s.content)}`);
  return [`title: ${m.title}`, ...m.sections.map((s) => `${s.kind}: ${s.content.content![0].content!.map(node).join(', ')}`)];
};
const options = () => {
  let n = 0;
  return { title: 'File', makeId: () => `s${++n}` };
};
const plain = (text: string) => outline(importPlainText(text, options()));
const md = (text: string) => outline(buildManuscript(markdownBlocks(text), options()));
/** Word-like blocks: [style, text with "\n" for line breaks, kind]. */
const word = (...blocks: Array<[string | undefined, string, ImportBlock['kind']?]>) =>
  outline(
    buildManuscript(
      blocks.map(([style, text, kind]) => ({
        kind: kind ?? 'paragraph',
        ...(style ? { style } : {}),
        inlines: text.split('\n').flatMap((t, i) => [...(i ? [{ type: 'hardBreak' }] : []), ...(t ? [{ type: 'text', text: t }] : [])]),
      })),
      options(),
    ),
  );
const heading = (level: number, text: string): ImportBlock => ({ kind: 'heading', level, inlines: [{ type: 'text', text }] });
const para = (text: string): ImportBlock => ({ kind: 'paragraph', inlines: [{ type: 'text', text }] });

test('empty front matter and chapters get the minimum content; an epigraph left open keeps its quotation', () => {
  assert.deepEqual(plain('Dedication\nEpigraphs\nChapter 1'), ['title: File', 'dedication: paragraph', 'epigraphs: epigraph( | )', 'chapter: chapterTitle(), paragraph']);
  assert.deepEqual(plain('Epigraphs\nA quote'), ['title: File', 'epigraphs: epigraph(A quote | )']);
  assert.deepEqual(plain('Epigraphs\nA quote\nChapter 1\nIt rained.'), ['title: File', 'epigraphs: epigraph(A quote | )', 'chapter: chapterTitle(), paragraph(It rained.)']);
  assert.deepEqual(md('## Arrival\n\n#### *Sub*\n\n## Bridge\n\ntext'), ['title: File', 'chapter: chapterTitle(Arrival), chapterSubtitle(Sub), paragraph', 'chapter: chapterTitle(Bridge), paragraph(text)']);
});

test('a front-matter label counts once, and only before the story', () => {
  assert.deepEqual(plain('Dedication\nFor A\nDedication\nEpigraphs\nQ\n— S\nEpigraphs\nChapter 1\nDedication\nEpigraphs'), [
    'title: File',
    'dedication: paragraph(For A), paragraph(Dedication)',
    'epigraphs: epigraph(Q | S), epigraph(Epigraphs | )',
    'chapter: chapterTitle(), paragraph(Dedication), paragraph(Epigraphs)',
  ]);
});

test('a "Title:" line is the title on its own single line only, and keeps inner colons', () => {
  assert.deepEqual(plain('Title:The Book:\nChapter 1\nIt rained.'), ['title: The Book', 'chapter: chapterTitle(), paragraph(It rained.)']);
  assert.deepEqual(plain('title : Act: One\nIt rained.'), ['title: Act: One', 'chapter: chapterTitle, paragraph(It rained.)']);
  assert.deepEqual(plain('Subtitle: X\nIt rained.'), ['title: File', 'chapter: chapterTitle, paragraph(Subtitle: X), paragraph(It rained.)']);
  assert.deepEqual(word([undefined, 'Title: X\nmore'], [undefined, 'It rained.']), ['title: File', 'chapter: chapterTitle, paragraph(Title: X/more), paragraph(It rained.)']);
});

test('a manuscript-format title page: contact block and authors dropped only around a Title', () => {
  assert.deepEqual(word(['contact', 'Jane Doe'], ['contact', 'jane@x'], ['title', 'Book'], ['author', 'Jane'], ['byline', 'by Jane'], ['chapter heading', 'Chapter 1: One'], [undefined, 'Text']), [
    'title: Book',
    'chapter: chapterTitle(One), paragraph(Text)',
  ]);
  assert.deepEqual(word(['contact', 'Jane Doe'], [undefined, 'Text']), ['title: File', 'chapter: chapterTitle, paragraph(Jane Doe), paragraph(Text)']);
  assert.deepEqual(word(['title', 'Book'], ['author', 'Jane']), ['title: Book']);
});

test('Word styles: part and chapter headings with titles on the next line or none, subtitles, scene breaks and headings', () => {
  assert.deepEqual(
    word(
      ['part heading', 'Part One\nThe City'],
      ['part heading', 'Part Two: Spring\nignored'],
      ['part heading', 'The Fall:'],
      ['chapter heading', 'Chapter 1\nArrival'],
      ['subtitle', 'A subtitle'],
      ['chapter heading', 'Chapter 2: Two\nx'],
      ['chapter heading', 'The End:'],
      ['scene break', '* *'],
      [undefined, 'Chapter 12 was a letter.'],
      [undefined, 'Chapter 12'],
      ['scene heading', 'Night'],
      ['chapter subtitle', 'late'],
    ),
    [
      'title: File',
      'part: partTitle(The City)',
      'part: partTitle(Spring)',
      'part: partTitle(The Fall)',
      'chapter: chapterTitle(Arrival), chapterSubtitle(A subtitle), paragraph',
      'chapter: chapterTitle(Two), paragraph',
      'chapter: chapterTitle(The End), sceneBreak, paragraph(Chapter 12 was a letter.), paragraph(Chapter 12), sceneHeading(Night), paragraph(late)',
    ],
  );
});

test('Word quotations are epigraphs before the story and text inside it; dedication paragraphs stay together', () => {
  assert.deepEqual(word(['quote', 'Q1'], ['intense quote', 'Q2'], ['epigraph attribution', '— A'], ['dedication', 'For A'], ['dedication', 'and B'], ['chapter heading', 'Chapter 1'], [undefined, 'Story.'], ['quote', 'inside'], [undefined, '— he said']), [
    'title: File',
    'epigraphs: epigraph(Q1/Q2 | A)',
    'dedication: paragraph(For A), paragraph(and B)',
    // Inside the story, not right under the heading (where it would be the chapter's epigraph).
    'chapter: chapterTitle(), paragraph(Story.), paragraph(inside), paragraph(— he said)',
  ]);
});

test('a first heading is the title unless another heading of its rank rivals it (labels, parts and chapters do not)', () => {
  assert.deepEqual(md('# Book\n\n# Dedication\n\nFor A\n\n# Epigraphs\n\n> Q\n\n— A\n\n# Part One\n\n# Chapter 1\n\nText'), [
    'title: Book',
    'dedication: paragraph(For A)',
    'epigraphs: epigraph(Q | A)',
    'part: partTitle()',
    'chapter: chapterTitle(), paragraph(Text)',
  ]);
  assert.deepEqual(md('# Book\n\n# Another\n\nText'), ['title: File', 'chapter: chapterTitle(Book), paragraph', 'chapter: chapterTitle(Another), paragraph(Text)']);
  // Headings are read trimmed; blank paragraphs are dropped.
  assert.deepEqual(outline(buildManuscript([heading(1, 'Book'), heading(1, ' Dedication '), para('For A'), para('  '), heading(1, ' Part One '), heading(2, 'Start'), para('x')], options())), [
    'title: Book',
    'dedication: paragraph(For A)',
    'part: partTitle()',
    'chapter: chapterTitle(Start), paragraph(x)',
  ]);
});

test('chapters are the shallowest headings that are not labels; deeper ones are scene headings or, right under the title, a subtitle', () => {
  assert.deepEqual(md('# Dedication\n\nFor A\n\n## The Start\n\nText\n\n# Epigraphs\n\n## Later\n\nMore'), [
    'title: File',
    'dedication: paragraph(For A)',
    'chapter: chapterTitle(The Start), paragraph(Text), paragraph(Epigraphs)',
    'chapter: chapterTitle(Later), paragraph(More)',
  ]);
  assert.deepEqual(md('## Arrival\n\n#### *Sub*\n\nText\n\n#### Scene\n\nmore\n\n## Bridge\n\n### Scene A\n\n#### Deep\n\n## Coda\n\nx\n\n#### *Late sub*'), [
    'title: File',
    'chapter: chapterTitle(Arrival), chapterSubtitle(Sub), paragraph(Text), sceneHeading(Scene), paragraph(more)',
    'chapter: chapterTitle(Bridge), sceneHeading(Scene A), sceneHeading(Deep)',
    'chapter: chapterTitle(Coda), paragraph(x), sceneHeading(Late sub)',
  ]);
});

test('bold title lines: twelve words at most, one line, no sentence ending; short Markdown lines are not scene headings', () => {
  assert.deepEqual(
    md(
      '**One two three four five six seven eight nine ten eleven twelve**\n\nText\n\n**One two three four five six seven eight nine ten eleven twelve thirteen**\n\n**Bold  \nbroken**\n\n**Ends.**\n\nThe Gate\n\n— attribution-like',
    ),
    [
      'title: File',
      'chapter: chapterTitle(One two three four five six seven eight nine ten eleven twelve), paragraph(Text), paragraph(One two three four five six seven eight nine ten eleven twelve thirteen), paragraph(Bold/broken), paragraph(Ends.), paragraph(The Gate), paragraph(— attribution-like)',
    ],
  );
});

test('text after a finished Markdown epigraph starts the story; text right after the label is a quotation', () => {
  assert.deepEqual(md('Epigraphs\n\nSome words\n\n> Q\n\n— A\n\nStory'), ['title: File', 'epigraphs: epigraph(Some words/Q | A)', 'chapter: chapterTitle, paragraph(Story)']);
});

test('text under a part stays in the part; a break before any chapter is dropped', () => {
  assert.deepEqual(plain('Part One\nSome intro text\nChapter 1\nIt rained.\n* * *\nMore'), [
    'title: File',
    'part: partTitle(), paragraph(Some intro text)',
    'chapter: chapterTitle(), paragraph(It rained.), sceneBreak, sceneHeading(More)',
  ]);
  assert.deepEqual(plain('* * *\nit rained.'), ['title: File', 'chapter: chapterTitle, paragraph(it rained.)']);
  assert.deepEqual(md('# Opening\n\n***\n\n### *Sub*'), ['title: Opening', 'chapter: chapterTitle(Sub), paragraph']);
});

/** Blocks with marks and line breaks, for the cases an outline cannot show. */
const marked = (text: string, ...marks: string[]): JSONContent => ({ type: 'text', text, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
const block = (kind: ImportBlock['kind'], style: string | undefined, ...inlines: JSONContent[]): ImportBlock => ({ kind, ...(style ? { style } : {}), inlines });
const lineBreak: JSONContent = { type: 'hardBreak' };

test('a bold "Title:" paragraph of two lines is no title line', () => {
  const built = buildManuscript([block('paragraph', undefined, marked('Title: X', 'bold'), lineBreak, marked('more', 'bold')), block('paragraph', undefined, marked('It rained.'))], options());
  assert.deepEqual(outline(built), ['title: File', 'chapter: chapterTitle, paragraph(Title: X/more), paragraph(It rained.)']);
});

test('a bold line is a chapter title unless it ends like a sentence, closing quotation mark and all', () => {
  const built = buildManuscript([block('paragraph', undefined, marked('Mr. Smith Goes', 'bold')), block('paragraph', undefined, marked('It rained.')), block('paragraph', undefined, marked('She said “Go.”', 'bold'))], options());
  assert.deepEqual(outline(built), ['title: File', 'chapter: chapterTitle(Mr. Smith Goes), paragraph(It rained.), paragraph(She said “Go.”)']);
});

test('a scene heading keeps italics and drops bold, which its schema does not allow', () => {
  const built = buildManuscript(markdownBlocks('## Arrival\n\ntext\n\n### ***Both*** and **bold**\n\n## Bridge\n\nx'), options());
  assert.deepEqual(built.sections[0].content.content![0].content![2], { type: 'sceneHeading', content: [marked('Both', 'italic'), marked(' and '), marked('bold')] });
});

test('Word: an attribution style needs no dash and keeps a dash inside; heading styles join their lines', () => {
  const built = buildManuscript(
    [
      block('quote', 'quote', marked('Q')),
      block('paragraph', 'epigraph attribution', marked('Anon, 1920 — Paris')),
      block('paragraph', 'part heading', marked('Part One'), lineBreak, marked('  The City')),
      block('paragraph', 'part heading', marked('Part Two'), lineBreak, marked('The'), lineBreak, marked('Town')),
      block('paragraph', 'chapter heading', marked('Chapter 1'), lineBreak, marked('  Arrival')),
      block('paragraph', 'chapter heading', marked('Chapter 2'), lineBreak, marked('The'), lineBreak, marked('End')),
      block('paragraph', undefined, marked('x')),
    ],
    options(),
  );
  assert.deepEqual(outline(built), [
    'title: File',
    'epigraphs: epigraph(Q | Anon, 1920 — Paris)',
    'part: partTitle(The City)',
    'part: partTitle(The Town)',
    'chapter: chapterTitle(Arrival), paragraph',
    'chapter: chapterTitle(The End), paragraph(x)',
  ]);
});

test('Word: a Title style is the title only first in the file (or after a contact block), trimmed', () => {
  const later = buildManuscript([block('paragraph', undefined, marked('Intro words.')), block('paragraph', 'title', marked('Book')), block('paragraph', undefined, marked('x'))], options());
  assert.deepEqual(outline(later), ['title: File', 'chapter: chapterTitle, paragraph(Intro words.), paragraph(Book), paragraph(x)']);
  assert.equal(buildManuscript([block('paragraph', 'title', marked(' Book ')), block('paragraph', undefined, marked('x'))], options()).title, 'Book');
});

test('a heading line is read trimmed; nothing after a break or a scene heading is a subtitle', () => {
  assert.deepEqual(outline(buildManuscript([block('paragraph', undefined, marked('  Chapter 2')), block('paragraph', undefined, marked('x'))], options())), ['title: File', 'chapter: chapterTitle(), paragraph(x)']);
  assert.deepEqual(md('## Arrival\n\n***\n\n#### *Late*\n\n## Bridge\n\nx'), ['title: File', 'chapter: chapterTitle(Arrival), sceneBreak, sceneHeading(Late)', 'chapter: chapterTitle(Bridge), paragraph(x)']);
  assert.deepEqual(md('## Arrival\n\n### Scene\n\n#### *Sub*\n\n## Bridge\n\nx'), ['title: File', 'chapter: chapterTitle(Arrival), sceneHeading(Scene), sceneHeading(Sub)', 'chapter: chapterTitle(Bridge), paragraph(x)']);
});

test('a "Title:" label with the title on the next line of its paragraph: the title when the line is marked as one, text in a plain paragraph', () => {
  const labelled = (kind: ImportBlock['kind'], style: string | undefined, ...marks: string[]) =>
    outline(buildManuscript([{ ...block(kind, style, marked('Title:', ...marks), lineBreak, marked('The Storm', ...marks)), ...(kind === 'heading' ? { level: 1 } : {}) }, block('paragraph', undefined, marked('It rained.'))], options()));
  const taken = ['title: The Storm', 'chapter: chapterTitle, paragraph(It rained.)'];
  assert.deepEqual(labelled('heading', undefined), taken, 'a heading');
  assert.deepEqual(labelled('paragraph', undefined, 'bold'), taken, 'a bold paragraph');
  assert.deepEqual(labelled('paragraph', 'title'), taken, 'a Word Title paragraph');
  // As in a plain-text file, where "Title:" alone on its line is no title line either.
  assert.deepEqual(labelled('paragraph', undefined), ['title: File', 'chapter: chapterTitle, paragraph(Title:/The Storm), paragraph(It rained.)'], 'a plain paragraph');
});

test('only a colon at the end of a heading is dropped: a time or a ratio in it is kept', () => {
  assert.deepEqual(md('# At 10:30\n\nText\n\n# At 11:45:\n\nMore'), ['title: File', 'chapter: chapterTitle(At 10:30), paragraph(Text)', 'chapter: chapterTitle(At 11:45), paragraph(More)']);
});

test('a scene heading over two lines keeps its words apart (its schema has no line breaks)', () => {
  const built = buildManuscript(
    [block('paragraph', 'chapter heading', marked('Chapter 1')), block('paragraph', undefined, marked('Text')), block('paragraph', 'scene heading', marked('Night', 'italic'), lineBreak, marked('Falls')), block('paragraph', undefined, marked('More'))],
    options(),
  );
  assert.deepEqual(built.sections[0].content.content![0].content![2], { type: 'sceneHeading', content: [marked('Night', 'italic'), marked(' '), marked('Falls')] });
  assert.deepEqual(outline(built), ['title: File', 'chapter: chapterTitle(), paragraph(Text), sceneHeading(Night Falls), paragraph(More)']);
});

test('an attribution that opens with a line break loses the break and the dash, and keeps every word after them', () => {
  // Markdown's backslash at a line's end is a hard break, here before the dash.
  assert.deepEqual(md('> The quotation\n\n\\\n— Anon, *The Book*\n\nStory'), ['title: File', 'epigraphs: epigraph(The quotation | Anon, The Book)', 'chapter: chapterTitle, paragraph(Story)']);
  const built = buildManuscript([block('quote', 'epigraph', marked('Q')), block('paragraph', 'epigraph attribution', lineBreak, lineBreak, marked('— Anon, '), marked('The Book', 'italic')), block('paragraph', undefined, marked('x'))], options());
  assert.deepEqual(built.sections[0].content.content![0].content![0].content![1], { type: 'epigraphAttribution', content: [marked('Anon, '), marked('The Book', 'italic')] });
});

test('parts and labels are told from chapters by their trimmed words, also when a heading opens with a line break', () => {
  const partHeading: ImportBlock = { kind: 'heading', level: 1, inlines: [lineBreak, marked('Part One')] };
  assert.deepEqual(outline(buildManuscript([partHeading, heading(2, 'Arrival'), para('x'), heading(2, 'Departure'), para('y')], options())), [
    'title: File',
    'part: partTitle()',
    'chapter: chapterTitle(Arrival), paragraph(x)',
    'chapter: chapterTitle(Departure), paragraph(y)',
  ]);
});

test('a heading of scene-break marks stays a heading with its marks, and is never the book title', () => {
  assert.deepEqual(md('## Arrival\n\ntext\n\n### * * *\n\nmore\n\n## Bridge\n\nx'), [
    'title: File',
    'chapter: chapterTitle(Arrival), paragraph(text), sceneHeading(* * *), paragraph(more)',
    'chapter: chapterTitle(Bridge), paragraph(x)',
  ]);
  assert.deepEqual(md('# * * *\n\nSome text'), ['title: File', 'chapter: chapterTitle(* * *), paragraph(Some text)']);
});

test('a heading deeper than the chapters opens a chapter where no chapter is open (after a part)', () => {
  assert.deepEqual(md('# Part One\n\n### Prelude\n\nText\n\n## Arrival\n\nMore'), ['title: File', 'part: partTitle()', 'chapter: chapterTitle(Prelude), paragraph(Text)', 'chapter: chapterTitle(Arrival), paragraph(More)']);
});

test('a chapter has one subtitle: a second deep heading under it is a scene heading, a second Subtitle paragraph text', () => {
  assert.deepEqual(md('## Arrival\n\n#### *Sub*\n\n#### Night\n\ntext\n\n## Bridge\n\nx'), [
    'title: File',
    'chapter: chapterTitle(Arrival), chapterSubtitle(Sub), sceneHeading(Night), paragraph(text)',
    'chapter: chapterTitle(Bridge), paragraph(x)',
  ]);
  assert.deepEqual(word(['chapter heading', 'Chapter 1'], ['subtitle', 'A'], ['subtitle', 'B'], [undefined, 'Text']), ['title: File', 'chapter: chapterTitle(), chapterSubtitle(A), paragraph(B), paragraph(Text)']);
});

test('Word: a Subtitle is a chapter subtitle only straight under a chapter heading, trimmed; under a part it is the part’s text', () => {
  assert.deepEqual(word(['chapter heading', 'Chapter 1'], ['subtitle', 'The Return\n'], [undefined, 'Text']), ['title: File', 'chapter: chapterTitle(), chapterSubtitle(The Return), paragraph(Text)']);
  assert.deepEqual(word(['part heading', 'Part One'], ['subtitle', 'The Early Years'], ['chapter heading', 'Chapter 1'], [undefined, 'Text']), [
    'title: File',
    'part: partTitle(), paragraph(The Early Years)',
    'chapter: chapterTitle(), paragraph(Text)',
  ]);
});

test('Word: an Intense Quote opens the epigraphs as a Quote does', () => {
  assert.deepEqual(word(['intense quote', 'Q'], ['epigraph attribution', '— A'], [undefined, 'Story']), ['title: File', 'epigraphs: epigraph(Q | A)', 'chapter: chapterTitle, paragraph(Story)']);
});

test('Word: an attribution with no quotation before it still opens the epigraphs, and one after a quotation closes it', () => {
  assert.deepEqual(word(['epigraph attribution', '— A'], [undefined, 'Story']), ['title: File', 'epigraphs: epigraph( | A)', 'chapter: chapterTitle, paragraph(Story)']);
  assert.deepEqual(word(['quote', 'Q'], ['epigraph attribution', '— A']), ['title: File', 'epigraphs: epigraph(Q | A)']);
});

test('a scene break or a Word Scene Heading outside a chapter: the break is dropped, the heading’s words kept as text', () => {
  assert.deepEqual(plain('Part One\n* * *\nChapter 1\nIt rained.'), ['title: File', 'part: partTitle()', 'chapter: chapterTitle(), paragraph(It rained.)']);
  assert.deepEqual(plain('Dedication\nFor A\n* * *\nChapter 1\nIt rained.'), ['title: File', 'dedication: paragraph(For A)', 'chapter: chapterTitle(), paragraph(It rained.)']);
  assert.deepEqual(word(['scene heading', 'Night'], [undefined, 'Text']), ['title: File', 'chapter: chapterTitle, paragraph(Night), paragraph(Text)']);
  assert.deepEqual(word(['part heading', 'Part One'], ['scene heading', 'Night'], ['chapter heading', 'Chapter 1'], [undefined, 'Text']), [
    'title: File',
    'part: partTitle(), paragraph(Night)',
    'chapter: chapterTitle(), paragraph(Text)',
  ]);
});

test('Markdown: text between an unattributed quotation and its attribution belongs to the quotation', () => {
  assert.deepEqual(md('> Q1\n\n— A\n\n> Q2\n\nline two\n\n— B\n\nStory'), [
    'title: File',
    'epigraphs: epigraph(Q1 | A), epigraph(Q2/line two | B)',
    'chapter: chapterTitle, paragraph(Story)',
  ]);
});

test('a file that ends on an attributed epigraph gets no extra empty one', () => {
  assert.deepEqual(plain('Epigraphs\nQ\n— S'), ['title: File', 'epigraphs: epigraph(Q | S)']);
});
