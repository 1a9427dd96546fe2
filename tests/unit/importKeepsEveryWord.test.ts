/**
 * A property-style test of the importers: documents generated (from a fixed seed, so every run is
 * the same) out of every block and mark the importers know, written as Markdown, plain text and
 * Word files the way writers' tools write them, must come back with every word, in order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { wordsOf } from '@model/manuscript/countWords';
import { spelledNumber } from '@model/manuscript/partLabel';
import { importFile } from '../../server/import/importFile';
import { checkSchema, manuscriptText } from '../support/manuscriptWords';
import { seededRandom } from '../support/seededRandom';


type Run = { text: string; bold?: boolean; italic?: boolean; code?: boolean } | { lineBreak: true };
/** One block of a generated document: what a writer's file can hold. */
type Block =
  | { kind: 'dedication'; paragraphs: Run[][] }
  | { kind: 'epigraph'; lines: string[]; attribution: string | null }
  | { kind: 'part'; title: string }
  | { kind: 'chapter'; title: string; subtitle: string | null }
  | { kind: 'sceneHeading'; text: string }
  | { kind: 'sceneBreak' }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'codeBlock'; lines: string[] }
  | { kind: 'list'; ordered: boolean; items: string[] };
interface Generated {
  title: string;
  blocks: Block[];
}

// Words of stories, not of structure: nothing here reads as "Chapter", "Part", a label or a break
// (nor as a chapter number alone on a line, such as "42" or "ONE").
const WORDS = ('tide harbour lantern gull rope salt window morning Élodie café naïve déjà vu don’t well-known ' +
  'Ostrava kettle 1911 lighthouse ferry Zoë ledger whisper cobalt orchard señor übermorgen Kraków 42nd ' +
  'quietly again north letters ash river').split(' ');
const CODE = ['rm -rf', 'git push --force', 'x = 42', 'ls -la /tmp', 'SELECT name FROM crew', 'make install', 'ssh mara@lighthouse'];

function generate(seed: number): Generated {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  const phrase = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => pick(WORDS)).join(' ');
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const runs = (): Run[] => {
    const out: Run[] = [{ text: `${capital(phrase(2, 6))} ` }];
    for (let i = 0, n = 1 + Math.floor(next() * 4); i < n; i++) {
      const kind = pick(['plain', 'bold', 'italic', 'boldItalic', 'code', 'boldCode', 'italicCode', 'break'] as const);
      if (kind === 'break') {
        out.push({ lineBreak: true }, { text: `${phrase(1, 3)} ` });
        continue;
      }
      const text = kind.toLowerCase().includes('code') ? pick(CODE) : phrase(1, 3);
      out.push({ text, bold: kind.startsWith('bold'), italic: kind.startsWith('italic') || kind === 'boldItalic', code: kind.toLowerCase().includes('code') });
      out.push({ text: ` ${phrase(1, 4)} ` });
    }
    out.push({ text: `${phrase(1, 3)}.` });
    return out;
  };

  const blocks: Block[] = [];
  if (chance(0.5)) blocks.push({ kind: 'dedication', paragraphs: Array.from({ length: 1 + Math.floor(next() * 2) }, runs) });
  if (chance(0.6)) {
    for (let i = 0, n = 1 + Math.floor(next() * 2); i < n; i++) {
      blocks.push({ kind: 'epigraph', lines: Array.from({ length: 1 + Math.floor(next() * 2) }, () => `${capital(phrase(3, 7))},`), attribution: chance(0.7) ? capital(phrase(1, 3)) : null });
    }
  }
  for (let chapter = 0, chapters = 1 + Math.floor(next() * 4); chapter < chapters; chapter++) {
    if (chance(0.3)) blocks.push({ kind: 'part', title: chance(0.8) ? capital(phrase(1, 3)) : '' });
    blocks.push({ kind: 'chapter', title: chance(0.8) ? capital(phrase(1, 4)) : '', subtitle: chance(0.3) ? capital(phrase(2, 4)) : null });
    blocks.push({ kind: 'paragraph', runs: runs() });
    for (let i = 0, n = 1 + Math.floor(next() * 6); i < n; i++) {
      const kind = pick(['paragraph', 'paragraph', 'paragraph', 'sceneHeading', 'sceneBreak', 'codeBlock', 'list'] as const);
      if (kind === 'paragraph') blocks.push({ kind, runs: runs() });
      else if (kind === 'sceneHeading') blocks.push({ kind, text: capital(phrase(1, 4)) });
      else if (kind === 'sceneBreak') blocks.push({ kind }, { kind: 'paragraph', runs: runs() });
      else if (kind === 'codeBlock') blocks.push({ kind, lines: Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(CODE)) });
      else blocks.push({ kind, ordered: chance(0.5), items: Array.from({ length: 1 + Math.floor(next() * 3) }, () => `${capital(phrase(1, 4))}.`) });
    }
  }
  return { title: capital(phrase(1, 4)), blocks };
}

