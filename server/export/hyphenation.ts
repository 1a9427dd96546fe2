import { createRequire } from 'node:module';
import path from 'node:path';

type HyphenateSync = (text: string, options?: { minWordLength?: number }) => string;

/** Tags whose patterns the `hyphen` package files under another name. */
const PATTERN_NAMES: Record<string, string> = { en: 'en-us', de: 'de-1996', el: 'el-monoton' };

/**
 * A word's letters between any leading and trailing punctuation (“Lantern,” → Lantern); a word
 * with an apostrophe inside is left whole.
 */
const WORD = /^(\P{L}*)(\p{L}[\p{L}\p{M}]*\p{L})(\P{L}*)$/u;

/**
 * Scripts whose lines break between syllables or characters with no hyphen drawn (Thai, Lao,
 * Khmer, Myanmar, Chinese, Japanese, Korean): a hyphen at a line's end would be a mistake there.
 */
const NEVER_HYPHENATED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Longer "words" are not hyphenated: no word of any language is this long, and the pattern
 * matcher's work grows with the square of the length (a 20,000-letter blob took seconds).
 */
const LONGEST_WORD = 64;

/** Hyphenated words kept per language: a novel uses some ten thousand distinct words. */
const CACHE_LIMIT = 50_000;

/** Language tags whose hyphenator (or its absence) is remembered. */
const LOADED_LIMIT = 64;
const loaded = new Map<string, ((word: string) => string[]) | null>();

/**
 * Where a book's words may be hyphenated, by Liang's algorithm with the TeX patterns for its
 * language (the `hyphen` package): the tag as given ("en-gb"), else its primary language ("de"),
 * else none, and the text is justified without hyphens. Returns a function that cuts a word into
 * its pieces (the whole word when it has no hyphenation point), punctuation staying with the
 * first and last piece.
 */
export function hyphenator(language: string): ((word: string) => string[]) | undefined {
  const tag = language.toLowerCase();
  if (!loaded.has(tag)) {
    // Any well-formed tag is allowed (private-use ones included), so the map is kept small.
    if (loaded.size >= LOADED_LIMIT) loaded.clear();
    loaded.set(tag, load(tag));
  }
  return loaded.get(tag) ?? undefined;
}

function load(tag: string): ((word: string) => string[]) | null {
  // Resolved from the working directory, as pdfFonts.ts explains.
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  const primary = tag.split('-')[0];
  let hyphenateSync: HyphenateSync | undefined;
  for (const name of [PATTERN_NAMES[tag] ?? tag, PATTERN_NAMES[primary] ?? primary]) {
    if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(name)) continue;
    try {
      hyphenateSync = (require(`hyphen/${name}`) as { hyphenateSync: HyphenateSync }).hyphenateSync;
      break;
    } catch {
      // No patterns under that name: try the next.
    }
  }
  if (!hyphenateSync) return null;
  const cut = hyphenateSync;
  const cache = new Map<string, string[]>();
  return (word) => {
    let pieces = cache.get(word);
    if (pieces) return pieces;
    const match = word.length > LONGEST_WORD || NEVER_HYPHENATED.test(word) ? null : WORD.exec(word);
    if (!match) pieces = [word];
    else {
      const [, before, letters, after] = match;
      pieces = cut(letters, { minWordLength: 5 }).split('\u00ad');
      pieces[0] = before + pieces[0];
      pieces[pieces.length - 1] += after;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, pieces);
    return pieces;
  };
}
