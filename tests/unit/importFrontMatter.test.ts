import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { jsonText } from '@model/manuscript/jsonText';
import { importFile } from '../../server/import/importFile';
import { splitFrontMatter } from '../../server/import/markdownFrontMatter';
import { checkSchema } from '../support/manuscriptWords';

const fromText = (name: string, text: string) => importFile({ name, bytes: new TextEncoder().encode(text) });

/** Each section as "kind: title | its blocks' text", for whole-structure assertions. */
const outline = (m: ManuscriptJson) =>
  m.sections.map((section) => {
    const children = section.content.content![0].content ?? [];
    const title = children.find((c) => c.type === 'chapterTitle' || c.type === 'partTitle');
    const rest = children.filter((c) => c !== title).map((c) => `${c.type}(${jsonText(c).replace(/\n/g, ' / ')})`);
    return `${section.kind}${title ? `: ${jsonText(title)}` : ''} | ${rest.join(' ')}`;
  });

const UNLABELLED = `# The Lot

*For M., who waited for the rain.*

> All happy families are alike; each unhappy family is unhappy in its own way.
> — Leo Tolstoy

> The past is a foreign country: they do things differently there.
>
> — L. P. Hartley

# PART ONE: THE LOT

## CHAPTER ONE

It began in the rain.

***

Then the sun.

## Chapter 2

Water, everywhere.

# PART TWO: After

## Prologue to the Rest

Not a chapter heading by its words, a chapter by its rank.

## Epilogue

The end of it.
`;

test('Markdown without labels: an italic line under the title is the dedication, quotes closed by "— source" are the epigraphs, and no chapter is numbered one too high', async () => {
  const m = await fromText('lot.md', UNLABELLED);
  checkSchema(m);
  assert.equal(m.title, 'The Lot');
  assert.deepEqual(outline(m), [
    'dedication | paragraph(For M., who waited for the rain.)',
    'epigraphs | epigraph(All happy families are alike; each unhappy family is unhappy in its own way. / Leo Tolstoy) epigraph(The past is a foreign country: they do things differently there. / L. P. Hartley)',
    // The heading's own title as written; only "PART ONE" (the number) is left to the numbering.
    'part: THE LOT | ',
    'chapter:  | paragraph(It began in the rain.) sceneBreak() paragraph(Then the sun.)',
    'chapter:  | paragraph(Water, everywhere.)',
    'part: After | ',
    'chapter: Prologue to the Rest | paragraph(Not a chapter heading by its words, a chapter by its rank.)',
    'chapter: Epilogue | paragraph(The end of it.)',
  ]);
});

test('epigraphs straight under the title, with no dedication, are still the book’s epigraphs', async () => {
  const m = await fromText('no-dedication.md', '# Title\n\n> A quotation.\n> — Someone\n\n## ONE\n\nStory.\n');
  assert.deepEqual(outline(m), ['epigraphs | epigraph(A quotation. / Someone)', 'chapter:  | paragraph(Story.)']);
});

test('"Dedication" and "Epigraphs" written as plain lines label the front matter in a Markdown file with headings', async () => {
  const m = await fromText(
    'labels.md',
    '# Title\n\nDedication\n\nFor the ones who stayed.\n\nEpigraphs\n\n> Stay a while.\n\n— An innkeeper\n\n## Chapter 1: Arrival\n\nStory.\n',
  );
  assert.deepEqual(outline(m), [
    'dedication | paragraph(For the ones who stayed.)',
    'epigraphs | epigraph(Stay a while. / An innkeeper)',
    'chapter: Arrival | paragraph(Story.)',
  ]);
});

test('an italic first paragraph of a story with no headings is its text, not a dedication', async () => {
  const m = await fromText('story.md', '*It was a dark night.*\n\nAnd then it rained.\n');
  assert.deepEqual(outline(m), ['chapter:  | paragraph(It was a dark night.) paragraph(And then it rained.)']);
});

test('plain text: chapters headed by their number alone ("ONE", "1.", "IV"), prologue and interlude; lone numbers in prose stay prose', async () => {
  const m = await fromText(
    'numbers.txt',
    ['Prologue', 'Before it all.', 'ONE', 'It began.', 'I', 'said nothing, she wrote.', '1.', 'The next day.', 'One.', 'That was all she said.', 'Interlude', 'A pause.', 'IV', 'In 1999', '1999', 'was the year.', 'Twenty-One', 'Late.'].join('\n'),
  );
  checkSchema(m);
  assert.deepEqual(outline(m), [
    'chapter: Prologue | paragraph(Before it all.)',
    // Short lines inside a plain-text chapter are its scene headings, as before; not chapters.
    'chapter:  | paragraph(It began.) sceneHeading(I) paragraph(said nothing, she wrote.)',
    'chapter:  | paragraph(The next day.) paragraph(One.) paragraph(That was all she said.)',
    'chapter: Interlude | paragraph(A pause.)',
    'chapter:  | sceneHeading(In 1999) paragraph(1999) paragraph(was the year.)',
    'chapter:  | paragraph(Late.)',
  ]);
});

