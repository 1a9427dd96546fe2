import { test, expect, expectConnected, editorSelection, workspaceAction } from './fixtures';
import { createOwnedManuscript } from '../support/members';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { newId } from '@model/manuscript/newId';

type Page = import('@playwright/test').Page;

/** A dedication and three chapters; Lena is named in the dedication and in two chapters. */
function lenaBook(): ManuscriptJson {
  const chapter = (name: string, line: string) => ({
    id: newId(),
    kind: 'chapter' as const,
    content: { type: 'doc', content: [{ type: 'chapter', content: [{ type: 'chapterTitle', content: [{ type: 'text', text: name }] }, { type: 'paragraph', content: [{ type: 'text', text: line }] }] }] },
  });
  return {
    title: 'The Lighthouse Keeper',
    sections: [
      { id: newId(), kind: 'dedication', content: { type: 'doc', content: [{ type: 'dedication', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'For Lena, always.' }] }] }] } },
      chapter('Arrival', 'Lena came by the morning boat.'),
      chapter('The Lamp', 'Nobody trimmed the wick.'),
      chapter('Storm', 'The storm found Lena awake; Lena lit the lamp.'),
    ],
  };
}

const findPanel = (page: Page) => page.getByTestId('find-panel');
const chapterText = (page: Page) => page.locator('.manuscript-page p').first();

test('find a name across the book, open a match in another chapter, replace it everywhere; the co-writer sees it and the history names it', async ({ prisma, makeAccount, openAs }) => {
  const { id, owner } = await createOwnedManuscript(prisma, 'The Lighthouse Keeper', { layout: 'sections', manuscript: lenaBook() });
  const ben = await makeAccount('Ben', { manuscriptId: id, role: 'editor' });
  const ada = await openAs({ ...owner, name: 'Owner' }, `/m/${id}`);
  await expectConnected(ada);
  const coWriter = await openAs(ben, `/m/${id}`);
  await expectConnected(coWriter);
  await expect(chapterText(coWriter)).toHaveText('Lena came by the morning boat.');

  // Ctrl+Shift+F opens the panel with the focus in its search box.
  await chapterText(ada).click();
  await ada.keyboard.press('Control+Shift+F');
  await expect(findPanel(ada)).toBeVisible();
  await expect(ada.getByLabel('Find in the book')).toBeFocused();
  await ada.keyboard.type('lena');
  await expect(ada.getByTestId('find-summary')).toHaveText('4 matches in 3 sections');
  const sections = findPanel(ada).getByTestId('find-section');
  await expect(sections.locator('h3')).toHaveText([/^Dedication\s*1$/, /^Arrival\s*1$/, /^Storm\s*2$/]);

  // The second match in "Storm" opens that chapter and selects it.
  await sections.nth(2).getByRole('button').nth(1).click();
  await expect.poll(() => editorSelection(ada)).toBe('Lena');
  await expect(chapterText(ada)).toHaveText('The storm found Lena awake; Lena lit the lamp.');

  // An invalid expression is explained, not searched.
  await ada.getByLabel('Regular expression').check();
  await ada.getByLabel('Find in the book').fill('Lena(');
  await expect(ada.getByTestId('find-summary')).toContainText('not a valid regular expression');
  await ada.getByLabel('Regular expression').uncheck();
  await ada.getByLabel('Find in the book').fill('Lena');
  await ada.getByLabel('Match case').check();
  await expect(ada.getByTestId('find-summary')).toHaveText('4 matches in 3 sections');

  // Ben types the name in the chapter he has open: the results follow.
  await chapterText(coWriter).click();
  await coWriter.keyboard.press('End');
  await coWriter.keyboard.type(' Lena waved.');
  await expect(ada.getByTestId('find-summary')).toHaveText('5 matches in 3 sections', { timeout: 15_000 });

  await ada.getByLabel('Replace with').fill('Lina');
  await ada.getByRole('button', { name: 'Replace in book' }).click();
  await expect(ada.getByTestId('find-status')).toContainText('Replaced 5 in 3 sections');
  await expect(chapterText(coWriter)).toHaveText('Lina came by the morning boat. Lina waved.');
  await expect(chapterText(ada)).toHaveText('The storm found Lina awake; Lina lit the lamp.');
  await expect(ada.getByTestId('find-summary')).toHaveText('No matches in the book.');

  await workspaceAction(ada, 'History');
  await expect(ada.getByTestId('history-panel')).toContainText('Replaced “Lena” with “Lina” (5)');
});

test('a viewer searches but has nothing to replace with, and the replace route refuses them', async ({ prisma, makeAccount, openAs, baseURL }) => {
  const { id } = await createOwnedManuscript(prisma, 'The Lighthouse Keeper', { layout: 'sections', manuscript: lenaBook() });
  const viewer = await makeAccount('Vera', { manuscriptId: id, role: 'viewer' });
  const page = await openAs(viewer, `/m/${id}`);
  await expectConnected(page);
  await workspaceAction(page, 'Find');
  await page.getByLabel('Find in the book').fill('Lena');
  await expect(page.getByTestId('find-summary')).toHaveText('4 matches in 3 sections');
  await expect(page.getByLabel('Replace with')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Replace/ })).toHaveCount(0);
  const response = await page.request.post(`${baseURL}/api/manuscripts/${id}/replace`, {
    data: { query: { text: 'Lena' }, replacement: 'Lina' },
    headers: { origin: baseURL! },
  });
  expect(response.status()).toBe(403);
  await expect(chapterText(page)).toHaveText('Lena came by the morning boat.');
});
