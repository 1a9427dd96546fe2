import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ManuscriptJson } from '../../components/manuscript/manuscriptJson';
import { jsonText } from '../../components/manuscript/jsonText';
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
      '*Spring, 1952*',
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
  const withHeadings = await fromText('b.md', '## One\n\n**A bold aside**\n\nText.\n\n## Two\n\nMore.');
  assert.deepEqual(shape(withHeadings), ['chapter: One | paragraph paragraph', 'chapter: Two | paragraph']);
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
