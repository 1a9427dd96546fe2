/**
 * How deep a Markdown file may nest block quotes and lists, and how many emphasis and link marks
 * one paragraph may carry. No manuscript comes near either; past them the Markdown parser's time grows
 * with the square of the input and the tree is deeper than a call stack, so such a file is
 * refused with the line that goes too far instead of failing or hanging.
 */
export const MAX_MARKDOWN_NESTING = 64;
export const MAX_INLINE_MARKS_PER_PARAGRAPH = 2000;
/**
 * Matching a paragraph's marks costs about the square of their number: the file's total of those
 * squares is bounded too (a few seconds of parsing at worst; a heavily italicised novel of 5,000
 * paragraphs with 100 marks each stays at a quarter of it).
 */
export const MAX_INLINE_MARK_WORK = 200_000_000;

/** A leading quote marker, list bullet or ordered-list number, with the spaces after it. */
const CONTAINER_MARKER = /^(?:>|[-*+](?=\s)|\d{1,9}[.)](?=\s))[ \t]*/;

/**
 * What is wrong with a Markdown source's nesting (a phrase such as "quotes or lists nested more
 * than 64 levels deep"), and the line (1-based) where it starts; null if nothing.
 */
export function markdownNestingProblem(source: string): { line: number; problem: string } | null {
  const lines = source.split('\n');
  // Emphasis is matched within a paragraph (lines up to a blank one): its marks are counted together.
  let marks = 0;
  let paragraphStart = 0;
  let work = 0;
  const endParagraph = () => {
    work += marks * marks;
    marks = 0;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line.trim() === '') {
      endParagraph();
      if (work > MAX_INLINE_MARK_WORK) return { line: paragraphStart + 1, problem: 'too many emphasis and link marks in all' };
      paragraphStart = index + 1;
      continue;
    }
    // Indentation nests lists too: every two columns can open a level.
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    let depth = Math.floor(indent / 2);
    let rest = line.trimStart();
    for (let marker = CONTAINER_MARKER.exec(rest); marker && marker[0].length > 0; marker = CONTAINER_MARKER.exec(rest)) {
      depth++;
      if (depth > MAX_MARKDOWN_NESTING) break;
      rest = rest.slice(marker[0].length);
    }
    if (depth > MAX_MARKDOWN_NESTING) return { line: index + 1, problem: `quotes or lists nested more than ${MAX_MARKDOWN_NESTING} levels deep` };
    for (const char of line) if (char === '*' || char === '_' || char === '[' || char === ']') marks++;
    if (marks > MAX_INLINE_MARKS_PER_PARAGRAPH) {
      return { line: paragraphStart + 1, problem: `a paragraph with more than ${MAX_INLINE_MARKS_PER_PARAGRAPH.toLocaleString('en')} emphasis or link marks` };
    }
  }
  endParagraph();
  if (work > MAX_INLINE_MARK_WORK) return { line: paragraphStart + 1, problem: 'too many emphasis and link marks in all' };
  return null;
}
