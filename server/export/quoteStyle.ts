/** The four quotation marks a language prints: outer pair, then inner pair. */
export interface QuoteStyle {
  open: string;
  close: string;
  innerOpen: string;
  innerClose: string;
}

const ENGLISH: QuoteStyle = { open: '“', close: '”', innerOpen: '‘', innerClose: '’' };
const GERMAN: QuoteStyle = { open: '„', close: '“', innerOpen: '‚', innerClose: '‘' };
// French sets a narrow no-break space inside its guillemets, so a line never breaks there.
const FRENCH: QuoteStyle = { open: '«\u202f', close: '\u202f»', innerOpen: '“', innerClose: '”' };
const GUILLEMETS: QuoteStyle = { open: '«', close: '»', innerOpen: '“', innerClose: '”' };
const RUSSIAN: QuoteStyle = { open: '«', close: '»', innerOpen: '„', innerClose: '“' };
const SWEDISH: QuoteStyle = { open: '”', close: '”', innerOpen: '’', innerClose: '’' };
const POLISH: QuoteStyle = { open: '„', close: '”', innerOpen: '«', innerClose: '»' };
const JAPANESE: QuoteStyle = { open: '「', close: '」', innerOpen: '『', innerClose: '』' };

/** By primary language subtag (Unicode CLDR's delimiters for each). */
const STYLES: Record<string, QuoteStyle> = {
  en: ENGLISH,
  nl: ENGLISH,
  pt: ENGLISH,
  zh: ENGLISH,
  ko: ENGLISH,
  he: ENGLISH,
  de: GERMAN,
  cs: GERMAN,
  sk: GERMAN,
  da: { open: '”', close: '”', innerOpen: '’', innerClose: '’' },
  fr: FRENCH,
  es: GUILLEMETS,
  it: GUILLEMETS,
  ca: GUILLEMETS,
  el: GUILLEMETS,
  ru: RUSSIAN,
  uk: RUSSIAN,
  bg: RUSSIAN,
  sv: SWEDISH,
  fi: SWEDISH,
  no: GUILLEMETS,
  nb: GUILLEMETS,
  nn: GUILLEMETS,
  pl: POLISH,
  hu: POLISH,
  ro: POLISH,
  ja: JAPANESE,
};

/** The quotation marks of a BCP 47 language tag ("de-AT" prints as "de"); English's for any other. */
export function quoteStyle(language: string): QuoteStyle {
  return STYLES[language.toLowerCase().split('-')[0]] ?? ENGLISH;
}
