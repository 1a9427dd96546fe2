import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SyncServer } from '../../server/sync/createSyncServer';
import { listSections } from '@model/manuscript/manuscriptLayout';
import { readChapterTitle } from '@model/manuscript/sectionTitle';
import { HttpError } from '../../server/http/HttpError';
import { manuscriptCreator } from '../../server/manuscripts/manuscriptCreator';
import { manuscriptExporter } from '../../server/export/manuscriptExporter';
import { EXPORT_FORMATS, type ExportFormat } from '@model/export/exportFormats';
import { importAppender } from '../../server/import/importAppender';
import { importFile } from '../../server/import/importFile';
import { listRevisions } from '../../server/revisions/listRevisions';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient } from '../support/stockClient';
import { createAccount, createMember, createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { retryUntil } from '../support/retryUntil';
import { everythingManuscript } from '../support/exportFixtures';
import { fileScope } from '../support/testScope';
import { REVIEW_DATE, reviewedDocx } from '../support/reviewedDocx';
import { storeImportedThreads } from '../../server/comments/importedThreads';
import { settleBookSuggestions } from '../../server/suggestions/settleBookSuggestions';
import { compareRevisions } from '../../server/revisions/compareRevisions';
import { newSuggestionId } from '@model/suggestions/suggestionId';
import JSZip from 'jszip';

let database: TempDatabase;
let server: SyncServer;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  server = await startTestSyncServer(fileScope(t), database.prisma);
  process.env.SYNC_INTERNAL_URL = `ws://127.0.0.1:${server.port}`;
});

/** The everything book stored as a manuscript owned by Ada, with Ben as editor and Vera as viewer. */
async function storedBook() {
  const ada = await createAccount(database.prisma, 'Ada Quill');
  const id = await manuscriptCreator(database.prisma, everythingManuscript(), { ownerId: ada.userId });
  await createMember(database.prisma, id, 'editor', 'Ben Marsh');
  await createMember(database.prisma, id, 'viewer', 'Vera Reed');
  return { id, ada };
}

test('every format exports from the stored manuscript with its content type and a file name from the title', async () => {
  const { id } = await storedBook();
  const signatures: Record<ExportFormat, (bytes: Uint8Array) => boolean> = {
    pdf: (b) => Buffer.from(b.subarray(0, 5)).toString() === '%PDF-',
    docx: (b) => b[0] === 0x50 && b[1] === 0x4b,
    smf: (b) => b[0] === 0x50 && b[1] === 0x4b,
    epub: (b) => b[0] === 0x50 && b[1] === 0x4b,
    html: (b) => Buffer.from(b).toString().startsWith('<!DOCTYPE html>'),
    markdown: (b) => Buffer.from(b).toString().startsWith('# The Lantern & the Tide'),
  };
  for (const format of Object.keys(EXPORT_FORMATS) as ExportFormat[]) {
    const file = await manuscriptExporter(database.prisma, id, format);
    assert.equal(file.contentType, EXPORT_FORMATS[format].contentType);
    const expectedName = format === 'smf' ? 'The Lantern & the Tide - manuscript.docx' : `The Lantern & the Tide.${EXPORT_FORMATS[format].extension}`;
    assert.equal(file.fileName, expectedName);
    assert.ok(signatures[format](file.bytes), `${format} starts like a ${format} file`);
  }
});

test('authors are the owners then the editors; viewers are not authors', async () => {
  const { id } = await storedBook();
  const html = Buffer.from((await manuscriptExporter(database.prisma, id, 'html')).bytes).toString();
  assert.match(html, /<p class="authors">Ada Quill and Ben Marsh<\/p>/);
  assert.doesNotMatch(html, /Vera/);
});

test('a chapter exports alone under its own heading and number; unknown sections are refused', async () => {
  const { id } = await storedBook();
  const file = await manuscriptExporter(database.prisma, id, 'markdown', { sectionIds: ['ch3'] });
  assert.equal(file.fileName, 'The Lantern & the Tide - Chapter 3 - Spring Tide.md');
  const text = Buffer.from(file.bytes).toString();
  assert.match(text, /^## Chapter 3: Spring Tide$/m);
  assert.doesNotMatch(text, /Low Water|Dedication|Epigraphs/);
  await assert.rejects(manuscriptExporter(database.prisma, id, 'pdf', { sectionIds: ['ch3', 'gone'] }), (error: unknown) => error instanceof HttpError && error.status === 404);
  await assert.rejects(manuscriptExporter(database.prisma, 'no-such-manuscript', 'pdf'), (error: unknown) => error instanceof HttpError && error.status === 404);
});

test('appending an import reaches a connected co-writer live, in order, and is recorded in the history', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Growing book');
  const client = connectStockClient(t, server.port, id, owner.token);
  await client.synced;
  const before = listSections(client.doc).map((s) => s.kind);
  const imported = await importFile({
    name: 'more.md',
    bytes: new TextEncoder().encode('## Dedication\n\nFor Sam.\n\n# Part Two: Later\n\n## Chapter 1: The Return\n\nShe came back.\n\n## Chapter 2: The Stay\n\nShe stayed.'),
  });
  const added = await importAppender(database.prisma, { manuscriptId: id, userId: owner.userId, imported, fileName: 'more.md' });
  assert.equal(added.length, 4);
  await retryUntil(() => {
    const sections = listSections(client.doc);
    // The dedication joins the front matter; the part and chapters go after the last chapter.
    assert.deepEqual(
      sections.map((s) => s.kind),
      [...before.filter((k) => k !== 'chapter'), 'dedication', ...before.filter((k) => k === 'chapter'), 'part', 'chapter', 'chapter'],
    );
    assert.deepEqual(sections.slice(-3).map((s) => readChapterTitle(client.doc, s.id)), ['Later', 'The Return', 'The Stay']);
  });
  const revisions = await listRevisions(database.prisma, id);
  assert.equal(revisions[0].name, 'Imported “more.md”');
});

