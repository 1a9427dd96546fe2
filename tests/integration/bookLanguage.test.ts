import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { SyncServer } from '../../server/sync/createSyncServer';
import { metaMap } from '@model/manuscript/manuscriptLayout';
import { languageTag, readLanguage } from '@model/manuscript/bookLanguage';
import { writeManuscriptToDocuments, documentsToManuscript } from '@model/manuscript/manuscriptDocuments';
import { manuscriptCreator } from '../../server/manuscripts/manuscriptCreator';
import { manuscriptExporter } from '../../server/export/manuscriptExporter';
import { newManuscript } from '../../server/manuscripts/newManuscript';
import { importFile } from '../../server/import/importFile';
import { importOutline } from '../../server/import/importOutline';
import { splitFrontMatter } from '../../server/import/markdownFrontMatter';
import { createTempDatabase, type TempDatabase } from '../support/tempDatabase';
import { connectStockClient } from '../support/stockClient';
import { createAccount, createOwnedManuscript } from '../support/members';
import { startTestSyncServer } from '../support/testSyncServer';
import { retryUntil } from '../support/retryUntil';
import { fileScope } from '../support/testScope';

let database: TempDatabase;
let server: SyncServer;

before(async (t) => {
  database = await createTempDatabase(fileScope(t));
  server = await startTestSyncServer(fileScope(t), database.prisma);
  process.env.SYNC_INTERNAL_URL = `ws://127.0.0.1:${server.port}`;
});

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

test('language tags are checked and put in canonical form; a book without one is English', () => {
  assert.equal(languageTag('en-gb'), 'en-GB');
  assert.equal(languageTag('pt_BR'), 'pt-BR');
  assert.equal(languageTag('zh-hant-tw'), 'zh-Hant-TW');
  for (const bad of ['', 'english please', '<script>', 'x'.repeat(40), 42, null]) assert.equal(languageTag(bad), undefined, String(bad));
  const { book, sections } = writeManuscriptToDocuments(newManuscript('Untitled'));
  assert.equal(readLanguage(book), 'en');
  assert.equal(documentsToManuscript(book, (id) => sections.get(id)).language, undefined, 'no language is invented for a book that never set one');
  const german = writeManuscriptToDocuments(newManuscript('Der Titel', 'de'));
  assert.equal(documentsToManuscript(german.book, (id) => german.sections.get(id)).language, 'de');
});

test('a book in German exports as German: EPUB and HTML metadata, Word’s run language, German quotation marks in print', async () => {
  const ada = await createAccount(database.prisma, 'Ada Quill');
  const manuscript = newManuscript('Die Laterne', 'de');
  const chapter = manuscript.sections.find((section) => section.kind === 'chapter')!;
  chapter.content = {
    type: 'doc',
    content: [{ type: 'chapter', content: [{ type: 'chapterTitle', content: [{ type: 'text', text: 'Anfang' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'Sie sagte "nein" und ging hinaus.' }] }] }],
  };
  const id = await manuscriptCreator(database.prisma, manuscript, { ownerId: ada.userId, layout: 'sections' });
  assert.match(text((await manuscriptExporter(database.prisma, id, 'html')).bytes), /<html lang="de">/);
  const epub = await JSZip.loadAsync((await manuscriptExporter(database.prisma, id, 'epub')).bytes);
  const opf = await epub.file(/\.opf$/)[0].async('string');
  assert.match(opf, /<dc:language>de<\/dc:language>/);
  const docx = await JSZip.loadAsync((await manuscriptExporter(database.prisma, id, 'docx')).bytes);
  const styles = await docx.file('word/styles.xml')!.async('string');
  assert.match(styles, /<w:lang w:val="de"/);
  const body = await docx.file('word/document.xml')!.async('string');
  assert.ok(body.includes('„nein“'), 'German quotation marks in the book’s Word file');
  assert.match(text((await manuscriptExporter(database.prisma, id, 'pdf')).bytes), /\/Lang \(de\)/);
});

test('a co-writer changing the book’s language live changes what the next export says', async (t) => {
  const { id, owner } = await createOwnedManuscript(database.prisma, 'Shared book', { layout: 'sections' });
  const client = connectStockClient(t, server.port, id, owner.token);
  await client.synced;
  assert.equal(readLanguage(client.doc), 'en');
  metaMap(client.doc).set('language', 'fr');
  await retryUntil(async () => assert.match(text((await manuscriptExporter(database.prisma, id, 'html')).bytes), /<html lang="fr">/));
  // A tag the book document cannot vouch for is never written into an export.
  metaMap(client.doc).set('language', '"><script>');
  await retryUntil(async () => assert.match(text((await manuscriptExporter(database.prisma, id, 'html')).bytes), /<html lang="en">/));
});

test('a Markdown file’s front matter gives the book its title and language, and none of it becomes text', async () => {
  const source = '---\ntitle: "Le Phare"\nauthor: Ada\nlang: fr-FR\n---\n\n# Chapitre 1\n\nIl pleuvait.\n';
  const imported = await importFile({ name: 'phare.md', bytes: new TextEncoder().encode(source) });
  assert.equal(imported.title, 'Le Phare');
  assert.equal(imported.titleStated, true);
  assert.equal(imported.language, 'fr-FR');
  assert.equal(importOutline(imported).language, 'fr-FR');
  assert.doesNotMatch(JSON.stringify(imported.sections), /author|lang:|title:/);
  // Not front matter: rules around prose, or YAML that is not a mapping, stay the writer's text.
  assert.deepEqual(splitFrontMatter('---\njust a line between rules\n---\nText').frontMatter, {});
  assert.equal(splitFrontMatter('---\n: : bad yaml [\n---\nText').body, '---\n: : bad yaml [\n---\nText');
  // A language the file gets wrong is ignored, not trusted.
  assert.equal(splitFrontMatter('---\nlang: not a language\n---\n').frontMatter.language, undefined);
});

test('a Word document’s language comes with it; a file that says none leaves the choice to the writer', async () => {
  const document = new Document({
    styles: { default: { document: { run: { language: { value: 'de-DE' } } } } },
    sections: [{ children: [new Paragraph({ children: [new TextRun('Es war einmal ein König, der hatte einen Garten.')] })] }],
  });
  const imported = await importFile({ name: 'Märchen.docx', bytes: new Uint8Array(await Packer.toBuffer(document)) });
  assert.equal(imported.language, 'de-DE');
  const plain = await importFile({ name: 'story.txt', bytes: new TextEncoder().encode('Once upon a time.') });
  assert.equal(plain.language, undefined);
  assert.equal(importOutline(plain).language, undefined);
});
