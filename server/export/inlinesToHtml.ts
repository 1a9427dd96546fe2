import type { ExportInline } from './exportBook';
import { escapeHtml } from './escapeHtml';

/** Inlines as HTML: `<strong>`, `<em>`, `<code>`, `<br/>` (self-closed, so the same markup is valid XHTML). */
export function inlinesToHtml(inlines: ExportInline[]): string {
  return inlines
    .map((inline) => {
      if ('lineBreak' in inline) return '<br/>';
      let html = escapeHtml(inline.text);
      if (inline.code) html = `<code>${html}</code>`;
      if (inline.italic) html = `<em>${html}</em>`;
      if (inline.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}
