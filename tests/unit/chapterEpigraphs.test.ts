import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { manuscriptSchema } from '@model/schema';
import { addOpeningEpigraph, leaveEmptyOpeningEpigraph } from '@model/schema/OpeningEpigraph';
import { importFile } from '../../server/import/importFile';
import { bookToMarkdown } from '../../server/export/bookToMarkdown';
import { bookToHtml } from '../../server/export/bookToHtml';
import { bookToDocx } from '../../server/export/bookToDocx';
import { bookToStandardManuscript } from '../../server/export/bookToStandardManuscript';
import { bookToPdf } from '../../server/export/bookToPdf';
import { epubSectionXhtml } from '../../server/export/epubSectionXhtml';
import { everythingBook } from '../support/exportFixtures';
import { checkSchema } from '../support/manuscriptWords';
import { sectionOutline } from '../support/sectionOutline';

const fromText = (name: string, text: string) => importFile({ name, bytes: new TextEncoder().encode(text) });

const outline = sectionOutline;

const dir = mkdtempSync(path.join(tmpdir(), 'quire-chapter-epigraphs-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('Markdown: a quotation closed by "— source" right under a chapter or part heading is its epigraph; a quoted letter opening a chapter is text', async () => {
  const m = await fromText(
    'book.md',
    [
      '# The Lot',
      '## CHAPTER ONE',
      '> It was the best of times,\n> it was the worst of times.\n> — Charles Dickens',
      'It began in the rain.',
      '## Chapter 2: The Letter',
      '> Dear Mara, the boat is sold.',
      'Then the sun.',
      '# PART TWO: After',
      '> Two quotations here.\n\n— Someone Wise',
      '> And a second one.\n\n— Another',
      '## Three Days',
      '#### *a subtitle*',
      '> Under the subtitle.\n> — Its source',
      'Story.',
    ].join('\n\n'),
  );
  checkSchema(m);
  assert.deepEqual(outline(m), [
    'chapter: chapterTitle() epigraph(It was the best of times, it was the worst of times. / Charles Dickens) paragraph(It began in the rain.)',
    'chapter: chapterTitle(The Letter) paragraph(Dear Mara, the boat is sold.) paragraph(Then the sun.)',
    'part: partTitle(After) epigraph(Two quotations here. / Someone Wise) epigraph(And a second one. / Another)',
    'chapter: chapterTitle(Three Days) chapterSubtitle(a subtitle) epigraph(Under the subtitle. / Its source) paragraph(Story.)',
  ]);
});

test('plain text: a line and its "— source" line right under a chapter heading are the chapter’s epigraph', async () => {
  const m = await fromText('book.txt', 'CHAPTER ONE\nIt was the best of times.\n— Dickens\nIt began.\nCHAPTER TWO\nNo epigraph here.\n');
  assert.deepEqual(outline(m), ['chapter: chapterTitle() epigraph(It was the best of times. / Dickens) paragraph(It began.)', 'chapter: chapterTitle() paragraph(No epigraph here.)']);
});

test('Word: a Quote paragraph and its dash line under a chapter heading are the chapter’s epigraph', async () => {
  const doc = new Document({
    styles: { paragraphStyles: [{ id: 'Quote', name: 'Quote', basedOn: 'Normal', run: { italics: true } }] },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Chapter One', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'All happy families are alike.', style: 'Quote' }),
          new Paragraph({ text: '— Leo Tolstoy' }),
          new Paragraph({ text: 'It began.' }),
        ],
      },
    ],
  });
  const m = await importFile({ name: 'book.docx', bytes: new Uint8Array(await Packer.toBuffer(doc)) });
  assert.deepEqual(outline(m), ['chapter: chapterTitle() epigraph(All happy families are alike. / Leo Tolstoy) paragraph(It began.)']);
});

test('every format exports a chapter’s and a part’s epigraphs as epigraphs, inside the chapter, before its text', async () => {
  const book = everythingBook();
  const chapter = book.sections.find((s) => s.kind === 'chapter' && s.id === 'ch3');
  assert.ok(chapter?.kind === 'chapter');
  assert.equal(chapter.epigraphs.length, 1);

  // EPUB: epub:type="epigraph" inside the chapter's section, after its header, before its text.
  const xhtml = epubSectionXhtml(chapter);
  assert.match(xhtml, /<section class="chapter" epub:type="chapter">\n<header>[\s\S]*<\/header>\n<div class="epigraph" epub:type="epigraph">\n<blockquote><p>There is a tide[\s\S]*<p class="attribution">—\u00a0<em>Julius Caesar<\/em>, IV\.iii<\/p>\n<\/div>\n[\s\S]*Water came back/);
  const part = book.sections.find((s) => s.kind === 'part' && s.id === 'part2');
  assert.ok(part?.kind === 'part');
  assert.match(epubSectionXhtml(part), /epub:type="part"[\s\S]*epub:type="epigraph"[\s\S]*Robert Bridges[\s\S]*Three weeks later/);

  // HTML: a doc-epigraph figure inside the chapter's section.
  const html = bookToHtml(book);
  assert.match(html, /<section class="chapter" id="[^"]+" role="doc-chapter"><h2>[^\n]*Spring Tide<\/h2>\n<figure class="epigraph" role="doc-epigraph"><blockquote><p>There is a tide/);

  // Markdown: a quotation and its "— source" line straight under the heading.
  const markdown = bookToMarkdown(book);
  assert.match(markdown, /## Chapter 3: Spring Tide\n\n> There is a tide in the affairs of men,\\?\n> which, taken at the flood, leads on to fortune\.\n\n— \*Julius Caesar\*, IV\.iii\n\nWater came back/);

  // Word, both kinds: the chapter epigraph's own styles.
  for (const [name, bytes, quoteStyle, sourceStyle] of [
    ['book', await bookToDocx(book), 'ChapterEpigraph', 'ChapterEpigraphAttribution'],
    ['manuscript', await bookToStandardManuscript(book), 'SMFChapterEpigraph', 'SMFChapterEpigraphAttribution'],
  ] as const) {
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const quote = new RegExp(`<w:pStyle w:val="${quoteStyle}"/>[\\s\\S]*?There is a tide`);
    assert.match(xml, quote, `${name}: the quotation in ${quoteStyle}`);
    assert.match(xml, new RegExp(`<w:pStyle w:val="${sourceStyle}"/>[\\s\\S]*?Julius Caesar`), `${name}: the source in ${sourceStyle}`);
    const styles = await (await JSZip.loadAsync(bytes)).file('word/styles.xml')!.async('string');
    assert.match(styles, new RegExp(`w:styleId="${quoteStyle}"[\\s\\S]*?<w:name w:val="(SMF )?Chapter Epigraph"/>`));
  }

  // PDF: the epigraph is on the chapter's first page, between its title and its text.
  const file = path.join(dir, 'book.pdf');
  writeFileSync(file, await bookToPdf(book));
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const page = text.split('\f').find((p) => p.includes('Spring Tide'))!;
  const order = ['Spring Tide', 'There is a tide', 'Julius Caesar', 'Water came back'].map((words) => page.indexOf(words));
  assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])), `on one page, in order: ${JSON.stringify(order)}`);
});

