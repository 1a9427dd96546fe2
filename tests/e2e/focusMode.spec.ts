import { test, expect, expectConnected, workspaceAction } from './fixtures';

type Page = import('@playwright/test').Page;

const paragraphs = (page: Page) => page.locator('.manuscript-page p');
const opacityOf = (page: Page, index: number) => paragraphs(page).nth(index).evaluate((element) => Number(getComputedStyle(element).opacity));

test('focus mode: the editor alone, typing goes on with the caret’s paragraph lit and a session count; Esc leaves', async ({ manuscript, openAs }) => {
  const page = await openAs(manuscript.owner, `/m/${manuscript.id}`);
  await expectConnected(page);
  await paragraphs(page).first().click();
  await page.keyboard.type('The first paragraph.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('A second one');

  await page.keyboard.press('Control+Shift+Enter');
  await expect(page.locator('.workspace-header')).toBeHidden();
  await expect(page.getByTestId('binder')).toBeHidden();
  await expect(page.getByRole('toolbar', { name: 'Focus mode' })).toBeVisible();
  await expect(page.getByTestId('focus-words')).toHaveText('+0 words this session');

  // Typing goes on where the caret was; the caret's paragraph is lit, the other dimmed.
  await page.keyboard.type(' with three more words');
  await expect(paragraphs(page).nth(1)).toHaveText('A second one with three more words');
  await expect(paragraphs(page).nth(1)).toHaveClass(/is-current/);
  await expect.poll(() => opacityOf(page, 0)).toBeLessThan(0.5);
  await expect.poll(() => opacityOf(page, 1)).toBe(1);
  await expect(page.getByTestId('focus-words')).toHaveText('+4 words this session');
  await page.keyboard.press('ArrowUp');
  await expect(paragraphs(page).first()).toHaveClass(/is-current/);

  // A chosen measure is kept in this browser.
  await page.getByLabel('Measure').selectOption('narrow');
  const width = await page.locator('.manuscript-page').evaluate((element) => element.getBoundingClientRect().width);
  expect(width).toBeLessThanOrEqual(32 * 16 + 1);

  await page.keyboard.press('Escape');
  await expect(page.locator('.workspace-header')).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Focus mode' })).toHaveCount(0);
  await expect(paragraphs(page).first()).not.toHaveClass(/is-current/);
  // The header's Focus button enters it again.
  await workspaceAction(page, 'Focus mode');
  await expect(page.locator('.workspace-header')).toBeHidden();
});
