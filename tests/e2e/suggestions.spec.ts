import { test, expect, expectConnected, editorSelection, workspaceAction } from './fixtures';

type Page = import('@playwright/test').Page;

type Locator = import('@playwright/test').Locator;

const firstParagraph = (page: Page) => page.locator('.manuscript-page p').first();

/** The text of every element `locator` matches, joined by "|", without co-writers' caret labels (drawn inside the text). */
const textOf = (locator: Locator) =>
  locator.evaluateAll((elements) =>
    elements
      .map((element) => {
        const copy = element.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.collab-caret').forEach((caret) => caret.remove());
        return copy.textContent;
      })
      .join('|'),
  );
const inserted = (page: Page) => textOf(page.locator('ins.suggestion-insertion'));
const deleted = (page: Page) => textOf(page.locator('del.suggestion-deletion'));
const wordTotal = (page: Page) => page.getByTestId('word-total');

/** Puts the caret at the end of the first body paragraph. */
async function caretAtEnd(page: Page) {
  await firstParagraph(page).click();
  await page.keyboard.press('End');
}

test('an editor suggests in Suggesting; the owner sees who and what, accepts one and rejects the rest; counts follow accepted text', async ({ manuscript, makeAccount, openAs, prisma }) => {
  const editor = await makeAccount('Ben', { manuscriptId: manuscript.id, role: 'editor' });
  // Ben's account has its own colour (violet, from the palette): his suggestions are drawn in it.
  await prisma.user.update({ where: { id: editor.userId }, data: { caretColor: '#8f51e6' } });
  const owner = await openAs(manuscript.owner, `/m/${manuscript.id}`);
  await expectConnected(owner);
  await firstParagraph(owner).click();
  await owner.keyboard.type('The rain fell');
  const ben = await openAs(editor, `/m/${manuscript.id}`, null);
  await expectConnected(ben);
  await expect(firstParagraph(ben)).toContainText('The rain fell');
  const wordsBefore = await wordTotal(owner).textContent();

  // Ben proposes an addition at the end and the removal of the first word.
  await ben.getByRole('button', { name: 'Suggesting' }).click();
  await expect(ben.getByRole('button', { name: 'Suggesting' })).toHaveAttribute('aria-pressed', 'true');
  await caretAtEnd(ben);
  await ben.keyboard.type(' all night');
  await ben.keyboard.press('Home');
  for (let i = 0; i < 4; i++) await ben.keyboard.press('Shift+ArrowRight');
  // Every key of the selection handled, and the selection taken by the editor, before the deletion.
  await expect.poll(() => editorSelection(ben)).toBe('The ');
  await ben.keyboard.press('Backspace');
  for (const page of [ben, owner]) {
    await expect.poll(() => inserted(page)).toBe(' all night');
    await expect.poll(() => deleted(page)).toBe('The ');
  }
  // Nothing is accepted yet: the text as the book counts it has not changed.
  await expect(owner.getByTestId('suggestion-count')).toHaveText('2 suggestions here');
  await expect(wordTotal(owner)).toHaveText(wordsBefore!);
  await expect(owner.locator('.suggested-insertion')).toHaveAttribute('title', /^Suggested adding: Ben, /);
  await expect(owner.locator('.suggested-insertion')).toHaveAttribute('style', /--suggestion-color: #8f51e6/);

  // The owner, in Editing, writes on: their words arrive at Ben's as plain text, not as suggestions.
  await owner.keyboard.press('Control+End');
  await owner.keyboard.press('Enter');
  await owner.keyboard.type('Dawn came.');
  await expect(ben.getByTestId('editor')).toContainText('Dawn came.');
  await expect.poll(() => inserted(ben)).toBe(' all night');

  // The owner accepts the addition from the caret, then rejects the rest of the section's.
  await owner.locator('ins.suggestion-insertion').click();
  const current = owner.getByTestId('suggestion-current');
  await expect(current).toContainText('Ben');
  await expect(current).toContainText('add all night');
  await current.getByRole('button', { name: 'Accept' }).click();
  // Each check names whose window it reads, so a failure says where the text went astray.
  for (const [name, page] of [['owner', owner], ['Ben', ben]] as const) {
    await expect(page.locator('ins.suggestion-insertion'), `no proposed addition left in ${name}'s window`).toHaveCount(0);
    await expect.poll(() => textOf(firstParagraph(page)), { message: `the accepted addition in ${name}'s window` }).toContain('rain fell all night');
  }
  await expect(owner.getByTestId('suggestion-count')).toHaveText('1 suggestion here');
  await owner.getByRole('button', { name: 'Reject all here' }).click();
  for (const page of [owner, ben]) {
    await expect(page.locator('del.suggestion-deletion')).toHaveCount(0);
    await expect.poll(() => textOf(firstParagraph(page))).toBe('The rain fell all night');
  }
  // Who decided is recorded for the history's compare: the owner accepted one and rejected one.
  await expect
    .poll(async () => (await prisma.suggestionDecision.findMany({ where: { manuscriptId: manuscript.id }, select: { outcome: true, decidedById: true } })).map((d) => `${d.outcome} ${d.decidedById === manuscript.owner.userId}`).sort())
    .toEqual(['accepted true', 'rejected true']);
});

test('a commenter’s typing becomes their suggestion, which the server keeps; an editor accepts every suggestion in the book', async ({ manuscript, makeAccount, openAs, baseURL }) => {
  const commenter = await makeAccount('Cora', { manuscriptId: manuscript.id, role: 'commenter' });
  const owner = await openAs(manuscript.owner, `/m/${manuscript.id}`);
  await expectConnected(owner);
  await firstParagraph(owner).click();
  await owner.keyboard.type('Rain.');
  const cora = await openAs(commenter, `/m/${manuscript.id}`);
  await expectConnected(cora);
  await expect(cora.getByTestId('suggestion-bar')).toContainText('Suggesting: your changes are kept as suggestions');
  await expect(cora.getByRole('button', { name: 'Accept all here' })).toHaveCount(0);
  await caretAtEnd(cora);
  await cora.keyboard.type(' Then snow.');
  await expect.poll(() => inserted(owner)).toBe(' Then snow.');
  // Kept by the server: a fresh page shows it too, and no refusal was shown.
  await cora.reload();
  await expectConnected(cora);
  await expect.poll(() => inserted(cora)).toBe(' Then snow.');
  await expect(cora.getByTestId('change-refused')).toHaveCount(0);

  // Settling is for editors and owners, whatever the browser shows.
  const refused = await cora.request.post(`/api/manuscripts/${manuscript.id}/suggestions`, { data: { action: 'accept' }, headers: { origin: new URL(baseURL!).origin } });
  expect(refused.status()).toBe(403);
  await expect.poll(() => inserted(owner)).toBe(' Then snow.');

  owner.once('dialog', (dialog) => void dialog.accept());
  await owner.getByRole('button', { name: 'Accept all in book' }).click();
  await expect(owner.getByTestId('suggestion-bar').getByRole('status')).toHaveText('Accepted every suggestion in 1 section.');
  for (const page of [owner, cora]) {
    await expect(page.locator('ins.suggestion-insertion')).toHaveCount(0);
    await expect.poll(() => textOf(firstParagraph(page))).toBe('Rain. Then snow.');
  }
  // The history names the operation.
  await workspaceAction(owner, 'History');
  await expect(owner.getByText('Accepted every suggestion')).toBeVisible();
  // And the commenter cannot record decisions either.
  const recorded = await cora.request.post(`/api/manuscripts/${manuscript.id}/suggestions/decisions`, {
    data: { decisions: [{ suggestionId: 'x|y|z', outcome: 'accepted' }] },
    headers: { origin: new URL(baseURL!).origin },
  });
  expect(recorded.status()).toBe(403);
});
