import { test, expect, expectConnected, type Account } from './fixtures';

type Page = import('@playwright/test').Page;
const binderLabels = (page: Page) => page.getByTestId('binder-label').allTextContents();

/** Clicks one of a binder row's actions, which show when the pointer is over the row. */
async function binderAction(page: Page, label: string, button: string) {
  await page.getByTestId('binder-item').filter({ has: page.getByTestId('binder-label').getByText(label, { exact: true }) }).hover();
  await page.getByRole('button', { name: button, exact: true }).click();
}

test.describe('co-writing', () => {
  let ada: Account;
  let ben: Account;
  test.beforeEach(async ({ manuscript, makeAccount }) => {
    ada = manuscript.owner;
    ben = await makeAccount('Ben', { manuscriptId: manuscript.id, role: 'editor' });
  });

  test('text typed in one window appears in the other, with each writer’s name on their caret', async ({ manuscript, openAs }) => {
    const adaPage = await openAs(ada, `/m/${manuscript.id}`, '#be123c');
    const benPage = await openAs(ben, `/m/${manuscript.id}`, '#1d4ed8');
    await expectConnected(adaPage);
    await expectConnected(benPage);

    await adaPage.locator('.manuscript-page p').first().click();
    await adaPage.keyboard.type('Ada opens the scene.');
    await expect(benPage.getByTestId('editor')).toContainText('Ada opens the scene.');

    await benPage.locator('.manuscript-page p').first().click();
    await benPage.keyboard.press('End');
    await benPage.keyboard.type(' Ben answers.');
    await expect(adaPage.getByTestId('editor')).toContainText('Ada opens the scene. Ben answers.');

    await expect(adaPage.locator('.collab-caret-label', { hasText: 'Ben' })).toBeVisible();
    await expect(benPage.locator('.collab-caret-label', { hasText: 'Owner' })).toBeVisible();
    await expect(adaPage.getByTestId('presence')).toContainText('Ben');
    await expect(benPage.getByTestId('presence')).toContainText('Owner');
    await expect(adaPage.getByTestId('connection-saved')).toHaveText('All changes saved');
  });

  test('chapters added, renamed, reordered and deleted in one window change the other’s binder', async ({ manuscript, openAs }) => {
    const adaPage = await openAs(ada, `/m/${manuscript.id}`);
    const benPage = await openAs(ben, `/m/${manuscript.id}`);
    await expectConnected(adaPage);
    await expectConnected(benPage);
    adaPage.on('dialog', (dialog) => void dialog.accept());

    await adaPage.getByRole('button', { name: '+ Add chapter' }).click();
    await adaPage.locator('.ms-chapter-title').click();
    await adaPage.keyboard.type('The Second');
    await expect.poll(() => binderLabels(benPage)).toEqual(['Dedication', 'Epigraphs', 'Chapter 1', 'The Second']);

    await binderAction(benPage, 'Chapter 1', 'Rename Chapter 1');
    await benPage.getByLabel('Chapter title').fill('The First');
    await benPage.getByLabel('Chapter title').press('Enter');
    await expect.poll(() => binderLabels(adaPage)).toEqual(['Dedication', 'Epigraphs', 'The First', 'The Second']);

    await binderAction(adaPage, 'The Second', 'Move The Second up');
    await expect.poll(() => binderLabels(benPage)).toEqual(['Dedication', 'Epigraphs', 'The Second', 'The First']);

    await binderAction(adaPage, 'The First', 'Delete The First');
    await expect.poll(() => binderLabels(benPage)).toEqual(['Dedication', 'Epigraphs', 'The Second']);
  });

  test('reload shows the text, even with the sync server down, and offline edits merge when it returns', async ({ manuscript, openAs, syncServer }) => {
    const adaPage = await openAs(ada, `/m/${manuscript.id}`);
    await expectConnected(adaPage);
    await adaPage.locator('.manuscript-page p').first().click();
    await adaPage.keyboard.type('Written before the reload.');
    await expect(adaPage.getByTestId('connection-saved')).toHaveText('All changes saved');
    await adaPage.reload();
    await expect(adaPage.getByTestId('editor')).toContainText('Written before the reload.');

    await syncServer.crash();
    await adaPage.reload();
    await expect(adaPage.getByTestId('editor')).toContainText('Written before the reload.');
    await expect(adaPage.getByTestId('connection-link')).toHaveText(/Offline|Connecting…/);
    await adaPage.locator('.manuscript-page p').first().click();
    await adaPage.keyboard.press('End');
    await adaPage.keyboard.type(' Typed while offline.');
    await expect(adaPage.getByTestId('connection-saved')).toHaveText('Changes kept on this device');

    await syncServer.start();
    await expect(adaPage.getByTestId('connection-link')).toHaveText('Connected', { timeout: 20_000 });
    await expect(adaPage.getByTestId('connection-saved')).toHaveText('All changes saved');
    const benPage = await openAs(ben, `/m/${manuscript.id}`);
    await expect(benPage.getByTestId('editor')).toContainText('Written before the reload. Typed while offline.');
  });
});
