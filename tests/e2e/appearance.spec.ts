import { test, expect, expectConnected } from './fixtures';
import { WRITER_COLORS } from '@model/identity/writerColors';

type Page = import('@playwright/test').Page;

const myColor = (page: Page) => page.getByTestId('identity-chip').locator('.identity-dot').evaluate((dot) => getComputedStyle(dot).backgroundColor);
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

test('a caret colour is the account’s: a new co-writer is given one nobody here has, a chosen one follows the writer to another browser', async ({ manuscript, makeAccount, openAs, prisma }) => {
  const owner = await openAs(manuscript.owner, `/m/${manuscript.id}`, WRITER_COLORS[0]);
  await expectConnected(owner);
  const ben = await makeAccount('Ben', { manuscriptId: manuscript.id, role: 'editor' });
  const benPage = await openAs(ben, `/m/${manuscript.id}`, null);
  await expectConnected(benPage);
  const given = (await prisma.user.findUniqueOrThrow({ where: { id: ben.userId }, select: { caretColor: true } })).caretColor!;
  expect(WRITER_COLORS).toContain(given);
  expect(given).not.toBe(WRITER_COLORS[0]);
  expect(await myColor(benPage)).toBe(rgb(given));

  // Ben picks another colour; a browser he opens later shows it, and so do co-writers' carets.
  const chosen = WRITER_COLORS.find((color) => color !== given && color !== WRITER_COLORS[0])!;
  await benPage.getByTestId('identity-chip').click();
  await benPage.getByRole('radio', { name: `Colour ${chosen}` }).click();
  await expect.poll(async () => (await prisma.user.findUniqueOrThrow({ where: { id: ben.userId }, select: { caretColor: true } })).caretColor).toBe(chosen);
  const elsewhere = await openAs(ben, '/', null);
  await expect.poll(() => myColor(elsewhere)).toBe(rgb(chosen));
  await benPage.locator('.manuscript-page p').first().click();
  await expect(owner.locator('.collab-caret').first()).toHaveCSS('border-left-color', rgb(chosen));
});

test('the light and dark themes: the system’s by default, a choice kept in the browser and applied before the page paints', async ({ manuscript, openAs }) => {
  const page = await openAs(manuscript.owner, `/m/${manuscript.id}`);
  await expectConnected(page);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).toBe('rgb(27, 26, 24)');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(background).toBe('rgb(251, 249, 244)');
  await page.getByTestId('identity-chip').click();
  await page.getByRole('radio', { name: 'Dark' }).click();
  await expect.poll(background).toBe('rgb(27, 26, 24)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe('rgb(27, 26, 24)');
});
