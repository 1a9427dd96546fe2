import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { jsonText } from '@model/manuscript/jsonText';
import { importFile } from '../../server/import/importFile';
import { checkSchema } from '../support/manuscriptWords';

const fromText = (name: string, text: string) => importFile({ name, bytes: new TextEncoder().encode(text) });
/** Each section as "kind: title | body block types", for compact structural assertions. */
const shape = (m: ManuscriptJson) =>
  m.sections.map((section) => {
    const children = section.content.content![0].content ?? [];
    const title = children.find((c) => c.type === 'chapterTitle' || c.type === 'partTitle');
    const rest = children.filter((c) => c !== title).map((c) => c.type);
    return `${section.kind}${title ? `: ${jsonText(title)}` : ''} | ${rest.join(' ')}`;
  });

test('plain text: "CHAPTER ONE", "Chapter 2: Title", parts, and every scene-break style', async () => {
  const m = await fromText(
    'draft.txt',
    [
      'PART ONE: The City',
      'CHAPTER ONE',
      'It began in the rain.',
      '***',
      'Then the sun.',
      '* * *',
      'Then the night.',
      '#',
      'Then morning.',
      'Chapter 2: The River',
      'Water, everywhere.',
      'Part Two',
      'Chapter Three - Home',
      'The end of it.',
    ].join('\n'),
  );
  checkSchema(m);
  assert.equal(m.title, 'draft');
  assert.deepEqual(shape(m), [
    'part: The City | ',
    'chapter:  | paragraph sceneBreak paragraph sceneBreak paragraph sceneBreak paragraph',
    'chapter: The River | paragraph',
    'part:  | ',
    'chapter: Home | paragraph',
  ]);
});

test('Markdown: title, dedication, epigraphs with attributions, parts, chapters, subtitles, scene headings, breaks, bold and italic', async () => {
  const m = await fromText(
    'novel.md',
    [
      '# The Glass Orchard',
      '## Dedication',
      'For *June*.',
      '## Epigraphs',
      '> All that glitters',
      '> is not gold.',
      '',
      '— Shakespeare',
      '',
      '> Second quotation',
      '',
      '— Someone, *Somewhere*',
      '# Part One: Seeds',
      '## Chapter 1: Planting',
      '#### Spring, 1952',
      '',
      '### Morning',
      'She dug **deep**, and *deeper*.',
      '',
      '***',
      '',
      'Evening came.',
      '## Harvest',
      'Apples.',
    ].join('\n\n'),
  );
  checkSchema(m);
  assert.equal(m.title, 'The Glass Orchard');
  assert.deepEqual(shape(m), [
    'dedication | paragraph',
    'epigraphs | epigraph epigraph',
    'part: Seeds | ',
    'chapter: Planting | chapterSubtitle sceneHeading paragraph sceneBreak paragraph',
    'chapter: Harvest | paragraph',
  ]);
  const epigraphs = m.sections[1].content.content![0].content!;
  // Quoted lines keep their line breaks, as verse needs.
  assert.equal(jsonText(epigraphs[0].content![0]), 'All that glitters\nis not gold.');
  assert.equal(jsonText(epigraphs[0].content![1]), 'Shakespeare');
  assert.deepEqual(epigraphs[1].content![1].content![1], { type: 'text', text: 'Somewhere', marks: [{ type: 'italic' }] });
  const paragraph = m.sections[3].content.content![0].content![3];
  assert.deepEqual(
    paragraph.content!.map((n) => [n.text, (n.marks ?? []).map((mark) => mark.type).join('+')]),
    [['She dug ', ''], ['deep', 'bold'], [', and ', ''], ['deeper', 'italic'], ['.', '']],
  );
});

