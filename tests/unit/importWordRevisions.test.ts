import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import type { JSONContent } from '@tiptap/core';
import { countWords } from '@model/manuscript/countWords';
import { jsonText } from '@model/manuscript/jsonText';
import { suggestionAuthor, suggestionTime, wordAuthorName } from '@model/suggestions/suggestionId';
import { acceptedContent } from '@model/suggestions/pendingSuggestions';
import { importFile } from '../../server/import/importFile';
import { REVIEW_DATE as DATE, reviewedDocx } from '../support/reviewedDocx';

/** Every text run of the imported book with its suggestion kind and comment threads. */
function runs(sections: Array<{ content: JSONContent }>) {
  const found: Array<{ text: string; suggestion?: { kind: string; id: string }; threads: string[] }> = [];
  const visit = (node: JSONContent) => {
    if (node.type === 'text') {
      const suggestion = node.marks?.find((m) => m.type === 'insertion' || m.type === 'deletion');
      found.push({
        text: node.text!,
        ...(suggestion ? { suggestion: { kind: suggestion.type, id: String(suggestion.attrs!.id) } } : {}),
        threads: (node.marks ?? []).filter((m) => m.type === 'comment').map((m) => String(m.attrs!.threadId)),
      });
    }
    for (const child of node.content ?? []) visit(child);
  };
  for (const section of sections) visit(section.content);
  return found;
}

test('a Word document’s tracked changes come in as suggestions by their Word author, neither applied', async () => {
  const imported = await importFile({ name: 'Reviewed.docx', bytes: await reviewedDocx() });
  const all = runs(imported.sections);
  const inserted = all.find((run) => run.text === ' hard')!;
  const deleted = all.find((run) => run.text === ' all night')!;
  assert.equal(inserted.suggestion?.kind, 'insertion');
  assert.equal(deleted.suggestion?.kind, 'deletion');
  for (const run of [inserted, deleted]) {
    assert.equal(wordAuthorName(suggestionAuthor(run.suggestion!.id)), 'Jane Doe');
    assert.equal(suggestionTime(run.suggestion!.id)?.toISOString(), new Date(DATE).toISOString());
  }
  // No marker characters are left, and the structure is still found: the title, the chapter by its heading.
  assert.ok(all.every((run) => !/[\uE000\uE001]/.test(run.text)));
  assert.equal(imported.title, 'Reviewed');
  const chapter = imported.sections.find((section) => section.kind === 'chapter')!;
  assert.match(jsonText(chapter.content), /^The Lot\n/);
  // As accepted so far: the proposed word left out, the struck words still there.
  assert.match(jsonText(acceptedContent(chapter.content)), /The rain fell on the lot all night\. Nobody came\./);
  assert.equal(countWords(jsonText(acceptedContent(chapter.content))), countWords('The Lot The rain fell on the lot all night. Nobody came. Morning did.'));
});

test('a Word comment comes in as a thread on the text it was made on, across paragraphs', async () => {
  const imported = await importFile({ name: 'Reviewed.docx', bytes: await reviewedDocx() });
  assert.equal(imported.threads.length, 1);
  const [thread] = imported.threads;
  assert.equal(thread.comment.author, 'Tom Reed');
  assert.equal(thread.comment.body, 'Too quiet here.\nAdd a sound?');
  assert.equal(thread.comment.date?.toISOString(), new Date(DATE).toISOString());
  const marked = runs(imported.sections).filter((run) => run.threads.includes(thread.id)).map((run) => run.text);
  assert.deepEqual(marked, ['Nobody came.', 'Morning did.']);
});

test('a Word document without tracked changes or comments imports as before', async () => {
  const plain = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('Just text.')] })] }] });
  const imported = await importFile({ name: 'Plain.docx', bytes: new Uint8Array(await Packer.toBuffer(plain)) });
  assert.deepEqual(imported.threads, []);
  assert.ok(runs(imported.sections).every((run) => !run.suggestion && run.threads.length === 0));
});

test('a deletion nested in another author’s insertion keeps its words, struck; a quoted ">" in an author does not break the reading', async () => {
  const zip = await JSZip.loadAsync(await reviewedDocx());
  const xml = await zip.file('word/document.xml')!.async('string');
  // Word writes text one author proposed and another struck as a deletion inside an insertion.
  const nested = xml.replace(/<w:del\b[\s\S]*?<\/w:del>/, (del) => `<w:ins w:id="9" w:author="Ana &gt; Ben" w:date="${DATE}">${del}</w:ins>`);
  assert.notEqual(nested, xml);
  zip.file('word/document.xml', nested);
  const imported = await importFile({ name: 'Nested.docx', bytes: await zip.generateAsync({ type: 'uint8array' }) });
  const struck = runs(imported.sections).find((run) => run.text === ' all night')!;
  assert.equal(struck.suggestion?.kind, 'deletion');
  assert.equal(wordAuthorName(suggestionAuthor(struck.suggestion!.id)), 'Jane Doe');
  assert.ok(runs(imported.sections).every((run) => !/[\uE000\uE001]/.test(run.text)));
});
