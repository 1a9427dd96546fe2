import { test, expect, expectConnected } from './fixtures';

test('formatting, scene headings, scene breaks and a subtitle, made in one window, show in the other', async ({ manuscript, makeAccount, openAs }) => {
  const ben = await makeAccount('Ben', { manuscriptId: manuscript.id, role: 'editor' });
  const ada = await openAs(manuscript.owner, `/m/${manuscript.id}`);
  const benPage = await openAs(ben, `/m/${manuscript.id}`);
  await expectConnected(ada);
  await expectConnected(benPage);
  const toolbar = ada.getByRole('toolbar', { name: 'Formatting' });

  await ada.locator('.ms-chapter-title').click();
  await ada.keyboard.type('Night Shift');
  await toolbar.getByRole('button', { name: 'Add subtitle' }).click();
  await ada.keyboard.type('in which nobody sleeps');
  await ada.keyboard.press('Enter');
  await ada.keyboard.type('The Loading Dock');
  await toolbar.getByRole('button', { name: 'Scene heading' }).click();
  await ada.keyboard.press('End');
  await ada.keyboard.press('Enter');
  await ada.keyboard.type('She was ');
  await toolbar.getByRole('button', { name: 'Italic' }).click();
  await ada.keyboard.type('late');
  await toolbar.getByRole('button', { name: 'Italic' }).click();
  await ada.keyboard.type(' again, and ');
  await ada.keyboard.press('ControlOrMeta+b');
  await ada.keyboard.type('furious');
  await ada.keyboard.press('ControlOrMeta+b');
  await ada.keyboard.type('.');
  await toolbar.getByRole('button', { name: 'Scene break' }).click();
  await ada.keyboard.type('Morning came.');

  const other = benPage.getByTestId('editor');
  await expect(other.locator('.ms-chapter-title')).toHaveText('Night Shift');
  await expect(other.locator('.ms-chapter-subtitle')).toHaveText('in which nobody sleeps');
  await expect(other.locator('.ms-scene-heading')).toHaveText('The Loading Dock');
  // While edits are still arriving the text may be split across several elements; wait for it to settle.
  await expect(other).toContainText('She was late again, and furious.');
  await expect.poll(() => other.locator('em').allTextContents().then((parts) => parts.join(''))).toBe('late');
  await expect.poll(() => other.locator('strong').allTextContents().then((parts) => parts.join(''))).toBe('furious');
  await expect(other.locator('hr.ms-scene-break')).toHaveCount(1);
  // The paragraph after the break (it may also hold the other writer's caret label).
  await expect(other.locator('hr.ms-scene-break + p')).toContainText('Morning came.');
  await expect(benPage.getByTestId('binder-label').last()).toHaveText('Night Shift');
});

test('epigraphs: Enter moves from the quotation to its attribution, and from there starts the next epigraph', async ({ manuscript, openAs }) => {
  const page = await openAs(manuscript.owner, `/m/${manuscript.id}`);
  await expectConnected(page);
  await page.getByRole('button', { name: /Epigraphs/ }).click();
  await page.locator('.ms-epigraph-quote').first().click();
  await page.keyboard.type('All the world’s a stage.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('William Shakespeare');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Less is more.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Robert Browning');
  await expect(page.locator('.ms-epigraph-quote')).toHaveText(['All the world’s a stage.', 'Less is more.']);
  await expect(page.locator('.ms-epigraph-attribution')).toHaveText(['William Shakespeare', 'Robert Browning']);

  // Select-all and delete empties the text but keeps the section what it is.
  await page.getByRole('button', { name: /Chapter 1/ }).click();
  await page.locator('.manuscript-page p').first().click();
  await page.keyboard.type('Some words to lose.');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await expect(page.locator('.ms-chapter')).toHaveCount(1);
  await expect(page.locator('.ms-chapter-title')).toHaveCount(1);
});

test('a chapter epigraph, added from the toolbar and by keyboard, shows in the other window under the heading', async ({ manuscript, makeAccount, openAs }) => {
  const ben = await makeAccount('Ben', { manuscriptId: manuscript.id, role: 'editor' });
  const ada = await openAs(manuscript.owner, `/m/${manuscript.id}`);
  const benPage = await openAs(ben, `/m/${manuscript.id}`);
  await expectConnected(ada);
  await expectConnected(benPage);
  const toolbar = ada.getByRole('toolbar', { name: 'Formatting' });

  await ada.locator('.ms-chapter-title').click();
  await toolbar.getByRole('button', { name: 'Add epigraph' }).click();
  await ada.keyboard.type('It was the best of times.');
  await ada.keyboard.press('Enter');
  await ada.keyboard.type('Charles Dickens');
  // Enter at the end of a source starts another epigraph; Enter in its empty quotation leaves for the text.
  await ada.keyboard.press('Enter');
  await ada.keyboard.press('Enter');
  await ada.keyboard.type('Chapter text ');
  // The keyboard path adds one more, from anywhere in the chapter.
  await ada.keyboard.press('ControlOrMeta+Alt+e');
  await ada.keyboard.type('Call me Ishmael.');

  const other = benPage.getByTestId('editor');
  const epigraphs = other.locator('.ms-chapter > .ms-epigraph');
  await expect(epigraphs).toHaveCount(2);
  await expect(epigraphs.nth(0).locator('.ms-epigraph-quote')).toHaveText('It was the best of times.');
  await expect(epigraphs.nth(0).locator('.ms-epigraph-attribution')).toHaveText('Charles Dickens');
  // (Contains: the writer's caret, with her name, may sit in it in the other window.)
  await expect(epigraphs.nth(1).locator('.ms-epigraph-quote')).toContainText('Call me Ishmael.');
  // Under the heading, before the chapter's text.
  await expect(other.locator('.ms-chapter > :nth-child(2)')).toHaveClass(/ms-epigraph/);
  await expect(other.locator('.ms-chapter > p').first()).toContainText('Chapter text');
});
