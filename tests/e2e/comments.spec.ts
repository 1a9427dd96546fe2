import { test, expect, expectConnected, editorSelection } from './fixtures';

type Page = import('@playwright/test').Page;

/** Selects the whole text of the section's first body paragraph, once it reads `text`. */
async function selectFirstParagraph(page: Page, text: string) {
  const paragraph = page.locator('.manuscript-page p').first();
  await expect(paragraph).toContainText(text); // (a co-writer's caret label may sit in it too)
  await paragraph.click({ clickCount: 3 });
  await expect.poll(() => editorSelection(page)).toContain(text);
}

const thread = (page: Page, quote: string) => page.getByTestId('thread').filter({ hasText: quote });

test('a commenter comments on a passage; the owner sees it live, replies and resolves it; the commenter sees both', async ({ manuscript, makeAccount, openAs }) => {
  const commenter = await makeAccount('Cora', { manuscriptId: manuscript.id, role: 'commenter' });
  const owner = await openAs(manuscript.owner, `/m/${manuscript.id}`);
  const cora = await openAs(commenter, `/m/${manuscript.id}`);
  await expectConnected(owner);
  await expectConnected(cora);
  await owner.locator('.manuscript-page p').first().click();
  await owner.keyboard.type('The rain kept on all night.');
  await expect(cora.getByTestId('editor')).toContainText('The rain kept on all night.');

  // The commenter marks the passage and writes the first comment.
  await selectFirstParagraph(cora, 'The rain kept on all night.');
  await cora.keyboard.press('Control+Alt+KeyM');
  await cora.getByRole('textbox', { name: 'Your comment' }).fill('Which night? Say so.');
  await cora.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(thread(cora, 'The rain kept on all night.')).toContainText('Which night? Say so.');
  await expect(cora.locator('.comment-highlight')).toHaveText('The rain kept on all night.');

  // The owner sees the passage highlighted and the thread in the list, replies and resolves.
  await expect(owner.locator('.comment-highlight')).toHaveText('The rain kept on all night.');
  await owner.getByRole('button', { name: /^Comments/ }).click();
  const ownersView = thread(owner, 'The rain kept on all night.');
  await expect(ownersView).toContainText('Cora');
  await expect(ownersView).toContainText('Which night? Say so.');
  await ownersView.getByRole('textbox', { name: 'Reply' }).fill('The night of the fire.');
  await ownersView.getByRole('button', { name: 'Reply' }).click();
  await expect(ownersView).toContainText('The night of the fire.');
  await ownersView.getByRole('button', { name: 'Resolve' }).click();
  await expect(owner.getByTestId('thread')).toHaveCount(0); // the list shows open threads
  await expect(owner.locator('.comment-highlight')).toHaveCount(0);

  // The commenter is told: a participant hears of the reply and the resolving.
  await expect(cora.getByTestId('notification').filter({ hasText: 'Owner replied on “The rain kept on all night.”' })).toBeVisible();
  await expect(cora.getByTestId('notification').filter({ hasText: 'Owner resolved “The rain kept on all night.”' })).toBeVisible();
  // The commenter's list follows: the reply, then the thread under Resolved.
  await cora.getByRole('button', { name: 'Resolved', exact: true }).click();
  await expect(thread(cora, 'The rain kept on all night.')).toContainText('The night of the fire.');
  await expect(thread(cora, 'The rain kept on all night.')).toContainText('Resolved by Owner');
  // The text itself never changed.
  await expect(owner.getByTestId('editor')).toContainText('The rain kept on all night.');
});

test('a thread whose text is deleted stays in the list as detached, with the quote it was made on', async ({ manuscript, makeAccount, openAs }) => {
  const editor = await makeAccount('Ben', { manuscriptId: manuscript.id, role: 'editor' });
  const owner = await openAs(manuscript.owner, `/m/${manuscript.id}`);
  const ben = await openAs(editor, `/m/${manuscript.id}`);
  await expectConnected(owner);
  await expectConnected(ben);
  await owner.locator('.manuscript-page p').first().click();
  await owner.keyboard.type('A line that will go.');
  await selectFirstParagraph(owner, 'A line that will go.');
  await owner.keyboard.press('Control+Alt+KeyM');
  await owner.getByRole('textbox', { name: 'Your comment' }).fill('Cut this?');
  await owner.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(thread(owner, 'A line that will go.')).not.toHaveClass(/is-detached/);

  await ben.getByRole('button', { name: /^Comments/ }).click();
  await expect(thread(ben, 'A line that will go.')).toContainText('Cut this?');
  await selectFirstParagraph(ben, 'A line that will go.');
  await ben.keyboard.press('Backspace');
  await expect(owner.getByTestId('editor')).not.toContainText('A line that will go.');

  for (const page of [owner, ben]) {
    const detached = thread(page, 'A line that will go.');
    await expect(detached).toHaveClass(/is-detached/);
    await expect(detached).toContainText('Detached: the text it was on has been deleted');
    await expect(detached).toContainText('Cut this?');
  }
});

test('a viewer reads threads but cannot comment, reply or resolve', async ({ manuscript, makeAccount, openAs, baseURL }) => {
  const viewer = await makeAccount('Vi', { manuscriptId: manuscript.id, role: 'viewer' });
  const owner = await openAs(manuscript.owner, `/m/${manuscript.id}`);
  await expectConnected(owner);
  await owner.locator('.manuscript-page p').first().click();
  await owner.keyboard.type('Read but do not touch.');
  await selectFirstParagraph(owner, 'Read but do not touch.');
  await owner.keyboard.press('Control+Alt+KeyM');
  await owner.getByRole('textbox', { name: 'Your comment' }).fill('For the record.');
  await owner.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(thread(owner, 'Read but do not touch.')).toContainText('For the record.');

  const vi = await openAs(viewer, `/m/${manuscript.id}`);
  await expectConnected(vi);
  await vi.getByRole('button', { name: /^Comments/ }).click();
  const seen = thread(vi, 'Read but do not touch.');
  await expect(seen).toContainText('For the record.');
  await expect(seen.getByRole('textbox', { name: 'Reply' })).toHaveCount(0);
  await expect(seen.getByRole('button', { name: 'Resolve' })).toHaveCount(0);
  await expect(vi.getByRole('button', { name: 'Comment on the selection' })).toHaveCount(0);
  // Nor through the API, from the app's own origin.
  const threadId = await seen.getAttribute('data-thread-id');
  const reply = await vi.request.post(`/api/manuscripts/${manuscript.id}/threads/${threadId}/comments`, { data: { body: 'Sneaky.' }, headers: { origin: new URL(baseURL!).origin } });
  expect(reply.status()).toBe(403);
});
