import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import type { JSONContent } from '@tiptap/core';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { newSuggestionId } from '@model/suggestions/suggestionId';
import { exportBookFrom } from '../../server/export/exportBookFrom';
import { bookToHtml } from '../../server/export/bookToHtml';
import { bookToDocx } from '../../server/export/bookToDocx';
import { bookToMarkdown } from '../../server/export/bookToMarkdown';
import { docxParagraphs } from '../support/docxXml';

const AT = Date.UTC(2026, 11, 2, 10, 42);
const ana = newSuggestionId('ana-id', AT);
const ben = newSuggestionId('ben-id', AT);
const t = (text: string, mark?: { type: string; id: string }): JSONContent => ({ type: 'text', text, ...(mark ? { marks: [{ type: mark.type, attrs: { id: mark.id } }] } : {}) });

/** A chapter whose one paragraph carries Ana's proposed addition and Ben's proposed deletion. */
function suggestedBook(): ManuscriptJson {
  return {
    title: 'Weather',
    sections: [
      {
        id: 'c1',
        kind: 'chapter',
        content: {
          type: 'doc',
          content: [
            {
              type: 'chapter',
              content: [
                { type: 'chapterTitle', content: [t('Rain')] },
                { type: 'paragraph', content: [t('The '), { type: 'text', text: 'rain', marks: [{ type: 'comment', attrs: { threadId: 'thread1' } }] }, t(' heavy', { type: 'insertion', id: ana }), t(' fell'), t(' all night', { type: 'deletion', id: ben }), t('.')] },
                { type: 'paragraph', content: [{ type: 'text', text: 'Resolved already.', marks: [{ type: 'comment', attrs: { threadId: 'thread2' } }] }] },
              ],
            },
          ],
        },
      },
    ],
  };
}

const options = { identifier: 'm1', authors: ['Ana'], contact: { name: 'Ana', email: 'ana@example.com' } };
const names = new Map([
  ['ana-id', 'Ana'],
  ['ben-id', 'Ben'],
]);

const threads = new Map([['thread1', { author: 'Ana', date: new Date(AT), paragraphs: ['Ana: Which rain?', 'Ben: The first.'] }]]);

test('by default an export carries the accepted text: no proposed addition, proposed deletions still there', () => {
  const book = exportBookFrom(suggestedBook(), options);
  const markdown = bookToMarkdown(book);
  assert.match(markdown, /The rain fell all night\./);
  assert.doesNotMatch(markdown, /heavy/);
  assert.equal(book.wordCount, 1 + 5 + 2);
  assert.doesNotMatch(bookToHtml(book), /<ins|<del/);
  assert.equal(exportBookFrom(suggestedBook(), { ...options, threads }).comments, undefined, 'comments come only with suggestions shown');
});

test('HTML with suggestions shown marks each as <ins> or <del> with its author and time; counts stay accepted', () => {
  const book = exportBookFrom(suggestedBook(), { ...options, showSuggestions: names });
  const html = bookToHtml(book);
  assert.match(html, /The rain<ins class="suggestion" title="Suggested adding: Ana, 2026-12-02 10:42 UTC" datetime="2026-12-02T10:42:00.000Z"> heavy<\/ins> fell<del class="suggestion" title="Suggested deleting: Ben, 2026-12-02 10:42 UTC"[^>]*> all night<\/del>\./);
  assert.equal(book.wordCount, 1 + 5 + 2);
});

test('DOCX with suggestions shown uses Word’s own tracked insertions and deletions', async () => {
  const book = exportBookFrom(suggestedBook(), { ...options, showSuggestions: names, threads });
  const zip = await JSZip.loadAsync(await bookToDocx(book));
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraph = docxParagraphs(xml).find((p) => p.text.startsWith('The rain'))!;
  assert.match(paragraph.xml, /<w:ins w:id="\d+" w:author="Ana" w:date="2026-12-02T10:42:00Z">[\s\S]*?<w:t xml:space="preserve"> heavy<\/w:t>[\s\S]*?<\/w:ins>/);
  assert.match(paragraph.xml, /<w:del w:id="\d+" w:author="Ben" w:date="2026-12-02T10:42:00Z">[\s\S]*?<w:delText xml:space="preserve"> all night<\/w:delText>[\s\S]*?<\/w:del>/);
  // Read as Word shows it with changes accepted: the heavy rain fell.
  const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, 'every tracked change has its own id');
});

test('DOCX with suggestions shown carries open comment threads as Word comments on their passage', async () => {
  const book = exportBookFrom(suggestedBook(), { ...options, showSuggestions: names, threads });
  assert.deepEqual(book.comments?.map((c) => c.number), [1], 'only the open thread (thread2 is not in the open threads)');
  const zip = await JSZip.loadAsync(await bookToDocx(book));
  const xml = await zip.file('word/document.xml')!.async('string');
  assert.match(xml, /<w:commentRangeStart w:id="1"\/>[\s\S]*?<w:t xml:space="preserve">rain<\/w:t>[\s\S]*?<w:commentRangeEnd w:id="1"\/>[\s\S]*?<w:commentReference w:id="1"\/>/);
  const comments = await zip.file('word/comments.xml')!.async('string');
  assert.match(comments, /<w:comment w:id="1" w:author="Ana"[^>]*>[\s\S]*Ana: Which rain\?[\s\S]*Ben: The first\.[\s\S]*<\/w:comment>/);
});
