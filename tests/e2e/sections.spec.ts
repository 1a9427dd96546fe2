import { test, expect, expectConnected, type Account } from './fixtures';
import { createOwnedManuscript } from '../support/members';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { newId } from '@model/manuscript/newId';
import { emptySection } from '@model/manuscript/emptySection';

type Page = import('@playwright/test').Page;

/** A book of three chapters, each with a title and a line of its own. */
function threeChapters(title: string): ManuscriptJson {
  const chapter = (name: string, line: string) => ({
    id: newId(),
    kind: 'chapter' as const,
    content: { type: 'doc', content: [{ type: 'chapter', content: [{ type: 'chapterTitle', content: [{ type: 'text', text: name }] }, { type: 'paragraph', content: [{ type: 'text', text: line }] }] }] },
  });
  return {
    title,
    sections: [
      { id: newId(), kind: 'dedication', content: emptySection('dedication') },
      chapter('Overture', 'The house lights dimmed.'),
      chapter('Second Act', 'Nobody remembered the lines.'),
      chapter('Finale', 'The curtain would not fall.'),
    ],
  };
}

const openChapter = (page: Page, label: string) => page.getByTestId('binder').getByRole('button', { name: new RegExp(`^(\\d+ )?${label} `) }).click();
const wordsOf = (page: Page, label: string) =>
  page.getByTestId('binder-item').filter({ has: page.getByTestId('binder-label').getByText(label, { exact: true }) }).getByTestId('binder-words');

