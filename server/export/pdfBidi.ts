import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/**
 * Characters of the scripts written right to left, their digits included: what the shaper
 * (fontkit) lays out right to left.
 */
const RTL_SCRIPT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LETTER = /\p{L}/u;

/** Blocks whose letters are right to left by default (Unicode's default Bidi_Class R and AL). */
const isRightToLeftBlock = (codePoint: number) => (codePoint >= 0x10800 && codePoint <= 0x10fff) || (codePoint >= 0x1e800 && codePoint <= 0x1efff);

/**
 * The text as bidi-js should see it, of the same length: bidi-js classifies UTF-16 code units one
 * by one, so each half of a character past U+FFFF (an emoji, a rare ideograph) would count as a
 * strong left-to-right letter and cut a Hebrew sentence around an emoji in two. Each such
 * character becomes two characters of its own class: neutral, digit, mark, or a letter of its
 * direction.
 */
function bidiStandIns(text: string): string {
  if (!/[\ud800-\udfff]/.test(text)) return text;
  return text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, (pair) => {
    const codePoint = pair.codePointAt(0)!;
    if (/\p{L}/u.test(pair)) return isRightToLeftBlock(codePoint) ? '\u05d0\u05d0' : 'aa';
    if (/\p{Nd}/u.test(pair)) return '00';
    if (/\p{M}/u.test(pair)) return '\u0300\u0300';
    return '\ufffd\ufffd';
  });
}

/** Whether text holds any right-to-left letter (so its lines need reordering at all). */
export function hasRightToLeft(text: string): boolean {
  return RTL_SCRIPT.test(text);
}

/** Whether a paragraph runs right to left: its first letter is of a right-to-left script (UBA P2–P3). */
export function isRightToLeftParagraph(text: string): boolean {
  const first = LETTER.exec(text);
  return first !== null && RTL_SCRIPT.test(first[0]);
}

/** A piece of one line in logical order: text in one face, or a gap (a word space) of a width. */
export interface BidiAtom<Face> {
  text: string;
  face: Face | null;
  width: number;
}

/**
 * Orders a line's atoms for drawing left to right, by the Unicode Bidirectional Algorithm
 * (bidi-js resolves the levels; rule L2 reverses runs of atoms). An atom keeps its text in
 * logical order when it is in a right-to-left script, because the shaper (fontkit) lays such
 * runs out right to left itself; punctuation and other neutrals that land at a right-to-left
 * level are reversed here, with mirrored brackets. Atoms that straddle two levels are cut
 * first, `measure` giving the width of each part.
 */
export function visualOrder<Face>(atoms: BidiAtom<Face>[], rightToLeft: boolean, measure: (text: string, face: Face) => number): BidiAtom<Face>[] {
  const text = atoms.map((atom) => (atom.face === null ? ' ' : atom.text)).join('');
  const { levels } = bidi.getEmbeddingLevels(bidiStandIns(text), rightToLeft ? 'rtl' : 'ltr');
  const leveled: Array<{ atom: BidiAtom<Face>; level: number }> = [];
  let offset = 0;
  for (const atom of atoms) {
    const length = atom.face === null ? 1 : atom.text.length;
    let start = 0;
    for (let k = 1; k <= length; k++) {
      if (k < length && levels[offset + k] === levels[offset + start]) continue;
      const part = start === 0 && k === length ? atom : { ...atom, text: atom.text.slice(start, k), width: measure(atom.text.slice(start, k), atom.face!) };
      leveled.push({ atom: part, level: levels[offset + start] });
      start = k;
    }
    offset += length;
  }
  const highest = Math.max(...leveled.map((entry) => entry.level));
  const lowestOdd = Math.min(...leveled.map((entry) => (entry.level % 2 ? entry.level : entry.level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let start = 0; start < leveled.length; ) {
      if (leveled[start].level < level) {
        start++;
        continue;
      }
      let end = start;
      while (end < leveled.length && leveled[end].level >= level) end++;
      leveled.splice(start, end - start, ...leveled.slice(start, end).reverse());
      start = end;
    }
  }
  return leveled.map(({ atom, level }) => {
    if (atom.face === null) return atom;
    const shaperReverses = RTL_SCRIPT.test(atom.text);
    // Arabic-Indic digits run left to right inside Arabic, but the shaper, seeing Arabic script,
    // lays them out right to left: handing it the digits reversed puts them back.
    if (level % 2 === 0) return shaperReverses ? { ...atom, text: [...atom.text].reverse().join('') } : atom;
    if (shaperReverses) return atom;
    const mirrored = [...atom.text].reverse().map((char) => bidi.getMirroredCharacter(char) ?? char).join('');
    return { ...atom, text: mirrored };
  });
}
