import { test, expect } from './fixtures';

test('the library creates a manuscript with a dedication, an empty epigraph and Chapter 1', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('New manuscript').fill('A Fresh Start');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/m\/[a-z0-9]+$/);
  await expect(page.getByTestId('manuscript-title')).toHaveValue('A Fresh Start');
  await expect.poll(() => page.getByTestId('binder-label').allTextContents()).toEqual(['Dedication', 'Epigraphs', 'Chapter 1']);
  await page.getByRole('button', { name: /Epigraphs/ }).click();
  await expect(page.locator('.ms-epigraph')).toHaveCount(1);

  await page.goto('/');
  await expect(page.getByTestId('library-list')).toContainText('A Fresh Start');
});

test('a title is required and an unknown manuscript answers not found', async ({ page, request }) => {
  const response = await request.post('/api/manuscripts', { data: { title: '   ' } });
  expect(response.status()).toBe(400);
  expect((await response.json()).error).toBe('Give the manuscript a title.');
  const missing = await page.goto('/m/no-such-book');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});

test('the sample novel opens with its front matter and first chapter', async ({ page }) => {
  await page.goto('/m/sample');
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