test('a Word document reviewed in Word: its comments become threads, its tracked changes suggestions, and both go back out to Word', async () => {
  const ada = await createAccount(database.prisma, 'Ada Quill');
  const imported = await importFile({ name: 'Reviewed.docx', bytes: await reviewedDocx() });
  const id = await manuscriptCreator(database.prisma, imported, { ownerId: ada.userId });
  assert.equal(await storeImportedThreads(database.prisma, id, ada.userId, imported.threads), 1);
  const [thread] = await database.prisma.commentThread.findMany({ where: { manuscriptId: id }, include: { comments: true } });
  assert.equal(thread.quote, 'Nobody came. Morning did.');
  assert.equal(thread.createdById, ada.userId);
  assert.equal(thread.comments[0].body, 'Tom Reed (in Word): Too quiet here.\nAdd a sound?');
  assert.equal(thread.createdAt.toISOString(), new Date(REVIEW_DATE).toISOString());

  // As accepted text (the default), nothing of the review shows; with suggestions shown, Word gets it all back.
  const accepted = await JSZip.loadAsync((await manuscriptExporter(database.prisma, id, 'docx')).bytes);
  const acceptedXml = await accepted.file('word/document.xml')!.async('string');
  assert.doesNotMatch(acceptedXml, /<w:ins |<w:del |commentRangeStart/);
  assert.doesNotMatch(acceptedXml, / hard/);
  assert.equal(accepted.file('word/comments.xml'), null);
  const shown = await JSZip.loadAsync((await manuscriptExporter(database.prisma, id, 'docx', { showSuggestions: true })).bytes);
  const shownXml = await shown.file('word/document.xml')!.async('string');
  assert.match(shownXml, /<w:ins [^>]*w:author="Jane Doe"[^>]*>[\s\S]*? hard</);
  assert.match(shownXml, /<w:del [^>]*w:author="Jane Doe"[^>]*>[\s\S]*? all night</);
  assert.match(shownXml, /<w:commentRangeStart w:id="1"\/>/);
  assert.match(await shown.file('word/comments.xml')!.async('string'), /w:author="Ada Quill"[\s\S]*Ada Quill: Tom Reed \(in Word\): Too quiet here\./);
  // Formats that cannot show suggestions say so.
  await assert.rejects(manuscriptExporter(database.prisma, id, 'markdown', { showSuggestions: true }), (error: HttpError) => error.status === 400);
});

test('accepting every suggestion in the book: the history records it, and its compare says who accepted what and whose words they are', async () => {
  const ada = await createAccount(database.prisma, 'Ada Quill');
  const ben = await createAccount(database.prisma, 'Ben Marsh');
  const proposal = newSuggestionId(ben.userId);
  const manuscript = everythingManuscript();
  const chapter = manuscript.sections.find((section) => section.kind === 'chapter')!;
  const paragraph = chapter.content.content![0].content!.find((node) => node.type === 'paragraph')!;
  paragraph.content!.push({ type: 'text', text: ' Heavy rain.', marks: [{ type: 'insertion', attrs: { id: proposal } }] });
  const id = await manuscriptCreator(database.prisma, manuscript, { ownerId: ada.userId });
  await database.prisma.membership.create({ data: { manuscriptId: id, userId: ben.userId, role: 'editor' } });
  assert.equal(await settleBookSuggestions(database.prisma, { manuscriptId: id, userId: ada.userId, accept: true }), 1);
  const [after, before] = await listRevisions(database.prisma, id);
  assert.equal(after.name, 'Accepted every suggestion');
  const diff = await compareRevisions(database.prisma, id, before.id, after.id);
  const changed = diff.sections.find((section) => section.id === chapter.id)!;
  assert.deepEqual(
    changed.suggestions?.settled.map((s) => [s.inserted, s.authorName, s.outcome, s.settledBy]),
    [[' Heavy rain.', 'Ben Marsh', 'accepted', 'Ada Quill']],
  );
  assert.equal(changed.added, 2, 'the accepted words arrive in the accepted text');
  // Settled through the live documents: nothing is pending any more.
  const now = await compareRevisions(database.prisma, id, after.id, 'now');
  assert.ok(now.sections.every((section) => !section.suggestions));
});
