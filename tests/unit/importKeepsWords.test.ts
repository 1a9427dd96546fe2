import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JSONContent } from '@tiptap/core';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { jsonText } from '@model/manuscript/jsonText';
import { importFile } from '../../server/import/importFile';
import { checkSchema, manuscriptText } from '../support/manuscriptWords';

const fromText = (name: string, text: string) => importFile({ name, bytes: new TextEncoder().encode(text) });

/** Word's own paragraph styles a writer's file uses; declared so readers see their names. */
const WORD_STYLES = [
  { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal' },
  { id: 'SceneHeading', name: 'Scene Heading', basedOn: 'Normal' },
];
async function fromWord(children: Paragraph[]): Promise<ManuscriptJson> {
  const doc = new Document({ styles: { paragraphStyles: WORD_STYLES }, sections: [{ children }] });
  return importFile({ name: 'draft.docx', bytes: new Uint8Array(await Packer.toBuffer(doc)) });
}

/** Every text node of a manuscript with its marks, "text[mark+mark]", in reading order. */
function runs(manuscript: ManuscriptJson): string[] {
  const out: string[] = [];
  const visit = (node: JSONContent) => {
    if (node.type === 'text') out.push(`${node.text}[${(node.marks ?? []).map((m) => m.type).sort().join('+')}]`);
    for (const child of node.content ?? []) visit(child);
  };
  for (const section of manuscript.sections) visit(section.content);
  return out;
}

/** The words of a text, punctuation dropped, for in-order comparisons. */
const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

test('Markdown inline code keeps its words and its monospace', async () => {
  const m = await fromText('code.md', '## Chapter 1\n\nShe typed `rm -rf` and waited.\n\nThen **`sudo !!`**, in *`bold italic`* despair.');
  checkSchema(m);
  const body = m.sections[0].content.content![0].content!;
  assert.equal(jsonText(body[1]), 'She typed rm -rf and waited.');
  assert.deepEqual(runs(m).slice(0, 3), ['She typed []', 'rm -rf[code]', ' and waited.[]']);
  assert.ok(runs(m).includes('sudo !![bold+code]'), runs(m).join(' | '));
  assert.ok(runs(m).includes('bold italic[code+italic]'), runs(m).join(' | '));
});

test('a Markdown code block keeps every line, in order, as lines of code', async () => {
  const m = await fromText(
    'terminal.md',
    ['## Chapter 1', 'The screen read:', '```sh', '$ ls -la /home/mara', '  total 42', '', 'drwx------ secrets', '```', 'She closed the lid.'].join('\n\n'),
  );
  checkSchema(m);
  const body = m.sections[0].content.content![0].content!;
  assert.deepEqual(body.map((node) => node.type), ['chapterTitle', 'paragraph', 'paragraph', 'paragraph']);
  const code = body[2].content!;
  assert.deepEqual(
    code.map((node) => (node.type === 'hardBreak' ? '\n' : `${node.text}[${node.marks!.map((mark) => mark.type).join()}]`)).join(''),
    '$ ls -la /home/mara[code]\n  total 42[code]\ndrwx------ secrets[code]',
  );
  assert.deepEqual(words(manuscriptText(m)), words('terminal The screen read: $ ls -la /home/mara total 42 drwx------ secrets She closed the lid.'));
});

test('Word: a Subtitle paragraph outside any chapter keeps its words, before the chapters', async () => {
  const m = await fromWord([
    new Paragraph({ text: 'The Salt Road', heading: HeadingLevel.TITLE }),
    new Paragraph({ text: 'A novel in three tides', style: 'Subtitle' }),
    new Paragraph({ text: 'Chapter 1: Ebb', heading: HeadingLevel.HEADING_1 }),
    new Paragraph('The water left first.'),
  ]);
  checkSchema(m);
  assert.equal(m.title, 'The Salt Road');
  assert.deepEqual(words(manuscriptText(m)), words('The Salt Road A novel in three tides Ebb The water left first.'));
});

test('Word: a Scene Heading paragraph before Chapter 1 keeps its words, before the chapter', async () => {
  const m = await fromWord([
    new Paragraph({ text: 'Lisbon, 1755', style: 'SceneHeading' }),
    new Paragraph('The ground moved on All Saints’ Day.'),
    new Paragraph({ text: 'Chapter 1: After', heading: HeadingLevel.HEADING_1 }),
    new Paragraph('Dust, for a week.'),
  ]);
  checkSchema(m);
  assert.deepEqual(words(manuscriptText(m)), words('draft Lisbon 1755 The ground moved on All Saints’ Day. After Dust, for a week.'));
});

test('an epigraph with no attribution, followed by a chapter, is kept as an epigraph', async () => {
  const m = await fromText('novel.md', '> The sea remembers what the land forgets.\n\n## Chapter 1: Shore\n\nGulls.');
  checkSchema(m);
  assert.deepEqual(m.sections.map((s) => s.kind), ['epigraphs', 'chapter']);
  const epigraph = m.sections[0].content.content![0].content![0];
  assert.deepEqual(epigraph.content!.map((node) => [node.type, jsonText(node)]), [
    ['epigraphQuote', 'The sea remembers what the land forgets.'],
    ['epigraphAttribution', ''],
  ]);
});

test('Word: runs in a Code character style or a monospace font are code; their words are kept', async () => {
  const doc = new Document({
    styles: { characterStyles: [{ id: 'HTMLCode', name: 'HTML Code', run: { font: 'Courier New' } }] },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Chapter 1', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('Run '),
              new TextRun({ text: 'make install', style: 'HTMLCode' }),
              new TextRun(', then '),
              new TextRun({ text: 'reboot', font: 'Consolas', bold: true }),
              new TextRun(' in '),
              new TextRun({ text: 'Monotype Corsiva', font: 'Monotype Corsiva' }),
              new TextRun('.'),
            ],
          }),
        ],
      },
    ],
  });
  const m = await importFile({ name: 'code.docx', bytes: new Uint8Array(await Packer.toBuffer(doc)) });
  checkSchema(m);
  assert.deepEqual(runs(m), ['Run []', 'make install[code]', ', then []', 'reboot[bold+code]', ' in Monotype Corsiva.[]']);
});

test('a number alone on a line, which Markdown reads as an empty numbered item, keeps its number', async () => {
  const m = await fromText('numbers.md', '## Chapter 1\n\nThe count began.\n\n42.\n\n- 1999.\n\nAnd ended.');
  checkSchema(m);
  assert.deepEqual(m.sections[0].content.content![0].content!.slice(1).map((p) => jsonText(p)), ['The count began.', '42.', '1999.', 'And ended.']);
});
