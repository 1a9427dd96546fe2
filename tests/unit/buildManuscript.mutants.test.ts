// Structure detection end to end, one rule at a time, compared as an outline of every section:
// written to kill the mutants `npm run test:mutation` found surviving in buildManuscript (front
// matter labels, title lines, Word styles, rival headings, subtitles, epigraphs left open, empty
// sections filled).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JSONContent } from '@tiptap/core';
import { buildManuscript } from '../../server/import/buildManuscript';
import { importPlainText } from '../../server/import/importPlainText';
import { markdownBlocks } from '../../server/import/markdownBlocks';
import type { ImportBlock } from '../../server/import/importBlock';
import type { ManuscriptJson } from '../../components/manuscript/manuscriptJson';

/** A node's text, hard breaks as "/". */
const textOf = (n: JSONContent): string => (n.type === 'hardBreak' ? '/' : (n.text ?? (n.content ?? []).map(textOf).join('')));
/** A node as `type(text)`; `type` alone when it has no content array at all; epigraphs as `epigraph(quote | attribution)`. */
const node = (n: JSONContent): string => (n.type === 'epigraph' ? `epigraph(${textOf(n.content![0])} | ${textOf(n.content![1])})` : `${n.type}${n.content ? `(${textOf(n)})` : ''}`);
/** The title, then each section's kind and nodes. */
const outline = (m: ManuscriptJson) => [`title: ${m.title}`, ...m.sections.map((s) => `${s.kind}: ${s.content.content![0].content!.map(node).join(', ')}`)];
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
  assert.deepEqual(md('## One\n\n#### *Sub*\n\n## Two\n\ntext'), ['title: File', 'chapter: chapterTitle(One), chapterSubtitle(Sub), paragraph', 'chapter: chapterTitle(Two), paragraph(text)']);
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
  assert.deepEqual(word(['quote', 'Q1'], ['intense quote', 'Q2'], ['epigraph attribution', '— A'], ['dedication', 'For A'], ['dedication', 'and B'], ['chapter heading', 'Chapter 1'], ['quote', 'inside'], [undefined, '— he said']), [
    'title: File',
    'epigraphs: epigraph(Q1/Q2 | A)',
    'dedication: paragraph(For A), paragraph(and B)',
    'chapter: chapterTitle(), paragraph(inside), paragraph(— he said)',
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
  assert.deepEqual(md('## One\n\n#### *Sub*\n\nText\n\n#### Scene\n\nmore\n\n## Two\n\n### Scene A\n\n#### Deep\n\n## Three\n\nx\n\n#### *Late sub*'), [
    'title: File',
    'chapter: chapterTitle(One), chapterSubtitle(Sub), paragraph(Text), sceneHeading(Scene), paragraph(more)',
    'chapter: chapterTitle(Two), sceneHeading(Scene A), sceneHeading(Deep)',
    'chapter: chapterTitle(Three), paragraph(x), sceneHeading(Late sub)',
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
  assert.deepEqual(md('# One\n\n***\n\n### *Sub*'), ['title: One', 'chapter: chapterTitle(Sub), paragraph']);
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
  const built = buildManuscript(markdownBlocks('## One\n\ntext\n\n### ***Both*** and **bold**\n\n## Two\n\nx'), options());
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
  assert.deepEqual(md('## One\n\n***\n\n#### *Late*\n\n## Two\n\nx'), ['title: File', 'chapter: chapterTitle(One), sceneBreak, sceneHeading(Late)', 'chapter: chapterTitle(Two), paragraph(x)']);
  assert.deepEqual(md('## One\n\n### Scene\n\n#### *Sub*\n\n## Two\n\nx'), ['title: File', 'chapter: chapterTitle(One), sceneHeading(Scene), sceneHeading(Sub)', 'chapter: chapterTitle(Two), paragraph(x)']);
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
