/** Markdown that drafts actually contain: headings, bold or italic spans, bullets, quotes. */
const MARKDOWN_SIGNS = [/^#{1,6}[ \t]+\S/m, /\*\*[^*\n]+\*\*/, /__[^_\n]+__/, /^[ \t]*[-*+][ \t]+[^\s*-]/m, /^>[ \t]?\S/m, /(^|[\s(])\*[^*\s][^*\n]*\*(?=[\s).,;:!?]|$)/m];

/**
 * Whether a `.txt` file is really Markdown (as tools and chat assistants often save it), so its
 * `##` headings and `**bold**` become structure and formatting rather than literal characters.
 */
export function looksLikeMarkdown(text: string): boolean {
  return MARKDOWN_SIGNS.some((sign) => sign.test(text));
}