const runText = (runs: Run[]) => runs.map((run) => ('lineBreak' in run ? '\n' : run.text)).join('');
const listNumber = (index: number) => `${index + 3}.`;

/** Every word the document holds, in reading order: what an import must keep (labels such as "Chapter 2" are structure). */
function storyWords(doc: Generated, title = doc.title): string[] {
  const texts: string[] = [title];
  for (const block of doc.blocks) {
    if (block.kind === 'dedication') texts.push(...block.paragraphs.map(runText));
    else if (block.kind === 'epigraph') texts.push(...block.lines, block.attribution ?? '');
    else if (block.kind === 'part') texts.push(block.title);
    else if (block.kind === 'chapter') texts.push(block.title, block.subtitle ?? '');
    else if (block.kind === 'sceneHeading') texts.push(block.text);
    else if (block.kind === 'paragraph') texts.push(runText(block.runs));
    else if (block.kind === 'codeBlock') texts.push(...block.lines);
    else if (block.kind === 'list') texts.push(...block.items.map((item, i) => (block.ordered ? `${listNumber(i)} ${item}` : item)));
  }
  return wordsOf(texts.join('\n'));
}

/** Numbers chapters and parts as a writer's headings do. */
function headings(doc: Generated): Map<Block, string> {
  const labels = new Map<Block, string>();
  let chapters = 0;
  let parts = 0;
  for (const block of doc.blocks) {
    if (block.kind === 'chapter') labels.set(block, `Chapter ${++chapters}${block.title ? `: ${block.title}` : ''}`);
    if (block.kind === 'part') labels.set(block, `Part ${spelledNumber(++parts)}${block.title ? `: ${block.title}` : ''}`);
  }
  return labels;
}

function toMarkdown(doc: Generated): string {
  const label = headings(doc);
  const inline = (runs: Run[]) =>
    runs
      .map((run) => {
        if ('lineBreak' in run) return '\\\n';
        let text = run.code ? `\`${run.text}\`` : run.text;
        if (run.italic) text = `*${text}*`;
        if (run.bold) text = `**${text}**`;
        return text;
      })
      .join('');
  const out: string[] = [`# ${doc.title}`];
  let dedicated = false;
  let epigraphs = false;
  for (const block of doc.blocks) {
    if (block.kind === 'dedication') {
      if (!dedicated) out.push('## Dedication');
      dedicated = true;
      out.push(...block.paragraphs.map(inline));
    } else if (block.kind === 'epigraph') {
      if (!epigraphs) out.push('## Epigraphs');
      epigraphs = true;
      out.push(block.lines.map((line) => `> ${line}`).join('\\\n'));
      out.push(block.attribution ? `— ${block.attribution}` : '—');
    } else if (block.kind === 'part') out.push(`# ${label.get(block)}`);
    else if (block.kind === 'chapter') out.push(`## ${label.get(block)}`, ...(block.subtitle ? [`#### ${block.subtitle}`] : []));
    else if (block.kind === 'sceneHeading') out.push(`### ${block.text}`);
    else if (block.kind === 'sceneBreak') out.push('* * *');
    else if (block.kind === 'paragraph') out.push(inline(block.runs));
    else if (block.kind === 'codeBlock') out.push(['```', ...block.lines, '```'].join('\n'));
    else out.push(block.items.map((item, i) => `${block.ordered ? listNumber(i) : '-'} ${item}`).join('\n'));
  }
  return out.join('\n\n');
}

