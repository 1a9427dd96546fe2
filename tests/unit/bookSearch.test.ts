import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JSONContent } from '@tiptap/core';
import { manuscriptSchema } from '@model/schema';
import { findInDocument } from '@model/search/findInDocument';
import { findMatches } from '@model/search/findMatches';
import { sectionText } from '@model/search/sectionText';
import { replaceMatches } from '@model/search/replaceMatches';
import { replacementFor, searchPattern, SearchQueryError, type SearchQuery } from '@model/search/searchQuery';

const query = (text: string, switches: Partial<SearchQuery> = {}): SearchQuery => ({ text, matchCase: false, wholeWords: false, regex: false, includeSuggestions: false, ...switches });

const chapter = (...paragraphs: JSONContent[][]) =>
  manuscriptSchema.nodeFromJSON({
    type: 'doc',
    content: [{ type: 'chapter', content: [{ type: 'chapterTitle', content: [{ type: 'text', text: 'Lena at sea' }] }, ...paragraphs.map((content) => ({ type: 'paragraph', content }))] }],
  });
const text = (value: string, ...marks: JSONContent['marks'] & object) => ({ type: 'text', text: value, ...(marks.length > 0 ? { marks } : {}) });
const found = (doc: ReturnType<typeof chapter>, q: SearchQuery) => findInDocument(doc, q).map((match) => doc.textBetween(match.from, match.to));

test('plain search ignores case unless asked, finds titles too, and matches only whole words when asked', () => {
  const doc = chapter([text('Lena met LENA and Lenalee; lena.')]);
  assert.deepEqual(found(doc, query('lena')), ['Lena', 'Lena', 'LENA', 'Lena', 'lena']);
  assert.deepEqual(found(doc, query('Lena', { matchCase: true })), ['Lena', 'Lena', 'Lena']);
  assert.deepEqual(found(doc, query('lena', { wholeWords: true })), ['Lena', 'Lena', 'LENA', 'lena']);
  // Characters with a meaning in expressions are searched as typed.
  assert.deepEqual(found(chapter([text('Costs (1.5) or 105?')]), query('(1.5)')), ['(1.5)']);
});

test('whole words know letters of every script', () => {
  const doc = chapter([text('Ana, Anaïs and Ånа: Ана and Анастасия.')]);
  assert.deepEqual(found(doc, query('Ана', { wholeWords: true })), ['Ана']);
  assert.deepEqual(found(doc, query('Ana', { wholeWords: true })), ['Ana']);
});

test('regular expressions: groups in the replacement, and a clear message for an invalid one, nothing found by one that matches only empty text', () => {
  const doc = chapter([text('Lena Marsh and Tom Marsh.')]);
  const q = query('(\\w+) Marsh', { regex: true, matchCase: true });
  const matches = findInDocument(doc, q);
  assert.deepEqual(matches.map((m) => m.captures), [['Lena Marsh', 'Lena'], ['Tom Marsh', 'Tom']]);
  assert.equal(replaceMatches(doc, matches, 'Marsh, $1 ($$)', true).textContent, 'Lena at seaMarsh, Lena ($) and Marsh, Tom ($).');
  assert.equal(replacementFor('$1 $& $9', ['ab', 'a'], true), 'a ab $9');
  assert.equal(replacementFor('$1', ['ab', 'a'], false), '$1', 'plain replacements are taken as typed');
  assert.throws(() => searchPattern(query('(unclosed', { regex: true })), (error: Error) => error instanceof SearchQueryError && /not a valid regular expression/.test(error.message));
  // An expression that matches only empty text finds nothing (and is never run to find out).
  assert.deepEqual(found(doc, query('(?=L)', { regex: true })), []);
  assert.throws(() => searchPattern(query('')), SearchQueryError);
});

