import { test, expect, expectConnected, workspaceAction } from './fixtures';
import { seriousViolations } from './axe';
import { createOwnedManuscript } from '../support/members';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';
import { newId } from '@model/manuscript/newId';

type Page = import('@playwright/test').Page;

/** Two short chapters. */
function shortBook(): ManuscriptJson {
  const chapter = (name: string, line: string) => ({
    id: newId(),
    kind: 'chapter' as const,
    content: { type: 'doc', content: [{ type: 'chapter', content: [{ type: 'chapterTitle', content: [{ type: 'text', text: name }] }, { type: 'paragraph', content: [{ type: 'text', text: line }] }] }] },
  });
  return { title: 'Tidewater', sections: [chapter('Arrival', 'The ferry came late.'), chapter('The Lamp', 'Nobody trimmed the wick.')] };
}

const chapterText = (page: Page) => page.locator('.manuscript-page p').first();
const progressPanel = (page: Page) => page.getByTestId('progress-panel');

test('set the book’s, a chapter’s and a session’s targets, write, and see each co-writer’s words counted', async ({ prisma, makeAccount, openAs }) => {
  const { id, owner } = await createOwnedManuscript(prisma, 'Tidewater', { layout: 'sections', manuscript: shortBook() });
  const ben = await makeAccount('Ben', { manuscriptId: id, role: 'editor' });
  const vera = await makeAccount('Vera', { manuscriptId: id, role: 'viewer' });
  await prisma.user.update({ where: { id: owner.userId }, data: { name: 'Ada' } });
  const ada = await openAs({ ...owner, name: 'Ada' }, `/m/${id}`);
  await expectConnected(ada);
  const coWriter = await openAs(ben, `/m/${id}`);
  await expectConnected(coWriter);

  // The book's target with a deadline ten days on: the pace it asks for.
  await workspaceAction(ada, 'Progress');
  await expect(progressPanel(ada)).toBeVisible();
  const deadline = new Date(Date.now() + 9 * 24 * 60 * 60 * 1000).toLocaleDateString('en-CA');
  await progressPanel(ada).getByLabel('Book target (words)').fill('2,000');
  await progressPanel(ada).getByLabel('Deadline (optional)').fill(deadline);
  await progressPanel(ada).getByRole('button', { name: 'Set target' }).click();
  await expect(ada.getByTestId('book-target')).toContainText('of 2,000 words');
  await expect(ada.getByTestId('target-pace')).toContainText('words a day to reach it by');
  await expect(ada.getByTestId('target-pace')).toContainText('10 days left');

  // A chapter's target, shown in every co-writer's binder.
  await progressPanel(ada).getByLabel('Target for Arrival (words)').fill('40');
  await progressPanel(ada).getByLabel('Target for Arrival (words)').press('Enter');
  const arrival = coWriter.getByTestId('binder-item').filter({ hasText: 'Arrival' });
  const arrivalShare = async () => `${Math.round((Number(await arrival.getByTestId('binder-words').textContent()) / 40) * 100)} % of 40`;
  await expect(arrival.getByTestId('binder-target')).toHaveText(await arrivalShare());

  // Ada's own session target: only her words count toward it, not Ben's in the same chapter.
  await progressPanel(ada).getByLabel('Session target (words)').fill('10');
  await progressPanel(ada).getByRole('button', { name: 'Start a session' }).click();
  await expect(ada.getByTestId('session-chip')).toHaveText('Session 0/10');
  await chapterText(ada).click();
  await ada.keyboard.press('End');
  await ada.keyboard.type(' Then one two three four five gulls.');
  await expect(ada.getByTestId('session-chip')).toHaveText('Session 7/10');
  await expect(ada.getByTestId('session-words')).toHaveText('7');
  await expect(chapterText(coWriter)).toContainText('five gulls.');
  await chapterText(coWriter).click();
  await coWriter.keyboard.press('End');
  await coWriter.keyboard.type(' Ben waved back.');
  await expect(chapterText(ada)).toContainText('Ben waved back.');
  await ada.waitForTimeout(1500);
  await expect(ada.getByTestId('session-chip')).toHaveText('Session 7/10');
  await expect(async () => expect(arrival.getByTestId('binder-target')).toHaveText(await arrivalShare(), { timeout: 1000 })).toPass({ timeout: 10_000 });

  // The progress view: today's words, by who wrote them, as a chart and a table.
  await expect(async () => {
    await progressPanel(ada).getByRole('button', { name: 'Count again' }).click();
    await expect(progressPanel(ada).getByTestId('progress-writer')).toHaveText(
      [/Ada\s+7 words written · 1-day streak/, /Ben\s+3 words written · 1-day streak/],
      { timeout: 2000 },
    );
  }).toPass({ timeout: 20_000 });
  await expect(ada.getByTestId('book-streak')).toHaveText('Writing streak: 1 day in a row (anyone).');
  await expect(ada.getByTestId('words-per-day-chart').locator('rect')).toHaveCount(2);
  await expect(ada.getByTestId('words-per-day-chart').locator('rect title').first()).toContainText('Ada: 7 words on');
  await progressPanel(ada).getByRole('button', { name: 'Show as a table' }).click();
  const table = ada.getByTestId('progress-table');
  await expect(table.locator('thead th')).toHaveText(['Day', 'Ada', 'Ben', 'Book']);
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody td').nth(0)).toHaveText('7');
  await expect(table.locator('tbody td').nth(1)).toHaveText('3');
  await expect(ada.getByTestId('book-size-chart')).toBeVisible();
  expect(await seriousViolations(ada, '[data-testid="progress-panel"]')).toEqual([]);

  // Ben sees the target Ada set without reloading; a viewer reads the targets but cannot set them.
  await workspaceAction(coWriter, 'Progress');
  await expect(coWriter.getByTestId('book-target')).toContainText('of 2,000 words');
  const reader = await openAs(vera, `/m/${id}`);
  await expectConnected(reader);
  await workspaceAction(reader, 'Progress');
  await expect(reader.getByTestId('book-target')).toContainText('of 2,000 words');
  await expect(progressPanel(reader).getByRole('button', { name: 'Set target' })).toHaveCount(0);
  await expect(progressPanel(reader).getByLabel('Target for Arrival (words)')).toHaveCount(0);
  await expect(progressPanel(reader).getByTestId('session-target')).toHaveCount(0);
  await expect(reader.getByTestId('section-targets')).toContainText('40');
});
