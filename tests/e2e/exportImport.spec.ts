import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, expectConnected, fromApp, workspaceAction } from './fixtures';
import { SEEDS_DIR } from '../support/seedFiles';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

test('a chapter exports from its menu in the binder, and the book (or chosen chapters) from the export panel', async ({ manuscript, openAs }) => {
  const page = await openAs(manuscript.owner, `/m/${manuscript.id}`);
  await expectConnected(page);
  await page.locator('.ms-chapter-title').click();
  await page.keyboard.type('First Light');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The harbour woke before the gulls did.');
  await expect(page.getByTestId('connection-saved')).toHaveText('All changes saved');
  // The server reads the stored text; give the binder's rename time to be stored too.
  await expect(page.getByTestId('binder-label')).toContainText(['First Light']);

  const chapterRow = page.getByTestId('binder-item').filter({ hasText: 'First Light' });
  await chapterRow.hover();
  await chapterRow.getByLabel('Export First Light', { exact: true }).click();
  const markdownDownload = page.waitForEvent('download');
  await chapterRow.getByRole('menuitem', { name: 'Markdown (.md)' }).click();
  const markdown = await markdownDownload;
  expect(markdown.suggestedFilename()).toMatch(/^E2E a chapter exports from its menu.* - Chapter 1 - First Light\.md$/);
  const markdownText = readFileSync(await markdown.path(), 'utf8');
  expect(markdownText).toContain('## Chapter 1: First Light');
  expect(markdownText).toContain('The harbour woke before the gulls did.');

  await workspaceAction(page, 'Export');
  const panel = page.getByTestId('export-panel');
  await panel.getByLabel('EPUB (e-book)').check();
  const epubDownload = page.waitForEvent('download');
  await panel.getByTestId('export-download').click();
  const epub = await epubDownload;
  expect(epub.suggestedFilename()).toMatch(/^E2E a chapter exports.*\.epub$/);
  const epubBytes = readFileSync(await epub.path());
  expect(epubBytes.subarray(30, 38).toString()).toBe('mimetype');

  await panel.getByLabel('Standard Manuscript Format (.docx)').check();
  await panel.getByLabel('Chosen sections').check();
  await expect(panel.getByTestId('export-download')).toHaveCount(0);
  await panel.getByTestId('export-sections').getByLabel(/First Light/).check();
  const smfDownload = page.waitForEvent('download');
  await panel.getByTestId('export-download').click();
  const smf = await smfDownload;
  expect(smf.suggestedFilename()).toMatch(/ - Chapter 1 - First Light - manuscript\.docx$/);
});

