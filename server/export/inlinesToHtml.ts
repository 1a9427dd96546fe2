import type { ExportInline } from './exportBook';
import { escapeHtml } from './escapeHtml';

/**
 * Inlines as HTML: `<strong>`, `<em>`, `<code>`, `<br/>` (self-closed, so the same markup is valid
 * XHTML); a shown suggestion as `<ins>` or `<del>` naming its author and time.
 */
export function inlinesToHtml(inlines: ExportInline[]): string {
  return inlines
    .map((inline) => {
      if ('lineBreak' in inline) return '<br/>';
      let html = escapeHtml(inline.text);
      if (inline.code) html = `<code>${html}</code>`;
      if (inline.italic) html = `<em>${html}</em>`;
      if (inline.bold) html = `<strong>${html}</strong>`;
      if (inline.suggestion) {
        const { kind, author, date } = inline.suggestion;
        const tag = kind === 'insertion' ? 'ins' : 'del';
        const title = `${kind === 'insertion' ? 'Suggested adding' : 'Suggested deleting'}: ${author}${date ? `, ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''}`;
        html = `<${tag} class="suggestion" title="${escapeHtml(title)}"${date ? ` datetime="${date.toISOString()}"` : ''}>${html}</${tag}>`;
      }
      return html;
    })
    .join('');
}