test('Word without labels: a centred line before the first heading is the dedication, Quote paragraphs closed by a dash line the epigraphs', async () => {
  const doc = new Document({
    // Word's own Quote style, as a document written in Word has it.
    styles: { paragraphStyles: [{ id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true } }] },
    sections: [
      {
        children: [
          new Paragraph({ text: 'The Lot', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'For M., who waited.', alignment: AlignmentType.CENTER }),
          new Paragraph({ text: 'All happy families are alike.', style: 'Quote' }),
          new Paragraph({ text: '— Leo Tolstoy', style: 'Quote' }),
          new Paragraph({ children: [new TextRun({ text: 'The past is a foreign country.', italics: true })] }),
          new Paragraph({ text: '— L. P. Hartley' }),
          new Paragraph({ text: 'PART ONE: THE LOT', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'CHAPTER ONE', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'It began in the rain.' }),
          new Paragraph({ text: '1.', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Then the sun.' }),
        ],
      },
    ],
  });
  const m = await importFile({ name: 'lot.docx', bytes: new Uint8Array(await Packer.toBuffer(doc)) });
  checkSchema(m);
  assert.equal(m.title, 'The Lot');
  assert.deepEqual(outline(m), [
    'dedication | paragraph(For M., who waited.)',
    // A Quote-styled paragraph and its dash line, then an italic paragraph (no style) and its dash line.
    'epigraphs | epigraph(All happy families are alike. / Leo Tolstoy) epigraph(The past is a foreign country. / L. P. Hartley)',
    'part: THE LOT | ',
    'chapter:  | paragraph(It began in the rain.)',
    'chapter:  | paragraph(Then the sun.)',
  ]);
});

test('story text after an unlabelled dedication opens the first chapter; a dash line after a plain line there is an epigraph', async () => {
  const m = await fromText('open.md', '# Title\n\n*For Ada.*\n\nWe are such stuff as dreams are made on.\n\n— The Tempest\n\nThe morning came.\n\n## Two\n\nNoon.\n');
  assert.deepEqual(outline(m), [
    'dedication | paragraph(For Ada.)',
    'epigraphs | epigraph(We are such stuff as dreams are made on. / The Tempest)',
    'chapter:  | paragraph(The morning came.)',
    'chapter:  | paragraph(Noon.)',
  ]);
});

test('YAML-shaped story between two rules stays story; front matter needs a key front matter uses', async () => {
  const story = '---\nTime: late\nPlace: the pier\n---\n\n# ONE\n\nShe waited.\n';
  assert.deepEqual(splitFrontMatter(story), { frontMatter: {}, body: story });
  const m = await fromText('pier.md', story);
  assert.match(m.sections.map((section) => jsonText(section.content)).join('\n'), /Time: late[\s\S]*Place: the pier/);
});

test('a stated title does not swallow a first heading that differs from it; one that repeats it is dropped', async () => {
  const differs = await fromText('gate.md', '---\ntitle: The Lot\n---\n\n# The Gate\n\nIt opened.\n');
  assert.equal(differs.title, 'The Lot');
  assert.deepEqual(outline(differs), ['chapter: The Gate | paragraph(It opened.)']);
  const repeats = await fromText('lot.md', '---\ntitle: The Lot\n---\n\n# The Lot\n\n## ONE\n\nIt opened.\n');
  assert.equal(repeats.title, 'The Lot');
  assert.deepEqual(outline(repeats), ['chapter:  | paragraph(It opened.)']);
  // YAML reads `title: 1984` as a number; it is still the title.
  assert.equal((await fromText('1984.md', '---\ntitle: 1984\n---\n\n# ONE\n\nApril.\n')).title, '1984');
  assert.equal(splitFrontMatter('---\ntitle: A\ntitle: B\n---\n').frontMatter.title, 'B');
});

test('a huge block between rules is not parsed as front matter: it stays text, read at once', async () => {
  const keys = Array.from({ length: 40_000 }, (_, index) => `k${index}: v`).join('\n');
  const huge = `---\ntitle: Big\n${keys}\n---\n\nText.\n`;
  assert.deepEqual(splitFrontMatter(huge), { frontMatter: {}, body: huge });
  const long = `---\ntitle: Long\n${Array.from({ length: 400 }, (_, index) => `k${index}: v`).join('\n')}\n---\nText`;
  assert.deepEqual(splitFrontMatter(long).frontMatter, {});
});

test('a text file’s first line is its title only when it reads like one: not quoted speech, not a long line', async () => {
  const quoted = await fromText('q.txt', '“Run,” she said\n\nCHAPTER ONE\n\nAnd she ran.\n');
  assert.notEqual(quoted.title, '“Run,” she said');
  assert.match(jsonText(quoted.sections[0].content), /Run/);
  const long = await fromText('l.txt', 'It was the best of times and the worst of times for us\n\nCHAPTER ONE\n\nAnd so on.\n');
  assert.equal(long.title, 'l');
  assert.match(jsonText(long.sections[0].content), /best of times/);
  const title = await fromText('t.txt', 'The Lighthouse Keeper\n\nCHAPTER ONE\n\nAnd so on.\n');
  assert.equal(title.title, 'The Lighthouse Keeper');
});