test('the export route checks membership and answers bad requests clearly', async ({ manuscript, makeAccount, openAs }) => {
  const stranger = await makeAccount('Stranger');
  const viewer = await makeAccount('Vera', { manuscriptId: manuscript.id, role: 'viewer' });
  const strangerPage = await openAs(stranger, '/');
  const refused = await strangerPage.request.get(`/api/manuscripts/${manuscript.id}/export?format=pdf`);
  expect(refused.status()).toBe(404);
  expect(await refused.json()).toEqual({ error: 'There is no such manuscript.' });

  const viewerPage = await openAs(viewer, '/');
  const pdf = await viewerPage.request.get(`/api/manuscripts/${manuscript.id}/export?format=pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['content-disposition']).toMatch(/^attachment; filename="E2E the export route.*\.pdf"; filename\*=UTF-8''/);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const docx = await viewerPage.request.get(`/api/manuscripts/${manuscript.id}/export?format=docx`);
  expect(docx.headers()['content-type']).toBe(DOCX_TYPE);

  const badFormat = await viewerPage.request.get(`/api/manuscripts/${manuscript.id}/export?format=rtf`);
  expect(badFormat.status()).toBe(400);
  expect((await badFormat.json()).error).toMatch(/Say which format/);
  const badSection = await viewerPage.request.get(`/api/manuscripts/${manuscript.id}/export?format=html&sections=nope`);
  expect(badSection.status()).toBe(404);
});

test('importing a draft shows its structure first, creates nothing until confirmed, and refuses a broken file', async ({ makeAccount, openAs, prisma, baseURL }) => {
  const writer = await makeAccount('Imogen');
  const page = await openAs(writer, '/');
  const owned = () => prisma.membership.count({ where: { userId: writer.userId } });

  await page.getByTestId('import-file').setInputFiles({ name: 'broken.docx', mimeType: DOCX_TYPE, buffer: Buffer.from('PK\u0003\u0004 not really a zip') });
  await expect(page.getByTestId('import-error')).toContainText('could not be read as a Word document');
  await page.getByTestId('import-file').setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await expect(page.getByTestId('import-error')).toContainText('is empty');
  const wrongType = await page.request.post('/api/manuscripts/import', {
    multipart: { file: { name: 'novel.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') }, confirm: 'true' },
    headers: fromApp(baseURL),
  });
  expect(wrongType.status()).toBe(415);
  expect((await wrongType.json()).error).toMatch(/imports \.txt, \.md and \.docx files/);
  const tooBig = await page.request.post('/api/manuscripts/import', {
    multipart: { file: { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(11 * 1024 * 1024, 'a') }, confirm: 'true' },
    headers: fromApp(baseURL),
  });
  expect(tooBig.status()).toBe(413);
  expect((await tooBig.json()).error).toMatch(/larger than the 10 MB import limit/);
  expect(await owned()).toBe(0);

  await page.getByTestId('import-file').setInputFiles(path.join(SEEDS_DIR, '004_80a059feb473feb6.txt'));
  const preview = page.getByTestId('import-preview');
  await expect(preview.getByTestId('import-section')).toHaveCount(3);
  await expect(preview.getByTestId('import-section').nth(0)).toContainText('Dedication');
  await expect(preview.getByTestId('import-section').nth(1)).toContainText('2 epigraphs');
  await expect(preview.getByTestId('import-section').nth(2)).toContainText('Chapter 1: Call Time: 4:00 AM');
  await expect(preview.getByTestId('import-section').nth(2)).toContainText('4 scene headings');
  expect(await owned()).toBe(0);

  await preview.getByTestId('import-title').fill('Call Time, imported');
  await preview.getByTestId('import-confirm').click();
  await expect(page).toHaveURL(/\/m\/[a-z0-9]+$/);
  await expectConnected(page);
  await expect(page.getByTestId('manuscript-title')).toHaveValue('Call Time, imported');
  await expect.poll(() => page.getByTestId('binder-label').allTextContents()).toEqual(['Dedication', 'Epigraphs', 'Call Time: 4:00 AM']);
  await expect(page.locator('.ms-scene-heading')).toHaveCount(4);
  expect(await owned()).toBe(1);
});

test('chapters imported into an open book appear for a co-writer at once; readers may not import', async ({ manuscript, makeAccount, openAs, baseURL }) => {
  const ben = await makeAccount('Ben', { manuscriptId: manuscript.id, role: 'editor' });
  const vera = await makeAccount('Vera', { manuscriptId: manuscript.id, role: 'viewer' });
  const ada = await openAs(manuscript.owner, `/m/${manuscript.id}`);
  const benPage = await openAs(ben, `/m/${manuscript.id}`);
  await expectConnected(ada);
  await expectConnected(benPage);

  await workspaceAction(ada, 'Import');
  const panel = ada.getByTestId('import-panel');
  await panel.getByTestId('import-file').setInputFiles({
    name: 'more.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('## Chapter 1: The Return\n\nShe came back.\n\n***\n\nShe stayed.\n\n## Chapter 2: The Stay\n\nAnd *stayed*.\n'),
  });
  await expect(panel.getByTestId('import-section')).toHaveCount(2);
  await expect(panel.getByTestId('import-section').nth(0)).toContainText('1 scene break');
  // Numbered as they will be in this book, which already has a Chapter 1.
  await expect(panel.getByTestId('import-section').nth(0)).toContainText('Chapter 2: The Return');
  await expect(panel.getByTestId('import-section').nth(1)).toContainText('Chapter 3: The Stay');
  await panel.getByTestId('import-confirm').click();
  await expect(panel.getByTestId('import-done')).toHaveText(/Added 2 sections/);
  await expect.poll(() => benPage.getByTestId('binder-label').allTextContents()).toEqual(['Dedication', 'Epigraphs', 'Chapter 1', 'The Return', 'The Stay']);
  await benPage.getByRole('button', { name: /The Stay/ }).first().click();
  await expect(benPage.getByTestId('editor').locator('em')).toHaveText('stayed');

  const veraPage = await openAs(vera, '/');
  const refused = await veraPage.request.post(`/api/manuscripts/${manuscript.id}/import`, {
    multipart: { file: { name: 'x.md', mimeType: 'text/markdown', buffer: Buffer.from('## Chapter 1\n\nText.') }, confirm: 'true' },
    headers: fromApp(baseURL),
  });
  expect(refused.status()).toBe(403);
});

test('the import preview fixes what detection got wrong: a section’s kind, a false heading made text, a chapter split, before anything is created', async ({ makeAccount, openAs, prisma }) => {
  const writer = await makeAccount('Iris');
  const page = await openAs(writer, '/');
  const owned = () => prisma.membership.count({ where: { userId: writer.userId } });
  const draft = ['# The Lot', '## For Mara', 'Who waited.', '## Chapter 1', 'It began in the rain.', 'She read the letter:', '## Chapter 12', 'of the contract says the lot is ours.', 'A second chapter, never headed.', 'It went on.'].join('\n\n');
  await page.getByTestId('import-file').setInputFiles({ name: 'misread.md', mimeType: 'text/markdown', buffer: Buffer.from(draft) });
  const preview = page.getByTestId('import-preview');
  const sections = preview.getByTestId('import-section');
  await expect(sections).toHaveCount(3);
  await expect(sections.nth(0)).toContainText('Chapter 1: For Mara');

  await preview.getByLabel('Kind of section 1').selectOption('dedication');
  await expect(sections.nth(0)).toContainText('Dedication');
  await expect(sections.nth(1)).toContainText('Chapter 1');
  // "Chapter 12" was a line of the letter: its section is the text of the one before.
  await preview.getByLabel('Kind of section 3').selectOption('text');
  await expect(sections).toHaveCount(2);
  await expect(preview).toContainText('2 corrections');
  // And the chapter really is two: split it where the second one starts.
  await sections.nth(1).getByText('Split…').click();
  await sections.nth(1).getByRole('listitem').filter({ hasText: 'A second chapter, never headed' }).getByRole('button', { name: 'New chapter here' }).click();
  await expect(sections).toHaveCount(3);
  await expect(sections.nth(2)).toContainText('Chapter 2');
  await expect(sections.nth(2)).toContainText('A second chapter, never headed');
  expect(await owned()).toBe(0);

  await preview.getByTestId('import-confirm').click();
  await expect(page).toHaveURL(/\/m\/[a-z0-9]+$/);
  await expectConnected(page);
  await expect.poll(() => page.getByTestId('binder-label').allTextContents()).toEqual(['Dedication', 'Chapter 1', 'Chapter 2']);
  await expect(page.getByTestId('editor').locator('p', { hasText: 'Chapter 12' })).toHaveCount(1);
  expect(await owned()).toBe(1);
});
