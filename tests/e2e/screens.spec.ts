import { test, expect, expectConnected, workspaceAction } from './fixtures';
import { createOwnedManuscript } from '../support/members';
import { newId } from '@model/manuscript/newId';
import type { ManuscriptJson } from '@model/manuscript/manuscriptJson';

type Page = import('@playwright/test').Page;

const WIDTHS = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
];

function book(): ManuscriptJson {
  const line = 'The harbour lights came on one by one while the ferry turned in the channel, and nobody on the quay looked up. ';
  const chapter = (title: string) => ({
    id: newId(),
    kind: 'chapter' as const,
    content: { type: 'doc', content: [{ type: 'chapter', content: [{ type: 'chapterTitle', content: [{ type: 'text', text: title }] }, { type: 'paragraph', content: [{ type: 'text', text: line.repeat(4) }] }] }] },
  });
  return { title: 'A Harbour Town at the Edge of the Map', sections: [chapter('Arrival'), chapter('The Long Winter of the Lighthouse Keeper'), chapter('Departure')] };
}

/** What does not fit: page-wide horizontal overflow, and visible controls cut by the viewport. */
async function layoutProblems(page: Page, scope = 'body'): Promise<string[]> {
  return page.evaluate((selector) => {
    const problems: string[] = [];
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth > width + 1) problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    for (const control of document.querySelectorAll<HTMLElement>(`${selector} button, ${selector} select, ${selector} input, ${selector} a`)) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(control).visibility === 'hidden') continue;
      if (control.closest('.binder') && !control.closest('.workspace.binder-open') && window.innerWidth < 900) continue; // the closed drawer
      // A strip that scrolls sideways (the toolbars on a phone) reaches every control it holds.
      let strip: HTMLElement | null = control.parentElement;
      while (strip && !(['auto', 'scroll'].includes(getComputedStyle(strip).overflowX) && strip.scrollWidth > strip.clientWidth)) strip = strip.parentElement;
      if (strip && strip !== document.documentElement && strip !== document.body) {
        const frame = strip.getBoundingClientRect();
        if (frame.left >= -1 && frame.right <= width + 1) continue;
      }
      if (box.left < -1 || box.right > width + 1) problems.push(`"${control.textContent?.trim() || control.getAttribute('aria-label')}" is cut off (${Math.round(box.left)}–${Math.round(box.right)} of ${width})`);
    }
    return problems;
  }, scope);
}

/** Visible controls inside `selector` smaller than a fingertip (44 px high). */
async function smallTargets(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((scope) => {
    const small: string[] = [];
    for (const control of document.querySelectorAll<HTMLElement>(`${scope} button, ${scope} select`)) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.height < 43.5) small.push(`"${control.textContent?.trim() || control.getAttribute('aria-label')}" is ${Math.round(box.height)} px high`);
    }
    return small;
  }, selector);
}

for (const size of WIDTHS) {
  test(`the writing room at ${size.width} px: nothing scrolls sideways or is cut off, the text keeps a readable measure, every panel opens and closes`, async ({ prisma, makeAccount, openAs }, testInfo) => {
    const { id, owner } = await createOwnedManuscript(prisma, 'Harbour', { layout: 'sections', manuscript: book() });
    await makeAccount('Bartholomew Featherstonehaugh', { manuscriptId: id, role: 'editor' });
    const page = await openAs({ ...owner, name: 'Owner' }, `/m/${id}`);
    await page.setViewportSize(size);
    await expectConnected(page);
    await page.screenshot({ path: testInfo.outputPath(`writing-room-${size.width}.png`) });
    expect(await layoutProblems(page)).toEqual([]);

    // The header is one row on wide screens.
    if (size.width >= 1024) expect((await page.locator('.workspace-header').boundingBox())!.height).toBeLessThan(64);
    // A readable measure: at least about 30 characters of the text's size on a line.
    const measure = await page.locator('.manuscript-page p').first().evaluate((p) => p.getBoundingClientRect().width / (parseFloat(getComputedStyle(p).fontSize) * 0.5));
    expect(measure).toBeGreaterThanOrEqual(30);

    if (size.width < 900) {
      // The binder is a drawer: opened from the header, closed by choosing a chapter.
      await expect(page.getByTestId('binder')).not.toBeInViewport();
      await page.getByRole('button', { name: 'Sections' }).click();
      await expect(page.getByTestId('binder')).toBeInViewport({ ratio: 1 });
      // Slid all the way in (it moves in over 0.2 s).
      await expect.poll(async () => (await page.getByTestId('binder').boundingBox())!.x).toBeGreaterThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`binder-${size.width}.png`) });
      expect(await smallTargets(page, '.binder')).toEqual([]);
      expect(await smallTargets(page, '.workspace-header')).toEqual([]);
      await page.getByTestId('binder').getByRole('button', { name: /Departure/ }).first().click();
      await expect(page.getByTestId('binder')).not.toBeInViewport();
      await expect(page.locator('.ms-chapter-title')).toHaveText('Departure');
    }

    // Every panel opens, fits, and closes.
    for (const [action, name, close] of [['Find', 'find', 'find'], ['History', 'history', 'history'], ['Export', 'export', 'export'], ['Share', 'share', 'sharing']] as const) {
      await workspaceAction(page, action);
      const panel = page.getByTestId(`${name}-panel`);
      await expect(panel).toBeVisible();
      if (name === 'share') await expect(panel.getByText('Bartholomew Featherstonehaugh')).toBeVisible();
      if (size.width < 900) {
        const box = (await panel.boundingBox())!;
        expect(box.width).toBeGreaterThanOrEqual(size.width - 1);
        expect(await smallTargets(page, `[data-testid="${name}-panel"]`)).toEqual([]);
      }
      await page.screenshot({ path: testInfo.outputPath(`${name}-${size.width}.png`) });
      expect(await layoutProblems(page, `[data-testid="${name}-panel"]`)).toEqual([]);
      await panel.getByRole('button', { name: `Close ${close}` }).click();
      await expect(panel).toHaveCount(0);
    }
  });
}
