import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bookToHtml } from '../../server/export/bookToHtml';
import { everythingBook } from '../support/exportFixtures';

const MARKUP = '<script>alert("x")</script> & <b>not bold</b> \'quoted\'';

test('the web page shows text that looks like markup as text: every <, >, &, " and \' escaped', () => {
  const book = everythingBook();
  const chapter = book.sections.find((s) => s.kind === 'chapter')!;
  assert.ok(chapter.kind === 'chapter');
  chapter.title = [{ text: 'The <em> tag', bold: false, italic: false }];
  chapter.blocks.push({ type: 'paragraph', inlines: [{ text: MARKUP, bold: false, italic: true }] });
  book.title = 'Fish & <Chips>';
  const html = bookToHtml(book);
  assert.doesNotMatch(html, /<script>/);
  assert.doesNotMatch(html, /<b>not bold<\/b>/);
  assert.match(html, /<p><em>&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &lt;b&gt;not bold&lt;\/b&gt; &#39;quoted&#39;<\/em><\/p>/);
  assert.match(html, /<title>Fish &amp; &lt;Chips&gt;<\/title>/);
  assert.match(html, /The &lt;em&gt; tag/);
  assert.doesNotMatch(html, /The <em> tag/);
});
