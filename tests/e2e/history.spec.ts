import { test, expect, expectConnected, fromApp, workspaceAction } from './fixtures';
import { sessionCookie } from '../support/sessionCookie';

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
  await workspaceAction(owner, 'History');
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

test('a viewer reads the history but cannot name or restore', async ({ manuscript, makeAccount, openAs, baseURL, playwright, prisma }) => {
  const id = manuscript.id;
  const { name, value } = await sessionCookie(prisma, manuscript.owner.email, manuscript.owner.password);
  const ownerApi = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${name}=${value}` } });
  const viewer = await makeAccount('Vera', { manuscriptId: id, role: 'viewer' });
  const page = await openAs(viewer, `/m/${id}`);
  try {
    await expectConnected(page);
    const named = await ownerApi.post(`/api/manuscripts/${id}/revisions`, { data: { name: 'Before Vera' }, headers: fromApp(baseURL) });
    expect(named.status(), await named.text()).toBe(201);
    const revisionId = ((await named.json()) as { id: string }).id;

    await workspaceAction(page, 'History');
    await expect(page.getByTestId('history-panel')).toBeVisible();
    await expect(page.getByLabel('Version name')).toHaveCount(0);
    await page.getByTestId('revision').filter({ hasText: 'Before Vera' }).getByRole('button', { name: 'Compare with now' }).click();
    await expect(page.getByTestId('compare-view')).toBeVisible();
    await expect(page.getByTestId('compare-view').getByRole('button', { name: /^Restore/ })).toHaveCount(0);

    // The API refuses her too, whatever the page shows: naming, restoring the book or one section.
    const revisions = () => prisma.revision.count({ where: { manuscriptId: id } });
    const before = await revisions();
    const api = page.context().request;
    expect((await api.post(`/api/manuscripts/${id}/revisions`, { data: { name: 'Sneaky' }, headers: fromApp(baseURL) })).status()).toBe(403);
    const restoreBook = await api.post(`/api/manuscripts/${id}/revisions/${revisionId}/restore`, { data: { label: 'the book' }, headers: fromApp(baseURL) });
    expect(restoreBook.status()).toBe(403);
    expect(((await restoreBook.json()) as { error: string }).error).toBeTruthy();
    const restoreSection = await api.post(`/api/manuscripts/${id}/revisions/${revisionId}/restore`, { data: { sectionId: 'chapter-1', label: 'Chapter 1' }, headers: fromApp(baseURL) });
    expect(restoreSection.status()).toBe(403);
    expect(await revisions(), 'a refused request made a revision').toBe(before);
    expect((await api.get(`/api/manuscripts/${id}/revisions`)).status()).toBe(200);
    expect((await api.get(`/api/manuscripts/${id}/compare?from=${revisionId}&to=now`)).status()).toBe(200);
  } finally {
    await ownerApi.dispose();
  }
});
