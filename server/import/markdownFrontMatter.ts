import { parse } from 'yaml';
import { languageTag } from '@model/manuscript/bookLanguage';

/** What a Markdown file's front matter says about the book (Pandoc's and static-site generators' keys). */
export interface FrontMatter {
  title?: string;
  language?: string;
}

/** A YAML block fenced by `---` lines at the very start of the file. */
const FENCED = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Reads and removes a Markdown file's YAML front matter: its `title` and `lang` (or `language`),
 * a tag that is not a language tag being ignored. The block is replaced by as many empty lines,
 * so line numbers in any later message still match the file. A block that is not valid YAML, or
 * not a mapping, is left in the text: it may be the writer's own words between two rules.
 */
export function splitFrontMatter(source: string): { frontMatter: FrontMatter; body: string } {
  const match = FENCED.exec(source);
  if (!match) return { frontMatter: {}, body: source };
  let data: unknown;
  try {
    data = parse(match[1], { maxAliasCount: 10 });
  } catch {
    return { frontMatter: {}, body: source };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { frontMatter: {}, body: source };
  const fields = data as Record<string, unknown>;
  const title = typeof fields.title === 'string' ? fields.title.trim().slice(0, 200) : undefined;
  const language = languageTag(fields.lang ?? fields.language);
  const blank = '\n'.repeat(match[0].split('\n').length - 1);
  return { frontMatter: { ...(title ? { title } : {}), ...(language ? { language } : {}) }, body: blank + source.slice(match[0].length) };
}