/** Plain text as a writer's draft has it: one paragraph a line, headings and labels as lines. */
function toPlainText(doc: Generated): string {
  const label = headings(doc);
  const lines: string[] = [`Title: ${doc.title}`];
  let dedicated = false;
  let epigraphs = false;
  for (const block of doc.blocks) {
    if (block.kind === 'dedication') {
      if (!dedicated) lines.push('Dedication');
      dedicated = true;
      lines.push(...block.paragraphs.flatMap((p) => runText(p).split('\n')));
    } else if (block.kind === 'epigraph') {
      if (!epigraphs) lines.push('Epigraphs');
      epigraphs = true;
      lines.push(...block.lines, block.attribution ? `— ${block.attribution}` : '—');
    } else if (block.kind === 'part' || block.kind === 'chapter') {
      lines.push(label.get(block)!);
      if (block.kind === 'chapter' && block.subtitle) lines.push(block.subtitle);
    } else if (block.kind === 'sceneHeading') lines.push(block.text);
    else if (block.kind === 'sceneBreak') lines.push('* * *');
    else if (block.kind === 'paragraph') lines.push(...runText(block.runs).split('\n'));
    else if (block.kind === 'codeBlock') lines.push(...block.lines);
    else lines.push(...block.items.map((item, i) => (block.ordered ? `${listNumber(i)} ${item}` : item)));
  }
  return lines.join('\n');
}

/** A Word file as a writer's template makes it: Title, Heading 1 chapters, Quire's and Word's own styles, a Code character style. */
async function toDocx(doc: Generated): Promise<Uint8Array> {
  const label = headings(doc);
  const runs = (items: Run[]) =>
    items.map((run) =>
      'lineBreak' in run ? new TextRun({ break: 1 }) : new TextRun({ text: run.text, bold: run.bold, italics: run.italic, ...(run.code ? { style: 'Code' } : {}) }),
    );
  const lines = (texts: string[], code = false) => texts.flatMap((text, i) => [...(i ? [new TextRun({ break: 1 })] : []), new TextRun({ text, ...(code ? { style: 'Code' } : {}) })]);
  const children: Paragraph[] = [new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE })];
  for (const block of doc.blocks) {
    if (block.kind === 'dedication') children.push(...block.paragraphs.map((p) => new Paragraph({ style: 'Dedication', children: runs(p) })));
    else if (block.kind === 'epigraph') {
      children.push(new Paragraph({ style: 'Epigraph', children: lines(block.lines) }));
      if (block.attribution) children.push(new Paragraph({ style: 'EpigraphAttribution', text: `— ${block.attribution}` }));
    } else if (block.kind === 'part') children.push(new Paragraph({ style: 'PartHeading', text: label.get(block)! }));
    else if (block.kind === 'chapter') {
      children.push(new Paragraph({ text: label.get(block)!, heading: HeadingLevel.HEADING_1 }));
      if (block.subtitle) children.push(new Paragraph({ style: 'Subtitle', text: block.subtitle }));
    } else if (block.kind === 'sceneHeading') children.push(new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2 }));
    else if (block.kind === 'sceneBreak') children.push(new Paragraph({ text: '#', alignment: AlignmentType.CENTER }));
    else if (block.kind === 'paragraph') children.push(new Paragraph({ children: runs(block.runs) }));
    else if (block.kind === 'codeBlock') children.push(new Paragraph({ children: lines(block.lines, true) }));
    else children.push(...block.items.map((item, i) => new Paragraph({ text: block.ordered ? `${listNumber(i)} ${item}` : item })));
  }
  const paragraphStyles = [
    ['Dedication', 'Dedication'],
    ['Epigraph', 'Epigraph'],
    ['EpigraphAttribution', 'Epigraph Attribution'],
    ['PartHeading', 'Part Heading'],
    ['Subtitle', 'Subtitle'],
  ].map(([id, name]) => ({ id, name, basedOn: 'Normal' }));
  const file = new Document({
    styles: { paragraphStyles, characterStyles: [{ id: 'Code', name: 'Code', run: { font: 'Courier New' } }] },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}

/** Names the first word that differs, with its neighbours, instead of dumping two long lists. */
function assertSameWords(actual: string[], expected: string[], what: string): void {
  let i = 0;
  while (i < Math.min(actual.length, expected.length) && actual[i] === expected[i]) i++;
  if (i === actual.length && i === expected.length) return;
  assert.fail(
    `${what}: words differ at ${i} of ${expected.length}:\n  imported: …${actual.slice(Math.max(0, i - 4), i + 5).join(' ')}\n  written:  …${expected.slice(Math.max(0, i - 4), i + 5).join(' ')}`,
  );
}

const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i);
const encode = (text: string) => new TextEncoder().encode(text);

