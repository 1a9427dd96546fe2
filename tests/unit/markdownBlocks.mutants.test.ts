// Markdown into import blocks, construct by construct: written to kill the mutants
// `npm run test:mutation` found surviving (or never reached) in markdownBlocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JSONContent } from '@tiptap/core';
import { markdownBlocks } from '../../server/import/markdownBlocks';

const t = (text: string, ...marks: string[]): JSONContent => ({ type: 'text', text, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
const paragraph = (...inlines: JSONContent[]) => ({ kind: 'paragraph', inlines });

test('markdownBlocks: inline text keeps every word, and nothing empty is added', () => {
  const cases: Array<[string, unknown]> = [
    ['one\ntwo', [paragraph(t('one two'))]],
    ['a ![](x.png) b', [paragraph(t('a '), t(' b'))]],
    ['see ![a map](m.png) here', [paragraph(t('see '), t('a map'), t(' here'))]],
    ['![alt][ref]\n\n[ref]: x.png', [paragraph(t('alt'))]],
    ['a `code` b', [paragraph(t('a '), t('code', 'code'), t(' b'))]],
    ['a <span>x</span> b', [paragraph(t('a '), t('<span>'), t('x'), t('</span>'), t(' b'))]],
    ['[text](url) and [ref text][r]\n\n[r]: http://x', [paragraph(t('text'), t(' and '), t('ref text'))]],
    // Emphasis inside emphasis is italic once; strong inside strong bold once.
    ['_a *b* c_', [paragraph(t('a ', 'italic'), t('b', 'italic'), t(' c', 'italic'))]],
    ['**a __b__ c**', [paragraph(t('a ', 'bold'), t('b', 'bold'), t(' c', 'bold'))]],
  ];
  for (const [markdown, blocks] of cases) assert.deepEqual(markdownBlocks(markdown), blocks, JSON.stringify(markdown));
});

test('markdownBlocks: headings, breaks, quotes, lists, code and HTML blocks, definitions, a byte-order mark', () => {
  const cases: Array<[string, unknown]> = [
    ['#', [{ kind: 'break', inlines: [] }]],
    ['***', [{ kind: 'break', inlines: [] }]],
    ['> quoted', [{ kind: 'quote', inlines: [t('quoted')] }]],
    ['plain', [paragraph(t('plain'))]],
    // A numbered item keeps its number as written, on its first block that is not a break.
    ['3. Third\n4. Fourth', [paragraph(t('3. '), t('Third')), paragraph(t('4. '), t('Fourth'))]],
    ['1. ***\n   After', [{ kind: 'break', inlines: [] }, paragraph(t('1. '), t('After'))]],
    // A number alone on its line (an item holding only a break) is kept as text before the break.
    ['1. ***', [paragraph(t('1.')), { kind: 'break', inlines: [] }]],
    ['- bullet', [paragraph(t('bullet'))]],
    ['```\nline one\n\nline two\n```', [paragraph(t('line one', 'code'), { type: 'hardBreak' }, t('line two', 'code'))]],
    ['<div>\nhello\n</div>', [paragraph(t('<div>')), paragraph(t('hello')), paragraph(t('</div>'))]],
    ['> ```\n>   code  \n> ```', [{ kind: 'quote', inlines: [t('  code', 'code')] }]],
    ['[ref]: http://x\n\ntext', [paragraph(t('text'))]],
    ['\uFEFF# Title', [{ kind: 'heading', level: 1, inlines: [t('Title')] }]],
    // Only a leading U+FEFF is a byte-order mark; inside the text it is kept as written.
    ['x\uFEFFy', [paragraph(t('x\uFEFFy'))]],
  ];
  for (const [markdown, blocks] of cases) assert.deepEqual(markdownBlocks(markdown), blocks, JSON.stringify(markdown));
});

test('markdownBlocks: HTML blocks line by line, trimmed, without blank lines; a number alone and HTML inside a quotation stay quotation', () => {
  const quote = (...inlines: JSONContent[]) => ({ kind: 'quote', inlines });
  const cases: Array<[string, unknown]> = [
    ['<!--\n\nnote\n   \n-->', [paragraph(t('<!--')), paragraph(t('note')), paragraph(t('-->'))]],
    ['<div>\n  hello  \n</div>', [paragraph(t('<div>')), paragraph(t('hello')), paragraph(t('</div>'))]],
    ['> <div>\n> hi\n> </div>', [quote(t('<div>')), quote(t('hi')), quote(t('</div>'))]],
    ['> 42.', [quote(t('42.'))]],
  ];
  for (const [markdown, blocks] of cases) assert.deepEqual(markdownBlocks(markdown), blocks, JSON.stringify(markdown));
});
