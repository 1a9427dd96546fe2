import { test, expect, expectConnected, fromApp, workspaceAction } from './fixtures';

test('an owner invites an editor by link; the editor signs up through it and co-writes', async ({ manuscript, openAs, browser, baseURL }) => {
  const owner = await openAs(manuscript.owner, `/m/${manuscript.id}`, '#be123c');
  await expectConnected(owner);
  await workspaceAction(owner, 'Share');
  await owner.getByLabel('Invitation role').selectOption('editor');
  await owner.getByRole('button', { name: 'Create link' }).click();
  const link = await owner.getByTestId('invitation-link').inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]+$/);

  const guest = await (await browser.newContext({ baseURL })).newPage();
  await guest.goto(link);
  await expect(guest.getByText('Owner invites you to join as an editor.')).toBeVisible();
  await guest.getByRole('link', { name: 'Create an account to join' }).click();
  await guest.getByLabel(/Your name/).fill('Iris');
  await guest.getByLabel('Email').fill(`iris-${Date.now()}@example.test`);
  await guest.getByLabel('Password').fill('iris-writes-well');
  await guest.getByRole('button', { name: 'Create account' }).click();
  await guest.getByRole('button', { name: 'Join as editor' }).click();
  await expect(guest).toHaveURL(new RegExp(`/m/${manuscript.id}$`));
  await expectConnected(guest);

  await guest.locator('.manuscript-page p').first().click();
  await guest.keyboard.type('Iris was invited and writes.');
  await expect(owner.getByTestId('editor')).toContainText('Iris was invited and writes.');
  await expect(owner.locator('.collab-caret-label', { hasText: 'Iris' })).toBeVisible();
  // The panel loads its lists when it opens: reopen it to see the new member.
  await owner.getByRole('button', { name: 'Close sharing' }).click();
  await workspaceAction(owner, 'Share');
  await expect(owner.getByTestId('member-list')).toContainText('Iris');
  await expect(owner.getByTestId('share-panel')).toContainText('used 1×');
  await guest.context().close();
});

test('a viewer sees the text live in a read-only editor with a visible badge', async ({ manuscript, makeAccount, openAs }) => {
  const viewer = await makeAccount('Vera', { manuscriptId: manuscript.id, role: 'viewer' });
  const owner = await openAs(manuscript.owner, `/m/${manuscript.id}`);
  const reader = await openAs(viewer, `/m/${manuscript.id}`);
  await expectConnected(owner);
  await expectConnected(reader);
  await expect(reader.getByTestId('read-only-badge')).toHaveText('View only');
  await expect(reader.getByTestId('editor')).toHaveAttribute('contenteditable', 'false');
  await expect(reader.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0);
  await expect(reader.getByRole('button', { name: '+ Add chapter' })).toHaveCount(0);

  await owner.locator('.manuscript-page p').first().click();
  await owner.keyboard.type('Only the owner writes here.');
  await expect(reader.getByTestId('editor')).toContainText('Only the owner writes here.');
  await reader.locator('.manuscript-page p').first().click();
  await reader.keyboard.type('viewer keys');
  await expect(reader.getByTestId('editor')).not.toContainText('viewer keys');
});

test('a commenter reads live and cannot change the text: what they type becomes their suggestion, with its badge', async ({ manuscript, makeAccount, openAs }) => {
  const commenter = await makeAccount('Cora', { manuscriptId: manuscript.id, role: 'commenter' });
  const owner = await openAs(manuscript.owner, `/m/${manuscript.id}`);
  const reader = await openAs(commenter, `/m/${manuscript.id}`);
  await expectConnected(reader);
  await expect(reader.getByTestId('read-only-badge')).toHaveText('Commenter · comments and suggestions');
  await expect(reader.getByTestId('editor')).toHaveAttribute('data-comment-only', 'true');
  await owner.locator('.manuscript-page p').first().click();
  await owner.keyboard.type('Written by the owner.');
  await expect(reader.getByTestId('editor')).toContainText('Written by the owner.');
  await reader.locator('.manuscript-page p').first().click();
  await reader.keyboard.press('End');
  await reader.keyboard.type(' commenter keys');
  // Kept as Cora's suggestion, in both browsers; the owner's words are untouched.
  for (const page of [reader, owner]) await expect(page.locator('ins.suggestion-insertion')).toContainText('commenter keys');
  await expect(owner.getByTestId('editor')).toContainText('Written by the owner. commenter keys');
  await expect(owner.locator('.manuscript-page p').first().locator('del')).toHaveCount(0);
});

test('an editor removed by the owner loses the room within seconds', async ({ manuscript, makeAccount, openAs }) => {
  const editor = await makeAccount('Ed', { manuscriptId: manuscript.id, role: 'editor' });
  const owner = await openAs(manuscript.owner, `/m/${manuscript.id}`);
  const edPage = await openAs(editor, `/m/${manuscript.id}`);
  await expectConnected(edPage);
  await workspaceAction(owner, 'Share');
  await owner.getByRole('button', { name: 'Remove Ed' }).click();
  await expect(edPage.getByTestId('access-ended')).toContainText('You no longer have access to this manuscript.', { timeout: 5000 });
  await expect(edPage.getByTestId('editor')).toHaveAttribute('contenteditable', 'false');
});

test('manuscripts and their API answer 404 to anyone who is not a member, 401 to no one signed in', async ({ manuscript, makeAccount, openAs, request, baseURL }) => {
  const stranger = await makeAccount('Stranger');
  const page = await openAs(stranger, '/');
  const api = page.context().request;
  for (const path of [`/api/manuscripts/${manuscript.id}/access`, `/api/manuscripts/${manuscript.id}/members`, `/api/manuscripts/${manuscript.id}/invitations`]) {
    const response = await api.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.json()).toEqual({ error: 'There is no such manuscript.' });
  }
  expect((await api.patch(`/api/manuscripts/${manuscript.id}/members/${manuscript.owner.userId}`, { data: { role: 'viewer' }, headers: fromApp(baseURL) })).status()).toBe(404);
  expect((await api.post(`/api/manuscripts/${manuscript.id}/invitations`, { data: { role: 'editor' }, headers: fromApp(baseURL) })).status()).toBe(404);
  const pageResponse = await page.goto(`/m/${manuscript.id}`);
  expect(pageResponse?.status()).toBe(404);
  await expect(page.getByText(manuscript.id)).toHaveCount(0);
  const list = (await (await api.get('/api/manuscripts')).json()) as { manuscripts: unknown[] };
  expect(list.manuscripts).toEqual([]);

  expect((await request.get(`/api/manuscripts/${manuscript.id}/members`)).status()).toBe(401);
  expect((await request.post('/api/manuscripts', { data: { title: 'Nope' }, headers: fromApp(baseURL) })).status()).toBe(401);
});
