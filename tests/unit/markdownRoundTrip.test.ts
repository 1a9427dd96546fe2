import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wordsOf } from '@model/manuscript/countWords';
import { exportBookFrom } from '../../server/export/exportBookFrom';
import { bookToMarkdown } from '../../server/export/bookToMarkdown';
import { importFile } from '../../server/import/importFile';
import { everythingManuscript } from '../support/exportFixtures';
import { seedFiles } from '../support/seedFiles';
import { manuscriptText, normalisedSections } from '../support/manuscriptWords';

const options = { identifier: 'x', authors: ['A'], contact: { name: 'A', email: 'a@example.com' } };
const asMarkdownFile = (text: string) => ({ name: 'export.md', bytes: new TextEncoder().encode(text) });

for (const seed of seedFiles()) {
  test(`seed ${seed.name}: import → Markdown → import gives the same structure and words`, async () => {
    const first = await importFile({ name: seed.name, bytes: new TextEncoder().encode(seed.text) });
    const markdown = bookToMarkdown(exportBookFrom(first, options));
    const second = await importFile(asMarkdownFile(markdown));
    assert.equal(second.title, first.title);
    assert.deepEqual(normalisedSections(second), normalisedSections(first));
    assert.deepEqual(wordsOf(manuscriptText(second)), wordsOf(manuscriptText(first)));
  });
}

test('a book with every kind of section survives Markdown and back, marks and line breaks included', async () => {
  const original = everythingManuscript();
  const markdown = bookToMarkdown(exportBookFrom(original, options));
  assert.match(markdown, /^# The Lantern & the Tide$/m);
  assert.match(markdown, /^## Chapter 1: Low Water$/m);
  assert.match(markdown, /^\* \* \*$/m);
  const back = await importFile(asMarkdownFile(markdown));
  assert.equal(back.title, original.title);
  assert.deepEqual(normalisedSections(back), normalisedSections(original));
});

test('text that looks like Markdown syntax is escaped, so it comes back as text', async () => {
  const tricky = everythingManuscript();
  const chapter = tricky.sections.find((s) => s.id === 'ch2')!;
  chapter.content.content![0].content![1] = {
    type: 'paragraph',
    content: [{ type: 'text', text: '1. Not a list. # Not a heading. *Not italic* and a_b_c, <tag> & [link](x).' }],
  };
  const back = await importFile(asMarkdownFile(bookToMarkdown(exportBookFrom(tricky, options))));
  assert.deepEqual(normalisedSections(back), normalisedSections(tricky));
});

test('paragraphs that read like headings or subtitles, and an epigraph without attribution, survive the round trip', async () => {
  const tricky = everythingManuscript();
  const body = tricky.sections.find((s) => s.id === 'ch2')!.content.content![0].content!;
  body.splice(
    1,
    1,
    { type: 'paragraph', content: [{ type: 'text', text: 'Dear John, at last.', marks: [{ type: 'italic' }] }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Epilogue' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Chapter 12' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Dedication' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Bold line', marks: [{ type: 'bold' }] }] },
  );
  const epigraphs = tricky.sections.find((s) => s.id === 'epi')!.content.content![0].content!;
  epigraphs[0].content![1] = { type: 'epigraphAttribution' };
  const back = await importFile(asMarkdownFile(bookToMarkdown(exportBookFrom(tricky, options))));
  assert.deepEqual(normalisedSections(back), normalisedSections(tricky));
});
