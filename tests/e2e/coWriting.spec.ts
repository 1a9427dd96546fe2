import { test, expect } from './fixtures';

type Page = import('@playwright/test').Page;
const binderLabels = (page: Page) => page.getByTestId('binder-label').allTextContents();

/** Clicks one of a binder row's actions, which show when the pointer is over the row. */
async function binderAction(page: Page, label: string, button: string) {
  await page.getByTestId('binder-item').filter({ has: page.getByTestId('binder-label').getByText(label, { exact: true }) }).hover();
  await page.getByRole('button', { name: button, exact: true }).click();
}

test('text typed in one window appears in the other, with each writer’s name on their caret', async ({ manuscriptId, openAsWriter }) => {
  const ada = await openAsWriter(manuscriptId, 'Ada', '#be123c');
  const ben = await openAsWriter(manuscriptId, 'Ben', '#1d4ed8');

  await ada.locator('.manuscript-page p').first().click();
  await ada.keyboard.type('Ada opens the scene.');
  await expect(ben.getByTestId('editor')).toContainText('Ada opens the scene.');

  await ben.locator('.manuscript-page p').first().click();
  await ben.keyboard.press('End');
  await ben.keyboard.type(' Ben answers.');
  await expect(ada.getByTestId('editor')).toContainText('Ada opens the scene. Ben answers.');

  await expect(ada.locator('.collab-caret-label', { hasText: 'Ben' })).toBeVisible();
  await expect(ben.locator('.collab-caret-label', { hasText: 'Ada' })).toBeVisible();
  await expect(ada.getByTestId('presence')).toContainText('Ben');
  await expect(ben.getByTestId('presence')).toContainText('Ada');
  await expect(ada.getByTestId('connection-saved')).toHaveText('All changes saved');
});

test('chapters added, renamed, reordered and deleted in one window change the other’s binder', async ({ manuscriptId, openAsWriter }) => {
  const ada = await openAsWriter(manuscriptId, 'Ada', '#be123c');
  const ben = await openAsWriter(manuscriptId, 'Ben', '#1d4ed8');
  ada.on('dialog', (dialog) => void dialog.accept());

  await ada.getByRole('button', { name: '+ Add chapter' }).click();
  await ada.locator('.ms-chapter-title').click();
  await ada.keyboard.type('The Second');
  await expect.poll(() => binderLabels(ben)).toEqual(['Dedication', 'Epigraphs', 'Chapter 1', 'The Second']);

  await binderAction(ben, 'Chapter 1', 'Rename Chapter 1');
  await ben.getByLabel('Chapter title').fill('The First');
  await ben.getByLabel('Chapter title').press('Enter');
  await expect.poll(() => binderLabels(ada)).toEqual(['Dedication', 'Epigraphs', 'The First', 'The Second']);

  await binderAction(ada, 'The Second', 'Move The Second up');
  await expect.poll(() => binderLabels(ben)).toEqual(['Dedication', 'Epigraphs', 'The Second', 'The First']);

  await binderAction(ada, 'The First', 'Delete The First');
  await expect.poll(() => binderLabels(ben)).toEqual(['Dedication', 'Epigraphs', 'The Second']);
});

test('reload shows the text, even with the sync server down, and offline edits merge when it returns', async ({
  manuscriptId,
  openAsWriter,
  syncServer,
}) => {
  const ada = await openAsWriter(manuscriptId, 'Ada', '#be123c');
  await ada.locator('.manuscript-page p').first().click();
  await ada.keyboard.type('Written before the reload.');
  await expect(ada.getByTestId('connection-saved')).toHaveText('All changes saved');
  await ada.reload();
  await expect(ada.getByTestId('editor')).toContainText('Written before the reload.');

  await syncServer.crash();
  await ada.reload();
  await expect(ada.getByTestId('editor')).toContainText('Written before the reload.');
  await expect(ada.getByTestId('connection-link')).toHaveText(/Offline|Connecting…/);
  await ada.locator('.manuscript-page p').first().click();
  await ada.keyboard.press('End');
  await ada.keyboard.type(' Typed while offline.');
  await expect(ada.getByTestId('connection-saved')).toHaveText('Changes kept on this device');

  await syncServer.start();
  await expect(ada.getByTestId('connection-link')).toHaveText('Connected', { timeout: 20_000 });
  await expect(ada.getByTestId('connection-saved')).toHaveText('All changes saved');
  const ben = await openAsWriter(manuscriptId, 'Ben', '#1d4ed8');
  await expect(ben.getByTestId('editor')).toContainText('Written before the reload. Typed while offline.');
});