test('a match may span text with different marks; it never spans two blocks or a line break', () => {
  const doc = chapter([text('Le', { type: 'bold' }), text('na came.')], [text('Lena')], [text('Le'), { type: 'hardBreak' }, text('na')]);
  const matches = findInDocument(doc, query('Lena'));
  assert.deepEqual(matches.map((m) => doc.textBetween(m.from, m.to)), ['Lena', 'Lena', 'Lena']);
  assert.equal(matches.length, 3, 'the title, the marked one and the plain one; not the one across a line break');
  assert.equal(findInDocument(doc, query('came.Lena')).length, 0, 'not across two paragraphs');
  assert.equal(matches[1].after, ' came.');
  assert.equal(matches[1].before, '');
});

test('replacing keeps the formatting around the match and takes the first character’s marks', () => {
  const doc = chapter([text('Dear '), text('Lena', { type: 'italic' }), text(', wrote '), text('Lena', { type: 'comment', attrs: { threadId: 't1' } }, { type: 'bold' }), text('.')]);
  const replaced = replaceMatches(doc, findInDocument(doc, query('Lena')), 'Lina', false);
  const paragraph = replaced.child(0).child(1);
  const runs: Array<[string, string[]]> = [];
  paragraph.forEach((node) => runs.push([node.text!, node.marks.map((mark) => mark.type.name).sort()]));
  assert.deepEqual(runs, [
    ['Dear ', []],
    ['Lina', ['italic']],
    [', wrote ', []],
    ['Lina', ['bold', 'comment']],
    ['.', []],
  ]);
  assert.equal(replaced.child(0).child(0).textContent, 'Lina at sea');
  // An empty replacement removes the matches.
  assert.equal(replaceMatches(doc, findInDocument(doc, query('Lena ')), '', false).child(0).child(0).textContent, 'at sea');
});

test('pending suggestions: ignored, proposed text is not found; included, text proposed for removal is not', () => {
  const insertion = { type: 'insertion', attrs: { id: 'ana@1' } };
  const deletion = { type: 'deletion', attrs: { id: 'ana@1' } };
  const doc = chapter([text('Old Lena, '), text('new Lena', insertion), text(', gone Lena', deletion), text('.')]);
  assert.deepEqual(findInDocument(doc, query('Lena')).map((m) => m.before.slice(-4)), ['', 'Old ', 'one ']);
  assert.deepEqual(findInDocument(doc, query('Lena', { includeSuggestions: true })).map((m) => m.before.slice(-4)), ['', 'Old ', 'new ']);
});

test('one run over several sections gives each its own matches, positions and counts', () => {
  const first = chapter([text('Lena. Lena.')]);
  const second = chapter([text('No one.')]);
  const third = chapter([text('Lena!')]);
  const pattern = searchPattern(query('Lena', { matchCase: true }));
  const results = findMatches([first, second, third].map((doc) => sectionText(doc, false)), pattern);
  assert.deepEqual(results.map((matches) => matches.length), [3, 1, 2]);
  assert.equal(third.textBetween(results[2][1].from, results[2][1].to), 'Lena');
});

test('a match never straddles a pending suggestion’s edge, so a replacement cannot settle or spread someone’s proposal', () => {
  const deletion = { type: 'deletion', attrs: { id: 'ana@1' } };
  const insertion = { type: 'insertion', attrs: { id: 'ben@2' } };
  const doc = chapter([text('Le'), text('na', deletion), text(' and '), text('Li', insertion), text('na.')]);
  // Only the title's Lena ("Lena at sea"); none across the edge of the proposed deletion.
  assert.deepEqual(findInDocument(doc, query('Lena')).map((m) => m.after), [' at sea']);
  assert.deepEqual(findInDocument(doc, query('Lina', { includeSuggestions: true })), []);
  // Inside one piece, text is found as usual: the title's "na" and the plain "na.".
  assert.deepEqual(findInDocument(doc, query('na', { includeSuggestions: true })).map((m) => m.after), [' at sea', '.']);
});

test('^ and $ stand at every block’s edges, and . never runs from one block into the next', () => {
  const doc = chapter([text('Chapter one begins.')], [text('Then Chapter two.')]);
  assert.deepEqual(found(doc, query('^Chapter', { regex: true, matchCase: true })), ['Chapter']);
  assert.deepEqual(found(doc, query('begins.*', { regex: true })), ['begins.']);
  assert.deepEqual(found(doc, query('two\\.$', { regex: true })), ['two.']);
});
