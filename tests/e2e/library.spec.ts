import { test, expect, expectConnected, fromApp } from './fixtures';
import { DEMO_ACCOUNT } from '../../server/auth/demoAccount';

test('the demo account signs in and finds the sample novel with its front matter and first chapter', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('Email').fill(DEMO_ACCOUNT.email);
  await page.getByLabel('Password').fill(DEMO_ACCOUNT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: /Call Time/ }).click();
  await expectConnected(page);
  await expect.poll(() => page.getByTestId('binder-label').allTextContents()).toEqual(['Dedication', 'Epigraphs', 'Call Time: 4:00 AM']);
  await expect(page.locator('.ms-chapter-title')).toHaveText('Call Time: 4:00 AM');
  await expect(page.locator('.ms-scene-heading')).toHaveText([
    'The Alarm Before Dawn',
    'Gate C, The Waiting Field',
    'Wardrobe & Misfit Identities: Disassembling Self',
    'The Backlot Twilight',
  ]);
  await expect(page.getByTestId('word-total')).toHaveText(/^7,\d{3} words$/);
  await page.getByRole('button', { name: /Epigraphs/ }).click();
  await expect(page.locator('.ms-epigraph-attribution')).toHaveText([
    'Meryl Streep (Modified for the Fictional "Ashes of Empire" Press Kit)',
    'Lena Cruz\'s Acting Coach',
  ]);
});

test('a wrong password is answered with a clear message', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(DEMO_ACCOUNT.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText('That email and password do not match an account.');
});

test('the library creates a manuscript you own, with a dedication, an empty epigraph and Chapter 1', async ({ makeAccount, openAs, baseURL }) => {
  const writer = await makeAccount('Nora');
  const page = await openAs(writer, '/');
  await expect(page.getByText('No manuscripts yet.')).toBeVisible();
  await page.getByLabel('New manuscript').fill('A Fresh Start');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/m\/[a-z0-9]+$/);
  await expect(page.getByTestId('manuscript-title')).toHaveValue('A Fresh Start');
  await expect.poll(() => page.getByTestId('binder-label').allTextContents()).toEqual(['Dedication', 'Epigraphs', 'Chapter 1']);
  await page.getByRole('button', { name: /Epigraphs/ }).click();
  await expect(page.locator('.ms-epigraph')).toHaveCount(1);
  // The owner can share: the header's menu offers it.
  await page.getByRole('button', { name: 'More' }).click();
  await expect(page.getByRole('menuitem', { name: 'Share' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.goto('/');
  await expect(page.getByTestId('library-list')).toContainText('A Fresh Start');
  await expect(page.getByTestId('library-list')).toContainText('owner');

  const blank = await page.context().request.post('/api/manuscripts', { data: { title: '   ' }, headers: fromApp(baseURL) });
  expect(blank.status()).toBe(400);
  expect(await blank.json()).toEqual({ error: 'Give the manuscript a title.' });
  const notJson = await page.context().request.post('/api/manuscripts', { data: 'not json', headers: { 'content-type': 'application/json', ...fromApp(baseURL) } });
  expect(notJson.status()).toBe(400);
});

test('a book is created in a language, which co-writers see and change live, readers only read, and the text carries', async ({ makeAccount, openAs, baseURL }) => {
  const writer = await makeAccount('Greta');
  const page = await openAs(writer, '/');
  await page.getByLabel('New manuscript').fill('Die Laterne');
  await page.getByLabel('Language').selectOption('de');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/m\/[a-z0-9]+$/);
  const manuscriptId = page.url().split('/').pop()!;
  await expectConnected(page);
  await expect(page.getByLabel('Book language')).toHaveValue('de');
  await expect(page.locator('main.workspace-editor')).toHaveAttribute('lang', 'de');

  const editor = await makeAccount('Hanne', { manuscriptId, role: 'editor' });
  const reader = await makeAccount('Ivo', { manuscriptId, role: 'viewer' });
  const hanne = await openAs(editor, `/m/${manuscriptId}`);
  const ivo = await openAs(reader, `/m/${manuscriptId}`);
  await expectConnected(hanne);
  await expectConnected(ivo);
  await expect(ivo.getByLabel('Book language')).toBeDisabled();
  await hanne.getByLabel('Book language').selectOption('fr');
  for (const window of [page, ivo]) {
    await expect(window.getByLabel('Book language')).toHaveValue('fr');
    await expect(window.locator('main.workspace-editor')).toHaveAttribute('lang', 'fr');
  }
  // The export is made from the stored book, at most a second behind the writers.
  await expect.poll(async () => (await page.context().request.get(`/api/manuscripts/${manuscriptId}/export?format=html`)).text()).toContain('<html lang="fr">');

  const wrong = await page.context().request.post('/api/manuscripts', { data: { title: 'X', language: 'Klingon please' }, headers: fromApp(baseURL) });
  expect(wrong.status()).toBe(400);
  expect((await wrong.json()).error).toMatch(/not a language tag/);
});
