import { test, expect, expectConnected, type Account } from './fixtures';
import { createOwnedManuscript } from '../support/members';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { newId } from '@model/manuscript/newId';
import type { Page } from '@playwright/test';

/** One chapter: a title and two paragraphs. */
const book: ManuscriptJson = {
  title: 'Cold Open',
  sections: [
    {
      id: newId(),
      kind: 'chapter',
      content: {
        type: 'doc',
        content: [
          {
            type: 'chapter',
            content: [
              { type: 'chapterTitle', content: [{ type: 'text', text: 'Overture' }] },
              { type: 'paragraph', content: [{ type: 'text', text: 'The house lights dimmed.' }] },
              { type: 'paragraph', content: [{ type: 'text', text: 'Somebody coughed.' }] },
            ],
          },
        ],
      },
    },
  ],
};

/**
 * Holds back the page's scripts (not its styles) until `release` is called: the served text
 * shows, its inline scripts run, and no editor can exist yet.
 */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/chunks/**', async (route) => {
    if (route.request().resourceType() === 'script') await released;
    await route.continue();
  });
  return release;
}

test.describe('typing before the editor is ready', () => {
  let id: string;
  let ada: Account;
  test.beforeEach(async ({ prisma }) => {
    const created = await createOwnedManuscript(prisma, book.title, { layout: 'sections', manuscript: book });
    id = created.id;
    ada = { ...created.owner, name: 'Owner' };
  });

  test('words typed into the served text land in the chapter where they were typed, and reach a co-writer', async ({ openAs, makeAccount }) => {
    const ben = await makeAccount('Ben', { manuscriptId: id, role: 'editor' });
    const benPage = await openAs(ben, `/m/${id}`, '#1d4ed8');
    await expectConnected(benPage);
    const adaPage = await openAs(ada, `/m/${id}`, '#be123c');
    await expectConnected(adaPage);

    const errors: Error[] = [];
    adaPage.on('pageerror', (error) => errors.push(error));
    const release = await holdScripts(adaPage);
    await adaPage.goto(`/m/${id}`, { waitUntil: 'commit' });
    const served = adaPage.getByTestId('static-section');
    await served.getByText('The house lights dimmed.').click();
    await adaPage.keyboard.press('End');
    await adaPage.keyboard.type(' Silence.');
    await adaPage.keyboard.press('Enter');
    await adaPage.keyboard.type('A draft of cold aix');
    await adaPage.keyboard.press('Backspace');
    await adaPage.keyboard.type('r.');
    // The writer sees what they typed; the editor is not there yet.
    await expect(served.locator('p')).toHaveText(['The house lights dimmed. Silence.', 'A draft of cold air.', 'Somebody coughed.']);
    await expect(adaPage.getByTestId('editor')).toHaveCount(0);

    // From here on, watch that the writer's words never leave the page, not for a moment.
    await adaPage.evaluate(() => {
      const page = window as unknown as { wordsLeft?: boolean };
      page.wordsLeft = false;
      new MutationObserver(() => {
        if (!document.querySelector('main')?.textContent?.includes('A draft of cold air')) page.wordsLeft = true;
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    // The writer types on while the scripts arrive and the editor takes the served text's place:
    // whichever of them each key reaches, it lands after the words before it.
    release();
    await adaPage.keyboard.type(' It passed', { delay: 30 });
    await expectConnected(adaPage);
    await adaPage.keyboard.type('.');
    const paragraphs = adaPage.getByTestId('editor').locator('p');
    await expect(paragraphs).toHaveText(['The house lights dimmed. Silence.', 'A draft of cold air. It passed.', 'Somebody coughed.']);
    expect(errors, 'no error in the page').toEqual([]);
    expect(await adaPage.evaluate(() => (window as unknown as { wordsLeft?: boolean }).wordsLeft), 'the words stayed on the page throughout').toBe(false);

    // Ben sees the words where Ada put them (her caret, with its name, follows them).
    const bens = benPage.getByTestId('editor').locator('p');
    await expect(bens).toHaveCount(3);
    await expect(bens.nth(0)).toHaveText('The house lights dimmed. Silence.');
    await expect(bens.nth(1)).toContainText('A draft of cold air. It passed.');
    await expect(bens.nth(2)).toHaveText('Somebody coughed.');
    await expect(adaPage.getByTestId('connection-saved')).toHaveText('All changes saved');
    await adaPage.unrouteAll();
    await adaPage.reload();
    await expect(adaPage.getByTestId('editor').locator('p')).toHaveText(['The house lights dimmed. Silence.', 'A draft of cold air. It passed.', 'Somebody coughed.']);
  });

  test('Backspace in the served text removes only what was typed there, and undoes an Enter typed there', async ({ openAs }) => {
    const adaPage = await openAs(ada, `/m/${id}`);
    await expectConnected(adaPage);
    const release = await holdScripts(adaPage);
    await adaPage.goto(`/m/${id}`, { waitUntil: 'commit' });
    const served = adaPage.getByTestId('static-section');
    await served.getByText('Somebody coughed.').click();
    await adaPage.keyboard.press('Home');
    await adaPage.keyboard.type('Then ');
    await adaPage.keyboard.press('Backspace');
    await adaPage.keyboard.press('Backspace');
    await adaPage.keyboard.press('Backspace');
    await adaPage.keyboard.press('Backspace');
    await adaPage.keyboard.press('Backspace');
    await adaPage.keyboard.press('Backspace'); // nothing typed is left before the caret: the served text stays
    await adaPage.keyboard.press('End');
    await adaPage.keyboard.press('Enter');
    await adaPage.keyboard.press('Backspace');
    await adaPage.keyboard.type(' Twice.');
    await expect(served.locator('p')).toHaveText(['The house lights dimmed.', 'Somebody coughed. Twice.']);

    release();
    await expectConnected(adaPage);
    await expect(adaPage.getByTestId('editor').locator('p')).toHaveText(['The house lights dimmed.', 'Somebody coughed. Twice.']);
  });

  test('a reader’s served text takes no typing', async ({ openAs, makeAccount }) => {
    const cleo = await makeAccount('Cleo', { manuscriptId: id, role: 'viewer' });
    const cleoPage = await openAs(cleo, `/m/${id}`);
    await expectConnected(cleoPage);
    const release = await holdScripts(cleoPage);
    await cleoPage.goto(`/m/${id}`, { waitUntil: 'commit' });
    const served = cleoPage.getByTestId('static-section');
    await expect(served).toContainText('The house lights dimmed.');
    await expect(served).not.toHaveAttribute('contenteditable');
    expect(await cleoPage.evaluate(() => '__quireEarlyInput' in window)).toBe(false);
    release();
    await expectConnected(cleoPage);
  });
});
