import { test, expect, expectConnected, editorSelection } from './fixtures';
import { seriousViolations } from './axe';
import { createOwnedManuscript } from '../support/members';
import { newId } from '@model/manuscript/newId';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';

function twoChapters(): ManuscriptJson {
  const chapter = (title: string, line: string) => ({
    id: newId(),
    kind: 'chapter' as const,
    content: { type: 'doc', content: [{ type: 'chapter', content: [{ type: 'chapterTitle', content: [{ type: 'text', text: title }] }, { type: 'paragraph', content: [{ type: 'text', text: line }] }] }] },
  });
  return { title: 'Keys', sections: [chapter('Morning', 'The gulls came early.'), chapter('Evening', 'The gulls left late, and so did Mara.')] };
}

test('without the mouse: ? lists the shortcuts, find opens a match in another chapter from the keyboard, focus mode comes and goes; the new panels pass an accessibility check', async ({ prisma, openAs }) => {
  const { id, owner } = await createOwnedManuscript(prisma, 'Keys', { layout: 'sections', manuscript: twoChapters() });
  const page = await openAs({ ...owner, name: 'Owner' }, `/m/${id}`);
  await expectConnected(page);

  // ? outside the text opens the list; in the text it is a question mark.
  await page.locator('body').press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Find and replace in the book');
  expect(await seriousViolations(page, '.shortcuts-sheet')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await page.locator('.manuscript-page p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type('?');
  await expect(page.locator('.manuscript-page p').first()).toHaveText('The gulls came early.?');
  await expect(sheet).toBeHidden();

  // Find from the keyboard: the shortcut, the query, Tab to the second match, Enter.
  await page.keyboard.press('Control+Shift+F');
  await expect(page.getByLabel('Find in the book')).toBeFocused();
  await page.keyboard.type('Mara');
  await expect(page.getByTestId('find-summary')).toHaveText('1 match in 1 section');
  expect(await seriousViolations(page, '[data-testid="find-panel"]')).toEqual([]);
  await page.getByTestId('find-panel').getByRole('button', { name: /Mara/ }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => editorSelection(page)).toBe('Mara');
  await expect(page.locator('.manuscript-page p').first()).toHaveText('The gulls left late, and so did Mara.');
  await page.getByLabel('Find in the book').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('find-panel')).toHaveCount(0);

  // Focus mode and back.
  await page.keyboard.press('Control+Shift+Enter');
  await expect(page.getByRole('toolbar', { name: 'Focus mode' })).toBeVisible();
  expect(await seriousViolations(page, '.focus-bar')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.locator('.workspace-header')).toBeVisible();
});
