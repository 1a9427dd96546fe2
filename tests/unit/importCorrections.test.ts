import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ImportCorrection } from '@model/api/importOutline';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { jsonText } from '@model/manuscript/jsonText';
import { wordsOf } from '@model/manuscript/countWords';
import { HttpError } from '../../server/http/HttpError';
import { importFile } from '../../server/import/importFile';
import { importOutline } from '../../server/import/importOutline';
import { applyImportCorrections, parseImportCorrections } from '../../server/import/importCorrections';
import { checkSchema } from '../support/manuscriptWords';
import { sectionOutline } from '../support/sectionOutline';

const fromText = (name: string, text: string) => importFile({ name, bytes: new TextEncoder().encode(text) });
const outline = sectionOutline;
const words = (m: ManuscriptJson) => m.sections.flatMap((section) => wordsOf(jsonText(section.content)));
let ids = 0;
const makeId = () => `new${++ids}`;

/** A file detection gets wrong: "Chapter 12" in a letter read as a heading, a dedication read as a chapter, two chapters run together. */
const MISREAD = [
  '# The Lot',
  '## For Mara',
  'Who waited.',
  '## Chapter 1',
  'It began in the rain.',
  'She read the letter:',
  '## Chapter 12',
  'of the contract says the lot is ours.',
  'Then the sun came out.',
  'A new day, a second chapter that had no heading.',
  'It went on.',
].join('\n\n');

test('the preview’s corrections fix a misread file: a chapter made the dedication, a false heading made text, a chapter split in two', async () => {
  const m = await fromText('misread.md', MISREAD);
  assert.deepEqual(outline(m), [
    'chapter: chapterTitle(For Mara) paragraph(Who waited.)',
    'chapter: chapterTitle() paragraph(It began in the rain.) paragraph(She read the letter:)',
    'chapter: chapterTitle() paragraph(of the contract says the lot is ours.) paragraph(Then the sun came out.) paragraph(A new day, a second chapter that had no heading.) paragraph(It went on.)',
  ]);
  const corrections: ImportCorrection[] = [
    { op: 'kind', section: 0, kind: 'dedication' },
    { op: 'kind', section: 2, kind: 'text' },
    // After the join, section 1 holds both; its text blocks: 0 rain, 1 letter, 2 "Chapter 12", 3 contract, 4 sun, 5 new day.
    { op: 'split', section: 1, block: 5 },
  ];
  const fixed = applyImportCorrections(m, corrections, makeId);
  checkSchema(fixed);
  assert.deepEqual(outline(fixed), [
    'dedication: paragraph(For Mara) paragraph(Who waited.)',
    'chapter: chapterTitle() paragraph(It began in the rain.) paragraph(She read the letter:) paragraph(Chapter 12) paragraph(of the contract says the lot is ours.) paragraph(Then the sun came out.)',
    'chapter: chapterTitle() paragraph(A new day, a second chapter that had no heading.) paragraph(It went on.)',
  ]);
  // Every word is still there, in order, and "Chapter 12" came back as the line of text it was.
  assert.deepEqual(words(fixed).filter((w) => w !== '12' && w !== 'Chapter'), words(m).filter((w) => w !== '12' && w !== 'Chapter'));
  assert.ok(words(fixed).join(' ').includes('letter Chapter 12 of the contract'));
  assert.equal(jsonText(m.sections[2].content.content![0].content![0]), '', 'the heading’s number was not in the title');
  // The outline offers each chapter's blocks for splitting.
  assert.deepEqual(importOutline(fixed).sections[2].blocks, ['A new day, a second chapter that had no heading.', 'It went on.']);
});

