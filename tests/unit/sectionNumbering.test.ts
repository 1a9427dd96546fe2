import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numberSections, type SectionToNumber } from '@model/manuscript/sectionNumbering';

/** number | numberLabel | label, one line per section, for compact expectations. */
const rows = (sections: SectionToNumber[], start?: { chapters: number; parts: number }) =>
  numberSections(sections, start).map(({ number, numberLabel, label }) => `${number} | ${numberLabel} | ${label}`);

test('chapters count through the whole book, across parts; parts count on their own, in words', () => {
  assert.deepEqual(
    rows([
      { kind: 'dedication' },
      { kind: 'epigraphs' },
      { kind: 'part', title: 'Seeds' },
      { kind: 'chapter', title: 'Low Water' },
      { kind: 'chapter' },
      { kind: 'part', title: 'Roots' },
      { kind: 'chapter', title: '' },
      { kind: 'part' },
      { kind: 'chapter', title: 'Spring Tide' },
    ]),
    [
      '0 | Dedication | Dedication',
      '0 | Epigraphs | Epigraphs',
      '1 | Part One | Part One: Seeds',
      '1 | Chapter 1 | Low Water',
      '2 | Chapter 2 | Chapter 2',
      '2 | Part Two | Part Two: Roots',
      '3 | Chapter 3 | Chapter 3',
      '3 | Part Three | Part Three',
      '4 | Chapter 4 | Spring Tide',
    ],
  );
});

test('titles are trimmed, and a title of spaces counts as none', () => {
  assert.deepEqual(rows([{ kind: 'chapter', title: '  The Storm \n' }, { kind: 'chapter', title: '   ' }, { kind: 'part', title: ' Roots ' }]), [
    '1 | Chapter 1 | The Storm',
    '2 | Chapter 2 | Chapter 2',
    '1 | Part One | Part One: Roots',
  ]);
});

test('front matter takes no number and ignores a title', () => {
  assert.deepEqual(rows([{ kind: 'dedication', title: 'For Ada' }, { kind: 'epigraphs', title: 'Words' }, { kind: 'chapter' }]), [
    '0 | Dedication | Dedication',
    '0 | Epigraphs | Epigraphs',
    '1 | Chapter 1 | Chapter 1',
  ]);
});

test('sections appended to a book are numbered after its own chapters and parts', () => {
  assert.deepEqual(rows([{ kind: 'part', title: 'Coda' }, { kind: 'chapter' }, { kind: 'epigraphs' }, { kind: 'chapter', title: 'After' }], { chapters: 12, parts: 20 }), [
    '21 | Part Twenty-One | Part Twenty-One: Coda',
    '13 | Chapter 13 | Chapter 13',
    '0 | Epigraphs | Epigraphs',
    '14 | Chapter 14 | After',
  ]);
});

test('part numbers are spelled out up to ninety-nine, then written in digits', () => {
  const parts = numberSections(Array.from({ length: 101 }, (): SectionToNumber => ({ kind: 'part' })));
  assert.deepEqual(
    [1, 13, 20, 42, 99, 100, 101].map((n) => parts[n - 1].numberLabel),
    ['Part One', 'Part Thirteen', 'Part Twenty', 'Part Forty-Two', 'Part Ninety-Nine', 'Part 100', 'Part 101'],
  );
});

test('a section of a kind Quire does not write is not numbered and goes by its title', () => {
  const sections = [{ kind: 'chapter' }, { kind: 'appendix', title: ' Notes ' }, { kind: 'chapter' }] as unknown as SectionToNumber[];
  assert.deepEqual(rows(sections), ['1 | Chapter 1 | Chapter 1', '0 |  | Notes', '2 | Chapter 2 | Chapter 2']);
});

test('an empty book numbers nothing, and the input is left as it was', () => {
  assert.deepEqual(numberSections([]), []);
  const sections: SectionToNumber[] = [{ kind: 'chapter', title: ' Kept ' }];
  numberSections(sections);
  assert.deepEqual(sections, [{ kind: 'chapter', title: ' Kept ' }]);
});
