import type { Page } from '@playwright/test';
import { expect, expectConnected, test } from './fixtures';

/** Pastes plain text into the editor at the caret, as the clipboard would. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** About `bytes` of prose in paragraphs, ending with `marker`. */
function prose(bytes: number, marker: string): string {
  const paragraph = 'The rain had not stopped for three days, and the theatre smelled of wet wool and old varnish. '.repeat(6);
  const paragraphs = Array.from({ length: Math.ceil(bytes / paragraph.length) }, (_, i) => `${i + 1}. ${paragraph}`);
  return `${paragraphs.join('\n\n')}\n\n${marker}`;
}

test('a novel pasted in one go (1 MB) reaches a co-writer', async ({ manuscript, makeAccount, openAs }) => {
  test.setTimeout(180_000);
  const editor = await makeAccount('Pat', { manuscriptId: manuscript.id, role: 'editor' });
  const owner = await openAs(manuscript.owner, `/m/${manuscript.id}`);
  const coWriter = await openAs(editor, `/m/${manuscript.id}`);
  await expectConnected(owner);
  await expectConnected(coWriter);
  await owner.locator('.manuscript-page p').first().click();
  await paste(owner, prose(1_000_000, 'THE END OF THE PASTE.'));
  await expect(owner.getByTestId('editor')).toContainText('THE END OF THE PASTE.', { timeout: 60_000 });
  await expect(coWriter.getByTestId('editor')).toContainText('THE END OF THE PASTE.', { timeout: 90_000 });
  await expect(owner.getByTestId('connection-saved')).toHaveText('All changes saved', { timeout: 60_000 });
  await expect(owner.getByTestId('access-ended')).toHaveCount(0);
});

test('a paste larger than the server accepts is refused once, said so on the page, and kept in the browser', async ({ manuscript, openAs, syncServer }) => {
  test.setTimeout(120_000);
  await syncServer.restart({ SYNC_MAX_MESSAGE_BYTES: String(64 * 1024) });
  try {
    const page = await openAs(manuscript.owner, `/m/${manuscript.id}`);
    await expectConnected(page);
    await page.locator('.manuscript-page p').first().click();
    await paste(page, prose(100_000, 'TOO MUCH AT ONCE.'));
    await expect(page.getByTestId('access-ended')).toContainText('The server refused the last change', { timeout: 20_000 });
    await expect(page.getByTestId('editor')).toContainText('TOO MUCH AT ONCE.');
    await expect(page.getByTestId('editor')).toHaveAttribute('contenteditable', 'false');
    // The page stopped: it does not keep reconnecting to resend the same change.
    await page.waitForTimeout(3000);
    await expect(page.getByTestId('connection-link')).not.toHaveText('Connected');
    // Kept in this browser: a reload shows the text again, from the browser's own copy (and is refused again).
    await page.reload();
    await expect(page.getByTestId('editor')).toContainText('TOO MUCH AT ONCE.', { timeout: 20_000 });
    await expect(page.getByTestId('access-ended')).toContainText('The server refused the last change', { timeout: 20_000 });
    // The way out: discard what this browser has not saved, and go on from the saved manuscript.
    await page.getByRole('button', { name: 'Discard this browser’s unsaved changes' }).click();
    await expectConnected(page);
    await expect(page.getByTestId('editor')).not.toContainText('TOO MUCH AT ONCE.');
    await expect(page.getByTestId('editor')).toHaveAttribute('contenteditable', 'true');
  } finally {
    await syncServer.restart();
  }
});
