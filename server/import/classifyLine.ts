import { ATTRIBUTION_DASH } from './attributionDash';
/** What a line of text looks like on its own, before context decides what it is. */
export type LineShape =
  | { kind: 'dedicationLabel' }
  | { kind: 'epigraphsLabel' }
  | { kind: 'partHeading'; title: string }
  | { kind: 'chapterHeading'; title: string }
  | { kind: 'sceneBreak' }
  | { kind: 'attribution'; text: string }
  | { kind: 'text'; text: string };

const DEDICATION = /^dedication$/i;
const EPIGRAPHS = /^epigraphs?$/i;
/** "Chapter 1", "Chapter 1: Title", "Chapter One - Title", "CHAPTER TWELVE", "Chapter IV. Title". */
const CHAPTER = /^chapter\s+([0-9]+|[ivxlcdm]+|[a-z]+(?:[\s-][a-z]+)?)\s*(?:[:.\u2013\u2014-]\s*(.*))?$/i;
/** "Part One", "PART 2: The City", "Part III. Title". */
const PART = /^part\s+([0-9]+|[ivxlcdm]+|[a-z]+(?:[\s-][a-z]+)?)\s*(?:[:.\u2013\u2014-]\s*(.*))?$/i;
/** A roman numeral up to 200 (CC), in capitals: a chapter number, not a word such as "DID" or "MIX". */
const ROMAN_UP_TO_200 = /^C{0,2}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/**
 * Whether a line is a chapter heading that is its number alone: digits ("1", "1.", up to three
 * digits, so "1999" is a year), a roman numeral in capitals ("IV", "IV."; "I" alone only with its
 * full stop, as the pronoun is a line of dialogue more often), or number words in capitals or with
 * capitals first ("ONE", "Twenty-One"; "One." with a full stop, or "ten", is prose).
 */
function isNumberAlone(line: string): boolean {
  const bare = line.replace(/\.$/, '');
  if (/^[0-9]{1,3}$/.test(bare)) return true;
  if (/^[IVXLC]+$/.test(bare) && ROMAN_UP_TO_200.test(bare)) return bare.length > 1 || line.endsWith('.');
  if (line.endsWith('.') || !/^[A-Z]/.test(line)) return false;
  const words = bare.split(/[\s-]/);
  return words.every((word) => /^[A-Z][a-z]*$|^[A-Z]+$/.test(word) && NUMBER_WORDS.has(word.toLowerCase()));
}

/** Openers and closers that stand in for a numbered chapter. */
const NAMED_CHAPTER = /^(prologue|epilogue|interlude|afterword|foreword|preface|introduction)$/i;
const SCENE_BREAK = /^(?:\*\s*\*\s*\*|#|~+|\*|(?:-\s*){3,}|•\s*•\s*•|⁂)$/;
/** An attribution line: an em dash, a horizontal bar, or two hyphens, then the source (a lone dash: none given). */
const ATTRIBUTION = new RegExp(`${ATTRIBUTION_DASH.source}\\s*(.*)$`, 's');

/** Number words a heading may spell out, so "Chapter Seventy" is not read as prose. */
const NUMBER_WORDS = new Set(
  ('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
    'seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred')
    .split(' '),
);

function isNumber(token: string): boolean {
  if (/^[0-9]+$/.test(token) || /^[ivxlcdm]+$/i.test(token)) return true;
  return token
    .toLowerCase()
    .split(/[\s-]/)
    .every((word) => NUMBER_WORDS.has(word));
}

/** Classifies one trimmed line of text by its shape alone. */
export function classifyLine(line: string): LineShape {
  if (DEDICATION.test(line)) return { kind: 'dedicationLabel' };
  if (EPIGRAPHS.test(line)) return { kind: 'epigraphsLabel' };
  const chapter = CHAPTER.exec(line);
  if (chapter && isNumber(chapter[1])) return { kind: 'chapterHeading', title: (chapter[2] ?? '').trim() };
  const part = PART.exec(line);
  if (part && isNumber(part[1])) return { kind: 'partHeading', title: (part[2] ?? '').trim() };
  if (NAMED_CHAPTER.test(line)) return { kind: 'chapterHeading', title: line };
  if (isNumberAlone(line)) return { kind: 'chapterHeading', title: '' };
  if (SCENE_BREAK.test(line)) return { kind: 'sceneBreak' };
  const attribution = ATTRIBUTION.exec(line);
  if (attribution) return { kind: 'attribution', text: attribution[1].trim() };
  return { kind: 'text', text: line };
}
