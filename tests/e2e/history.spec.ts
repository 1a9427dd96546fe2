import { test, expect, expectConnected, fromApp } from './fixtures';

test('history: name a version, compare, see the change highlighted, restore, and the co-writer sees it', async ({ manuscript, makeAccount, openAs }) => {
  const ben = await makeAccount('Ben', { manuscriptId: manuscript.id, role: 'editor' });
  const owner = await openAs(manuscript.owner, `/m/${manuscript.id}`);
  const benPage = await openAs(ben, `/m/${manuscript.id}`);
  await expectConnected(owner);
  await expectConnected(benPage);
  owner.on('dialog', (dialog) => void dialog.accept());

  await owner.locator('.manuscript-page p').first().click();
  await owner.keyboard.type('The first draft line.');
  await expect(owner.getByTestId('connection-saved')).toHaveText('All changes saved');
  await owner.getByRole('button', { name: 'History' }).click();
  await owner.getByLabel('Version name').fill('First draft');
  await owner.getByRole('button', { name: 'Name', exact: true }).click();
  await expect(owner.getByTestId('revision').first()).toContainText('First draft');
  await expect(owner.getByTestId('revision').first()).toContainText('Owner +4 −0');

  await owner.locator('.manuscript-page p').first().click();
  await owner.keyboard.press('End');
  await owner.keyboard.type(' Added later.');
  await expect(owner.getByTestId('connection-saved')).toHaveText('All changes saved');
  await expect(benPage.getByTestId('editor')).toContainText('The first draft line. Added later.');

  await owner.getByTestId('revision').filter({ hasText: 'First draft' }).getByRole('button', { name: 'Compare with now' }).click();
  const compare = owner.getByTestId('compare-view');
  await expect(compare.locator('ins')).toHaveText([/Added later\./]);
  await expect(compare.getByTestId('compare-summary')).toContainText('+2 −0 words');

  await compare.getByTestId('compare-section').filter({ hasText: 'Chapter 1' }).getByRole('button', { name: 'Restore this section' }).click();
  await expect(compare.getByTestId('restore-status')).toHaveText('Restored Chapter 1.');
  await expect(benPage.getByTestId('editor')).not.toContainText('Added later.');
  await expect(benPage.getByTestId('editor')).toContainText('The first draft line.');

  await compare.getByRole('button', { name: 'Done' }).click();
  await expect(owner.getByTestId('revision').first()).toContainText('Restored Chapter 1 to “First draft”');

  // Two ticked revisions compare too: the version before the restore against the restore.
  await owner.getByTestId('revision').nth(0).getByRole('checkbox').check();
  await owner.getByTestId('revision').nth(1).getByRole('checkbox').check();
  await owner.getByRole('button', { name: 'Compare the two ticked' }).click();
  await expect(owner.getByTestId('compare-view').locator('del')).toContainText(['Added later']);
});

test('a viewer reads the history but cannot name or restore', async ({ manuscript, makeAccount, openAs, baseURL }) => {
  const viewer = await makeAccount('Vera', { manuscriptId: manuscript.id, role: 'viewer' });
  const page = await openAs(viewer, `/m/${manuscript.id}`);
  await expectConnected(page);
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByTestId('history-panel')).toBeVisible();
  await expect(page.getByLabel('Version name')).toHaveCount(0);
  const api = page.context().request;
  expect((await api.post(`/api/manuscripts/${manuscript.id}/revisions`, { data: { name: 'Sneaky' }, headers: fromApp(baseURL) })).status()).toBe(403);
  expect((await api.get(`/api/manuscripts/${manuscript.id}/revisions`)).status()).toBe(200);
});
