/** The file name a Content-Disposition header gives (its UTF-8 form preferred), if any. */
function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  return /filename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
}

/**
 * Fetches an export and saves it under the name the server gave, or throws an Error carrying the
 * server's message ("Some of the chosen sections are no longer in the manuscript…"), which a
 * plain download link would swallow.
 */
export async function downloadExport(url: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(body.error ?? `The export failed (${response.status}). Try again.`);
  }
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = fileNameFrom(response.headers.get('content-disposition')) ?? 'export';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