test('every word of generated Markdown files survives import, in order', async () => {
  for (const seed of SEEDS) {
    const doc = generate(seed);
    const imported = await importFile({ name: 'draft.md', bytes: encode(toMarkdown(doc)) });
    checkSchema(imported);
    assertSameWords(wordsOf(manuscriptText(imported)), storyWords(doc), `seed ${seed} as Markdown`);
  }
});

test('every word of generated plain-text files survives import, in order', async () => {
  for (const seed of SEEDS) {
    const doc = generate(seed);
    const imported = await importFile({ name: 'draft.txt', bytes: encode(toPlainText(doc)) });
    checkSchema(imported);
    assertSameWords(wordsOf(manuscriptText(imported)), storyWords(doc), `seed ${seed} as plain text`);
  }
});

test('every word of generated Word files survives import, in order', async () => {
  for (const seed of SEEDS) {
    const doc = generate(seed);
    const imported = await importFile({ name: 'draft.docx', bytes: await toDocx(doc) });
    checkSchema(imported);
    assertSameWords(wordsOf(manuscriptText(imported)), storyWords(doc), `seed ${seed} as Word`);
  }
});

test('the generated documents use every block and mark the importers know', () => {
  const seen = new Set<string>();
  for (const seed of SEEDS) {
    for (const block of generate(seed).blocks) {
      seen.add(block.kind);
      if (block.kind === 'chapter' && block.subtitle) seen.add('subtitle');
      if (block.kind === 'chapter' && !block.title) seen.add('untitled chapter');
      if (block.kind === 'epigraph' && !block.attribution) seen.add('unattributed epigraph');
      if (block.kind === 'list') seen.add(block.ordered ? 'numbered list' : 'bulleted list');
      for (const run of block.kind === 'paragraph' ? block.runs : []) {
        if ('lineBreak' in run) seen.add('line break');
        else for (const mark of ['bold', 'italic', 'code'] as const) if (run[mark]) seen.add(mark);
      }
    }
  }
  const all = ['dedication', 'epigraph', 'unattributed epigraph', 'part', 'chapter', 'untitled chapter', 'subtitle', 'sceneHeading', 'sceneBreak', 'paragraph', 'codeBlock', 'numbered list', 'bulleted list', 'line break', 'bold', 'italic', 'code'];
  assert.deepEqual(all.filter((kind) => !seen.has(kind)), []);
});