test('bold title lines are chapters only when nothing else marks chapters', async () => {
  const boldOnly = await fromText('a.md', '**The Arrival**\n\nShe came.\n\n**The Departure**\n\nShe left.');
  assert.deepEqual(shape(boldOnly), ['chapter: The Arrival | paragraph', 'chapter: The Departure | paragraph']);
  const withHeadings = await fromText('b.md', '## Arrival\n\n**A bold aside**\n\nText.\n\n## Departure\n\nMore.');
  assert.deepEqual(shape(withHeadings), ['chapter: Arrival | paragraph paragraph', 'chapter: Departure | paragraph']);
});

test('Word: Heading 1 chapters, Heading 2 scene headings, Title, bold and italic runs, a centred # scene break', async () => {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'The Lighthouse Keeper', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Chapter One', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Dusk', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun('The lamp was '), new TextRun({ text: 'lit', bold: true }), new TextRun({ text: ' at last', italics: true }), new TextRun('.')] }),
          new Paragraph({ text: '#', alignment: 'center' }),
          new Paragraph({ text: 'Night fell.' }),
          new Paragraph({ text: 'Chapter Two: Dawn', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Light.' }),
        ],
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  const m = await importFile({ name: 'keeper.docx', bytes });
  checkSchema(m);
  assert.equal(m.title, 'The Lighthouse Keeper');
  assert.deepEqual(shape(m), ['chapter:  | sceneHeading paragraph sceneBreak paragraph', 'chapter: Dawn | paragraph']);
  const runs = m.sections[0].content.content![0].content![2].content!;
  assert.deepEqual(
    runs.map((n) => [n.text, (n.marks ?? []).map((mark) => mark.type).join('+')]),
    [['The lamp was ', ''], ['lit', 'bold'], [' at last', 'italic'], ['.', '']],
  );
});

test('in a file whose headings mark chapters, lines that merely read like headings stay text', async () => {
  const m = await fromText(
    'letters.md',
    ['## Chapter 1: Post', '*Dear John, I am writing at last.*', 'Epilogue', 'Chapter 12', '**Bold aside**', 'He read on.'].join('\n\n'),
  );
  assert.deepEqual(shape(m), ['chapter: Post | paragraph paragraph paragraph paragraph paragraph']);
  assert.deepEqual(m.sections[0].content.content![0].content![1].content![0].marks, [{ type: 'italic' }]);
});

test('story after a finished epigraph opens a chapter instead of becoming another quotation', async () => {
  const m = await fromText('story.md', '> Not all who wander are lost.\n\n— Tolkien\n\nIt was a dark night.\n\nShe ran.');
  assert.deepEqual(shape(m), ['epigraphs | epigraph', 'chapter:  | paragraph paragraph']);
});

test('numbered lines keep their numbers, and image descriptions keep their words', async () => {
  const m = await fromText('list.md', '## One\n\n1999. The year everything changed.\n\n3. eggs\n4. flour\n\n![a red door][door]\n\n[door]: door.png');
  assert.deepEqual(
    m.sections[0].content.content![0].content!.slice(1).map((p) => jsonText(p)),
    ['1999. The year everything changed.', '3. eggs', '4. flour', 'a red door'],
  );
});

test('Word: a Quote paragraph inside a chapter stays in the chapter, and footnotes are kept after the paragraph citing them', async () => {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph('Footnote words here.')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Chapter 1', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('First paragraph.'), new FootnoteReferenceRun(1)] }),
          new Paragraph({ text: 'A quoted letter.', style: 'Quote' }),
          new Paragraph('After the quote.'),
          new Paragraph({ text: 'Chapter 2', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('More.'),
        ],
      },
    ],
  });
  const m = await importFile({ name: 'letters.docx', bytes: new Uint8Array(await Packer.toBuffer(doc)) });
  checkSchema(m);
  assert.deepEqual(shape(m), ['chapter:  | paragraph paragraph paragraph paragraph', 'chapter:  | paragraph']);
  assert.deepEqual(
    m.sections[0].content.content![0].content!.slice(1).map((p) => jsonText(p)),
    ['First paragraph.[1]', '[1] Footnote words here.', 'A quoted letter.', 'After the quote.'],
  );
});
