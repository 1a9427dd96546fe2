// A line's shape, line by line: written to kill the mutants `npm run test:mutation` found
// surviving in classifyLine (anchors, repetitions and alternatives of its patterns).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyLine, type LineShape } from '../../server/import/classifyLine';

const cases: Array<[string, LineShape]> = [
  ['Dedication', { kind: 'dedicationLabel' }],
  ['DEDICATION', { kind: 'dedicationLabel' }],
  ['My dedication', { kind: 'text', text: 'My dedication' }],
  ['Dedication page', { kind: 'text', text: 'Dedication page' }],
  ['Epigraphs', { kind: 'epigraphsLabel' }],
  ['Epigraph', { kind: 'epigraphsLabel' }],
  ['The epigraphs', { kind: 'text', text: 'The epigraphs' }],
  ['Epigraphs below', { kind: 'text', text: 'Epigraphs below' }],
  ['Chapter 1', { kind: 'chapterHeading', title: '' }],
  ['Chapter 12', { kind: 'chapterHeading', title: '' }],
  ['Chapter  3', { kind: 'chapterHeading', title: '' }],
  ['Chapter 12: The Storm', { kind: 'chapterHeading', title: 'The Storm' }],
  ['Chapter 3: Title ', { kind: 'chapterHeading', title: 'Title' }],
  ['Chapter One - Arrival', { kind: 'chapterHeading', title: 'Arrival' }],
  ['CHAPTER TWELVE', { kind: 'chapterHeading', title: '' }],
  ['Chapter IV. Title', { kind: 'chapterHeading', title: 'Title' }],
  ['Chapter Twenty-One', { kind: 'chapterHeading', title: '' }],
  ['Chapter twenty one: Late', { kind: 'chapterHeading', title: 'Late' }],
  ['Chapter 2 \u2014 Dawn', { kind: 'chapterHeading', title: 'Dawn' }],
  ['Chapter 3:Title', { kind: 'chapterHeading', title: 'Title' }],
  // Words that are not numbers: prose that happens to start with "Chapter" or "Part".
  ['Chapter Fix', { kind: 'text', text: 'Chapter Fix' }],
  ['Chapter Dog', { kind: 'text', text: 'Chapter Dog' }],
  ['Chapter Twenty Dogs', { kind: 'text', text: 'Chapter Twenty Dogs' }],
  ['Chapter 1 is where it starts', { kind: 'text', text: 'Chapter 1 is where it starts' }],
  ['The chapter 1', { kind: 'text', text: 'The chapter 1' }],
  ['Part One', { kind: 'partHeading', title: '' }],
  ['Part 22', { kind: 'partHeading', title: '' }],
  ['Part  2', { kind: 'partHeading', title: '' }],
  ['PART 2: The City', { kind: 'partHeading', title: 'The City' }],
  ['Part III. Title', { kind: 'partHeading', title: 'Title' }],
  ['Part Twenty-Two', { kind: 'partHeading', title: '' }],
  ['Part twenty two: Home ', { kind: 'partHeading', title: 'Home' }],
  ['Part Dog', { kind: 'text', text: 'Part Dog' }],
  ['Part Fix', { kind: 'text', text: 'Part Fix' }],
  ['Part Two Dogs', { kind: 'text', text: 'Part Two Dogs' }],
  ['Part Two-Dogs', { kind: 'text', text: 'Part Two-Dogs' }],
  ['Part Two 1', { kind: 'text', text: 'Part Two 1' }],
  ['Part Two:Done', { kind: 'partHeading', title: 'Done' }],
  ['Part 2 : Home', { kind: 'partHeading', title: 'Home' }],
  ['Part 2 of the plan', { kind: 'text', text: 'Part 2 of the plan' }],
  ['The part 2', { kind: 'text', text: 'The part 2' }],
  ['Prologue', { kind: 'chapterHeading', title: 'Prologue' }],
  ['EPILOGUE', { kind: 'chapterHeading', title: 'EPILOGUE' }],
  ['The Prologue', { kind: 'text', text: 'The Prologue' }],
  ['Prologue to war', { kind: 'text', text: 'Prologue to war' }],
  ['***', { kind: 'sceneBreak' }],
  ['* * *', { kind: 'sceneBreak' }],
  ['#', { kind: 'sceneBreak' }],
  ['~', { kind: 'sceneBreak' }],
  ['~~~', { kind: 'sceneBreak' }],
  ['*', { kind: 'sceneBreak' }],
  ['---', { kind: 'sceneBreak' }],
  ['- - -', { kind: 'sceneBreak' }],
  ['-  -  -', { kind: 'sceneBreak' }],
  ['•••', { kind: 'sceneBreak' }],
  ['•  •  •', { kind: 'sceneBreak' }],
  ['⁂', { kind: 'sceneBreak' }],
  ['-', { kind: 'text', text: '-' }],
  ['~ fin', { kind: 'text', text: '~ fin' }],
  ['# not a break', { kind: 'text', text: '# not a break' }],
  ['end ***', { kind: 'text', text: 'end ***' }],
  ['•x•x•', { kind: 'text', text: '•x•x•' }],
  ['-x-x-x', { kind: 'text', text: '-x-x-x' }],
  ['\u2014 Mary Oliver', { kind: 'attribution', text: 'Mary Oliver' }],
  ['\u2014Mary Oliver', { kind: 'attribution', text: 'Mary Oliver' }],
  ['\u2015 Anon', { kind: 'attribution', text: 'Anon' }],
  ['-- Mark Twain ', { kind: 'attribution', text: 'Mark Twain' }],
  ['\u2014', { kind: 'attribution', text: '' }],
  ['He said \u2014 no', { kind: 'text', text: 'He said \u2014 no' }],
  ['Just a line of story.', { kind: 'text', text: 'Just a line of story.' }],
];

test('classifyLine: each line has the shape its words give it, and no other', () => {
  for (const [line, shape] of cases) assert.deepEqual(classifyLine(line), shape, JSON.stringify(line));
});

test('classifyLine: a Roman numeral joined to the title by a hyphen still numbers a chapter or a part', () => {
  assert.deepEqual(classifyLine('Chapter IV-Dawn'), { kind: 'chapterHeading', title: 'Dawn' });
  assert.deepEqual(classifyLine('PART II-Spring'), { kind: 'partHeading', title: 'Spring' });
});