test.describe('a book of sections', () => {
  let id: string;
  let ada: Account;
  let ben: Account;
  test.beforeEach(async ({ prisma, makeAccount }) => {
    const created = await createOwnedManuscript(prisma, 'Three Acts', { layout: 'sections', manuscript: threeChapters('Three Acts') });
    id = created.id;
    ada = { ...created.owner, name: 'Owner' };
    ben = await makeAccount('Ben', { manuscriptId: id, role: 'editor' });
  });

  test('two writers in different chapters: each sees the other’s chapter grow in the binder, and where the other is', async ({ openAs }) => {
    const adaPage = await openAs(ada, `/m/${id}`, '#be123c');
    const benPage = await openAs(ben, `/m/${id}`, '#1d4ed8');
    await expectConnected(adaPage);
    await expectConnected(benPage);
    await expect(adaPage.getByTestId('editor')).toContainText('The house lights dimmed.');

    await openChapter(benPage, 'Finale');
    await expect(benPage.getByTestId('editor')).toContainText('The curtain would not fall.');
    await expect(benPage.getByTestId('editor')).not.toContainText('The house lights dimmed.');
    await expect(adaPage.getByTestId('presence').getByTitle('Ben — in Finale')).toBeVisible();

    await expect(wordsOf(adaPage, 'Finale')).toHaveText('6');
    await benPage.locator('.manuscript-page p').first().click();
    await benPage.keyboard.press('End');
    await benPage.keyboard.type(' It never did, that night.');
    await adaPage.locator('.manuscript-page p').first().click();
    await adaPage.keyboard.press('End');
    await adaPage.keyboard.type(' Then the orchestra began.');
    // Counted by the sync server from Ben's chapter, reaching Ada through the book.
    await expect(wordsOf(adaPage, 'Finale')).toHaveText('11');
    await expect(wordsOf(benPage, 'Overture')).toHaveText('9');

    await openChapter(adaPage, 'Finale');
    await expect(adaPage.getByTestId('editor')).toContainText('The curtain would not fall. It never did, that night.');
    await expect(adaPage.locator('.collab-caret-label', { hasText: 'Ben' })).toBeVisible();
    await openChapter(benPage, 'Overture');
    await expect(benPage.getByTestId('editor')).toContainText('The house lights dimmed. Then the orchestra began.');
    await expect(adaPage.getByTestId('connection-saved')).toHaveText('All changes saved');
    await expect(benPage.getByTestId('connection-saved')).toHaveText('All changes saved');
  });

  test('a chapter never opened before the connection dropped opens and takes edits offline, synced in the background, and merges on return', async ({ openAs, syncServer }) => {
    const adaPage = await openAs(ada, `/m/${id}`);
    await expectConnected(adaPage);
    await expect(adaPage.getByTestId('offline-count')).toHaveText('All sections available offline', { timeout: 20_000 });

    await syncServer.crash();
    await expect(adaPage.getByTestId('connection-link')).toHaveText(/Offline|Connecting…/);
    await openChapter(adaPage, 'Second Act');
    await expect(adaPage.getByTestId('editor')).toContainText('Nobody remembered the lines.');
    await adaPage.locator('.manuscript-page p').first().click();
    await adaPage.keyboard.press('End');
    await adaPage.keyboard.type(' They improvised.');
    await expect(adaPage.getByTestId('connection-saved')).toHaveText('Changes kept on this device');

    // A reload while the server is still down keeps it too: the chapter comes from this browser.
    await adaPage.reload();
    await openChapter(adaPage, 'Second Act');
    await expect(adaPage.getByTestId('editor')).toContainText('Nobody remembered the lines. They improvised.');

    await syncServer.start();
    await expect(adaPage.getByTestId('connection-link')).toHaveText('Connected', { timeout: 20_000 });
    await expect(adaPage.getByTestId('connection-saved')).toHaveText('All changes saved', { timeout: 20_000 });
    const benPage = await openAs(ben, `/m/${id}`);
    await openChapter(benPage, 'Second Act');
    await expect(benPage.getByTestId('editor')).toContainText('Nobody remembered the lines. They improvised.');
    await expect(wordsOf(benPage, 'Second Act')).toHaveText('8');
  });

  test('switching chapters and reloading keep every chapter’s words where they were typed', async ({ openAs }) => {
    const adaPage = await openAs(ada, `/m/${id}`);
    await expectConnected(adaPage);
    for (const [label, words] of [['Overture', ' One.'], ['Second Act', ' Two.'], ['Finale', ' Three.']] as const) {
      await openChapter(adaPage, label);
      await adaPage.locator('.manuscript-page p').first().click();
      await adaPage.keyboard.press('End');
      await adaPage.keyboard.type(words);
    }
    await expect(adaPage.getByTestId('connection-saved')).toHaveText('All changes saved');
    await adaPage.reload();
    await expect(adaPage.getByTestId('editor')).toContainText('The house lights dimmed. One.');
    await openChapter(adaPage, 'Second Act');
    await expect(adaPage.getByTestId('editor')).toContainText('Nobody remembered the lines. Two.');
    await openChapter(adaPage, 'Finale');
    await expect(adaPage.getByTestId('editor')).toContainText('The curtain would not fall. Three.');
    await expect(adaPage.getByTestId('editor')).not.toContainText('One.');
  });

  test('the page arrives with the first chapter’s text in it, readable before any script runs', async ({ openAs, browser, baseURL }) => {
    const adaPage = await openAs(ada, `/m/${id}`);
    const html = await (await adaPage.request.get(`/m/${id}`)).text();
    expect(html).toContain('data-testid="static-section"');
    expect(html).toContain('The house lights dimmed.');
    expect(html).toContain('class="ms-chapter-title"');
    expect(html).not.toContain('Nobody remembered the lines.');
    // With scripts off, the writer still reads the chapter.
    const cookies = await adaPage.context().cookies();
    const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false });
    await noScript.addCookies(cookies);
    const page = await noScript.newPage();
    await page.goto(`/m/${id}`);
    await expect(page.getByTestId('static-section')).toContainText('The house lights dimmed.');
    await noScript.close();
  });

  test('the book’s and the first chapter’s sockets open before the page’s scripts run, and the room uses them', async ({ openAs }) => {
    const adaPage = await openAs(ada, `/m/${id}`);
    await expectConnected(adaPage);
    const timing = await adaPage.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return { early: at('quire:early-sockets'), connecting: at('quire:connecting'), left: Object.keys((window as unknown as { __quireEarlySockets?: object }).__quireEarlySockets ?? {}).length };
    });
    expect(timing.early, 'the early sockets opened').toBeLessThan(timing.connecting);
    expect(timing.left, 'both early sockets were taken by the room').toBe(0);
    await adaPage.locator('.manuscript-page p').first().click();
    await adaPage.keyboard.press('End');
    await adaPage.keyboard.type(' Through the early socket.');
    await expect(adaPage.getByTestId('connection-saved')).toHaveText('All changes saved');
    const benPage = await openAs(ben, `/m/${id}`);
    await expect(benPage.getByTestId('editor')).toContainText('The house lights dimmed. Through the early socket.');
  });
});