test('kinds convert both ways, every word kept: chapter ⇄ part keeps the heading, epigraphs pair a line with its "— source"', async () => {
  const m = await fromText('kinds.md', '# Book\n\n## Quotes\n\nThe sea is salt.\n\n— A sailor\n\nAnd wide.\n\n## Chapter 1: Real\n\n> A quote.\n> — Its source\n\nText.\n\n### A scene\n\nMore.');
  const asEpigraphs = applyImportCorrections(m, [{ op: 'kind', section: 0, kind: 'epigraphs' }], makeId);
  checkSchema(asEpigraphs);
  assert.equal(outline(asEpigraphs)[0], 'epigraphs: epigraph(Quotes / ) epigraph(The sea is salt. / A sailor) epigraph(And wide. / )');
  const asPart = applyImportCorrections(m, [{ op: 'kind', section: 1, kind: 'part' }], makeId);
  checkSchema(asPart);
  assert.equal(outline(asPart)[1], 'part: partTitle(Real) epigraph(A quote. / Its source) paragraph(Text.) paragraph(A scene) paragraph(More.)');
  const back = applyImportCorrections(asPart, [{ op: 'kind', section: 1, kind: 'chapter' }], makeId);
  checkSchema(back);
  assert.equal(outline(back)[1], 'chapter: chapterTitle(Real) epigraph(A quote. / Its source) paragraph(Text.) paragraph(A scene) paragraph(More.)');
  const asDedication = applyImportCorrections(m, [{ op: 'kind', section: 1, kind: 'dedication' }], makeId);
  checkSchema(asDedication);
  // The heading becomes the line of text the file had.
  assert.equal(outline(asDedication)[1], 'dedication: paragraph(Chapter 1: Real) paragraph(A quote.) paragraph(— Its source) paragraph(Text.) paragraph(A scene) paragraph(More.)');
  const merged = applyImportCorrections(m, [{ op: 'merge', section: 0 }], makeId);
  checkSchema(merged);
  // (The quotation under "Quotes" was read as that chapter's epigraph, and stays one.)
  assert.deepEqual(outline(merged), ['chapter: chapterTitle(Quotes) epigraph(The sea is salt. / A sailor) paragraph(And wide.) paragraph(Chapter 1: Real) paragraph(A quote.) paragraph(— Its source) paragraph(Text.) sceneHeading(A scene) paragraph(More.)']);
});

test('any sequence of corrections keeps every word of the file', async () => {
  const m = await fromText('many.md', MISREAD + '\n\n# PART TWO: After\n\n> Quote.\n> — Source\n\n## Three\n\nLast words here.\n\n***\n\nAnd after the break.');
  const before = [...words(m)].sort();
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const kinds = ['dedication', 'epigraphs', 'part', 'chapter', 'text'] as const;
  for (let run = 0; run < 200; run++) {
    let current = m;
    for (let step = 0; step < 6; step++) {
      const section = Math.floor(random() * current.sections.length);
      const choice = random();
      const blocks = importOutline(current).sections[section].blocks.length;
      const correction: ImportCorrection =
        choice < 0.5 ? { op: 'kind', section, kind: kinds[Math.floor(random() * kinds.length)] } : choice < 0.75 || blocks < 2 ? { op: 'merge', section } : { op: 'split', section, block: 1 + Math.floor(random() * (blocks - 1)) };
      try {
        current = applyImportCorrections(current, [correction], makeId);
      } catch (error) {
        // Joining the first section to nothing, or merging the last with nothing, is refused, not applied.
        assert.ok(error instanceof HttpError && error.status === 422, String(error));
        continue;
      }
      checkSchema(current);
      // A heading's number is structure until the heading turns into text ("Chapter 12", "PART TWO"): compare the rest.
      const numbering = (w: string) => /^\d+$/.test(w) || ['Chapter', 'PART', 'TWO', 'Three'].includes(w);
      const now = [...words(current)].filter((w) => !numbering(w)).sort();
      assert.deepEqual(now, before.filter((w) => !numbering(w)), `run ${run}, step ${step}: ${JSON.stringify(correction)}`);
    }
  }
});

test('corrections that name nothing are refused with a clear 422', async () => {
  const m = await fromText('small.md', '## One\n\nText.\n\n## Two\n\nMore.');
  const refused = (corrections: ImportCorrection[], message: RegExp) =>
    assert.throws(() => applyImportCorrections(m, corrections, makeId), (error: unknown) => error instanceof HttpError && error.status === 422 && message.test(error.message));
  refused([{ op: 'kind', section: 5, kind: 'part' }], /no section 6/);
  refused([{ op: 'kind', section: 0, kind: 'text' }], /first section has no section before it/);
  refused([{ op: 'merge', section: 1 }], /no section 3/);
  refused([{ op: 'split', section: 0, block: 1 }], /cannot be split before block 2/);
  const parseRefused = (raw: string, message: RegExp) => assert.throws(() => parseImportCorrections(raw), (error: unknown) => error instanceof HttpError && error.status === 422 && message.test(error.message));
  parseRefused('not json', /not valid JSON/);
  parseRefused('{"op":"merge"}', /must be a list/);
  parseRefused('[{"op":"merge"}]', /Correction 1 does not name a section/);
  parseRefused('[{"op":"rename","section":0}]', /not one Quire knows/);
  parseRefused('[{"op":"kind","section":0,"kind":"appendix"}]', /not one Quire knows/);
  parseRefused(JSON.stringify(Array.from({ length: 1001 }, () => ({ op: 'merge', section: 0 }))), /at most 1000/);
  assert.deepEqual(parseImportCorrections(null), []);
});