test('Markdown and both Word exports read back with the chapter’s and the part’s epigraphs where they were', async () => {
  const book = everythingBook();
  const files = [
    { name: 'book.md', bytes: new TextEncoder().encode(bookToMarkdown(book)) },
    { name: 'book.docx', bytes: await bookToDocx(book) },
    { name: 'manuscript.docx', bytes: await bookToStandardManuscript(book) },
  ];
  for (const file of files) {
    const m = await importFile(file);
    checkSchema(m);
    const spring = outline(m).find((line) => line.includes('Spring Tide'));
    assert.match(spring ?? '', /^chapter: chapterTitle\(Spring Tide\) epigraph\(There is a tide in the affairs of men, \/ which, taken at the flood, leads on to fortune\. \/ Julius Caesar, IV\.iii\) paragraph\(Water came back/, file.name);
    const sea = outline(m).find((line) => line.includes('The Open Sea'));
    assert.match(sea ?? '', /^part: partTitle\(The Open Sea\) epigraph\(Whither, O splendid ship\? \/ Robert Bridges\) paragraph\(Three weeks later\.\)/, file.name);
  }
});

test('editor: "Add epigraph" puts an empty epigraph under the heading (after the subtitle and other epigraphs); Enter in its empty quotation removes it and goes to the text', () => {
  let state = EditorState.create({
    schema: manuscriptSchema,
    doc: manuscriptSchema.nodeFromJSON({
      type: 'doc',
      content: [
        {
          type: 'chapter',
          content: [
            { type: 'chapterTitle', content: [{ type: 'text', text: 'Title' }] },
            { type: 'chapterSubtitle', content: [{ type: 'text', text: 'Sub' }] },
            { type: 'paragraph', content: [{ type: 'text', text: 'Body.' }] },
          ],
        },
      ],
    }),
  });
  const run = (command: (s: EditorState, dispatch?: (tr: Transaction) => void) => boolean) => command(state, (tr) => (state = state.apply(tr)));
  const kinds = () => state.doc.firstChild!.content.content.map((node) => node.type.name);
  state = state.apply(state.tr.setSelection(TextSelection.atEnd(state.doc)));

  assert.ok(run(addOpeningEpigraph));
  assert.deepEqual(kinds(), ['chapterTitle', 'chapterSubtitle', 'epigraph', 'paragraph']);
  assert.equal(state.selection.$from.parent.type.name, 'epigraphQuote', 'the caret is in the new quotation');
  state = state.apply(state.tr.insertText('A line.'));
  assert.equal(run(leaveEmptyOpeningEpigraph), false, 'Enter in a quotation with words is the epigraph’s own Enter');
  assert.ok(run(addOpeningEpigraph));
  assert.deepEqual(kinds(), ['chapterTitle', 'chapterSubtitle', 'epigraph', 'epigraph', 'paragraph']);
  // Enter in the new, empty quotation leaves the epigraphs for the text.
  assert.ok(run(leaveEmptyOpeningEpigraph));
  assert.deepEqual(kinds(), ['chapterTitle', 'chapterSubtitle', 'epigraph', 'paragraph']);
  assert.equal(state.selection.$from.parent.type.name, 'paragraph');
  assert.equal(state.selection.$from.parent.textContent, 'Body.');

  // A part takes them under its title too; a dedication has no heading to put one under.
  const part = EditorState.create({ schema: manuscriptSchema, doc: manuscriptSchema.nodeFromJSON({ type: 'doc', content: [{ type: 'part', content: [{ type: 'partTitle' }] }] }) });
  assert.ok(addOpeningEpigraph(part));
  const dedication = EditorState.create({ schema: manuscriptSchema, doc: manuscriptSchema.nodeFromJSON({ type: 'doc', content: [{ type: 'dedication', content: [{ type: 'paragraph' }] }] }) });
  assert.equal(addOpeningEpigraph(dedication), false);
});
