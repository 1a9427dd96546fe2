// Whether a .txt file is Markdown, one sign at a time: written to kill the mutants
// `npm run test:mutation` found surviving in looksLikeMarkdown's patterns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeMarkdown } from '../../server/import/looksLikeMarkdown';

const markdown = [
  '# Title',
  'text\n###### Six deep',
  '#  Two spaces',
  'Some **bold** words',
  'Some __strong__ words',
  '- item',
  '  - indented item',
  '-  two spaces',
  '* starred',
  '+ plus',
  '> quoted',
  '>quoted',
  'an *italic* word',
  '*Italic* first',
  'the end is *near*',
  'a (*aside*) here',
  'a *word*, then more',
];
const plain = [
  'Issue # 5 is open',
  '####### seven is no heading',
  '#hashtag',
  '**\n**',
  '____',
  'well-  known',
  'pros - cons',
  '-item',
  '- - -',
  '* * *',
  '-- Mark Twain',
  '5 > 3 is true',
  '>  two spaces before',
  '2 * 3 * 4',
  'a*b*c',
  'x *y*z',
  'snake_case_name and a*b',
];

test('looksLikeMarkdown: each sign of Markdown is enough on its own', () => {
  for (const text of markdown) assert.equal(looksLikeMarkdown(text), true, JSON.stringify(text));
});

test('looksLikeMarkdown: text that only resembles Markdown is plain text', () => {
  for (const text of plain) assert.equal(looksLikeMarkdown(text), false, JSON.stringify(text));
});
