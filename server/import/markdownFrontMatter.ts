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
 * Front matter is a few lines of metadata; a longer block between two rules is the writer's own
 * text, and a YAML parser given megabytes of keys takes seconds, so it is not parsed at all.
 */
const MAX_FRONT_MATTER_CHARACTERS = 16 * 1024;
const MAX_FRONT_MATTER_LINES = 300;

/**
 * Keys that Pandoc, static-site generators and writing tools put in front matter. A block is only
 * taken as front matter when it names at least one of them: "Time: late. Place: the pier."
 * between two rules parses as a mapping too, and it is story, not metadata.
 */
const FRONT_MATTER_KEYS = new Set([
  'title', 'subtitle', 'author', 'authors', 'date', 'lang', 'language', 'description', 'abstract',
  'keywords', 'tags', 'categories', 'rights', 'publisher', 'identifier', 'isbn', 'cover-image',
  'layout', 'draft', 'slug', 'series', 'genre',
]);

/** A scalar YAML value as text: `title: 1984` is read as a number and is still the title. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim().slice(0, 200) || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Reads and removes a Markdown file's YAML front matter: its `title` and `lang` (or `language`),
 * a tag that is not a language tag being ignored. The block is replaced by as many empty lines,
 * so line numbers in any later message still match the file. A block that is not valid YAML, not
 * a mapping, names no front-matter key or is too long to be metadata is left in the text: it may
 * be the writer's own words between two rules.
 */
export function splitFrontMatter(source: string): { frontMatter: FrontMatter; body: string } {
  const untouched = { frontMatter: {}, body: source };
  const match = FENCED.exec(source.slice(0, MAX_FRONT_MATTER_CHARACTERS + 16));
  if (!match) return untouched;
  const block = match[1];
  if (block.length > MAX_FRONT_MATTER_CHARACTERS || block.split('\n').length > MAX_FRONT_MATTER_LINES) return untouched;
  let data: unknown;
  try {
    data = parse(block, { maxAliasCount: 10, uniqueKeys: false });
  } catch {
    return untouched;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return untouched;
  const fields = data as Record<string, unknown>;
  if (!Object.keys(fields).some((key) => FRONT_MATTER_KEYS.has(key.toLowerCase()))) return untouched;
  const title = scalarText(fields.title);
  const language = languageTag(fields.lang ?? fields.language);
  const blank = '\n'.repeat(match[0].split('\n').length - 1);
  return { frontMatter: { ...(title ? { title } : {}), ...(language ? { language } : {}) }, body: blank + source.slice(match[0].length) };
}
