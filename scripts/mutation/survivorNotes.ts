/**
 * Why each mutant that survives `npm run test:mutation` may survive, in one line, keyed as
 * `<file>:<line>:<column> <mutator> → <replacement>` (see mutantKey in mutationReport.ts). A
 * survivor gets a note only when no test can or should kill it (an equivalent mutant: no input
 * the module can receive tells it apart); otherwise it gets a test. docs/mutation/summary.md lists
 * them with their notes.
 */
export const survivorNotes: Record<string, string> = {
  // history
  'server/revisions/diffManuscripts.ts:20:152 StringLiteral → "Stryker was here!"':
    'Equivalent: only front-matter sections have no title block; their label does not use a title, and both versions fall back alike, so no rename follows.',
  'server/revisions/diffManuscripts.ts:38:23 MethodExpression → older.sections':
    'Equivalent: a section only in the older version matches nothing in the newer order, so it can only come out of the common-order diff as removed, and only additions mark a section moved (the same moved sections on 260,000 random reorderings).',
  'server/revisions/diffManuscripts.ts:57:9 ConditionalExpression → true':
    'Equivalent: removed sections are filed only under ids present in both versions, so looking one up for a new section finds nothing.',
  'server/revisions/diffManuscripts.ts:74:29 ConditionalExpression → true':
    'Equivalent: an added section has no older name, and a removed one is named from the older version on both sides, so neither reads as renamed.',
  'server/revisions/diffManuscripts.ts:74:29 LogicalOperator → inOlder || inNewer':
    'Equivalent: an added section has no older name, and a removed one is named from the older version on both sides, so neither reads as renamed.',
  'server/revisions/diffManuscripts.ts:74:29 LogicalOperator → inOlder && inNewer || olderName':
    'Equivalent: an added section has no older name, and a removed one is named from the older version on both sides, so neither reads as renamed.',
  'server/revisions/diffManuscripts.ts:79:14 OptionalChaining → name.label': 'Equivalent: every section has a name in its own version’s map, so the name is never undefined.',
  'server/revisions/diffManuscripts.ts:79:29 StringLiteral → "Stryker was here!"': 'Equivalent: every section has a label in its own version’s map, so the fallback is never used.',
  'server/revisions/diffManuscripts.ts:157:10 MethodExpression → runs':
    'Equivalent: a block has no empty runs (ProseMirror keeps no empty text nodes; a hard break is "\\n").',
  'server/revisions/diffManuscripts.ts:178:16 ConditionalExpression → true': 'Equivalent: both branches of this conditional give the newer block’s type.',
  'server/revisions/diffManuscripts.ts:178:16 ConditionalExpression → false': 'Equivalent: both branches of this conditional give the newer block’s type.',
  'server/revisions/diffManuscripts.ts:178:16 EqualityOperator → older.type !== newer.type': 'Equivalent: both branches of this conditional give the newer block’s type.',
  'server/revisions/sectionBlocks.ts:35:74 StringLiteral → "Stryker was here!"':
    'Equivalent: every inline node of the schema but the hard break (handled before) has text.',
  'server/revisions/sectionBlocks.ts:41:41 ArrayDeclaration → ["Stryker was here"]':
    'Equivalent: every node the walk reaches that is not a text block (document, section, epigraph) has content, so the fallback is never used.',
  'server/revisions/summarizeChanges.ts:63:24 ConditionalExpression → false': 'Equivalent: the editor never puts embeds in text, so every delta insert is a string.',
  'server/revisions/summarizeChanges.ts:89:14 ConditionalExpression → true':
    'Equivalent: every child of a section’s XML is an XmlText or an XmlElement (history documents are never garbage-collected, so no deleted item loses its type).',

  // import: classifyLine
  'server/import/classifyLine.ts:21:21 Regex → /^(?:\\u2014|\\u2015|--)\\s*(.*)/s': 'Equivalent: with the s flag `(.*)` always runs to the end of the line, so `$` adds nothing.',
  'server/import/classifyLine.ts:31:7 Regex → /[0-9]+$/': 'Equivalent: the token comes from the heading pattern as all digits or all letters, never a mix.',
  'server/import/classifyLine.ts:31:7 Regex → /^[0-9]+/': 'Equivalent: the token comes from the heading pattern as all digits or all letters, never a mix.',

  // import: importBlock
  'server/import/importBlock.ts:25:47 ConditionalExpression → true':
    'Equivalent: the only other inline the readers produce, a hard break, has no text, so the test on the text drops it anyway.',
  'server/import/importBlock.ts:25:85 StringLiteral → "Stryker was here!"':
    'Equivalent: every text node the readers produce carries its text (no reader emits an empty run), so the fallback is never used.',
  'server/import/importBlock.ts:31:47 ConditionalExpression → true':
    'Equivalent: the only other inline the readers produce, a hard break, has no text, so the test on the text drops it anyway.',
  'server/import/importBlock.ts:31:85 StringLiteral → "Stryker was here!"':
    'Equivalent: every text node the readers produce carries its text (no reader emits an empty run), so the fallback is never used.',

  // import: keepTitleAsHeading, looksLikeSceneHeading
  'server/import/keepTitleAsHeading.ts:18:7 ConditionalExpression → true':
    'Equivalent: the first body section is a chapter or a part, and a part’s first node is its partTitle, so the chapterTitle test alone already rules a part out.',
  'server/import/looksLikeSceneHeading.ts:14:52 ConditionalExpression → false':
    'Equivalent: a line with no word has no letter, so the final test for an upper-case first letter rejects it anyway.',

  // import: markdownBlocks
  'server/import/markdownBlocks.ts:16:31 MethodExpression → extra':
    'Equivalent: the only extra mark is code (inline code), and code is never among the inherited marks, which only emphasis and strong add to.',
  'server/import/markdownBlocks.ts:42:26 StringLiteral → "Stryker was here!"':
    'Equivalent: mdast-util-from-markdown sets every image’s alt to its label text, a string (possibly empty), never null.',
  'server/import/markdownBlocks.ts:45:13 ConditionalExpression → true':
    'Equivalent: every CommonMark inline node that reaches the default branch (links, link references) has children.',
  'server/import/markdownBlocks.ts:53:7 ConditionalExpression → false':
    'Equivalent: in CommonMark only link definitions reach rawText, and they have neither a value nor children.',
  "server/import/markdownBlocks.ts:53:7 LogicalOperator → 'value' in node || typeof node.value === 'string'":
    'Equivalent: in CommonMark only link definitions reach rawText, and they have neither a value nor children.',
  'server/import/markdownBlocks.ts:53:7 StringLiteral → ""': 'Equivalent: in CommonMark only link definitions reach rawText, and they have neither a value nor children.',
  'server/import/markdownBlocks.ts:53:26 ConditionalExpression → true':
    'Equivalent: in CommonMark only link definitions reach rawText, and they have neither a value nor children.',
  "server/import/markdownBlocks.ts:53:26 EqualityOperator → typeof node.value !== 'string'":
    'Equivalent: in CommonMark only link definitions reach rawText, and they have neither a value nor children.',
  'server/import/markdownBlocks.ts:53:48 StringLiteral → ""': 'Equivalent: in CommonMark only link definitions reach rawText, and they have neither a value nor children.',
  'server/import/markdownBlocks.ts:54:10 StringLiteral → ""': 'Equivalent: in CommonMark only link definitions reach rawText, and they have neither a value nor children.',
  'server/import/markdownBlocks.ts:54:76 StringLiteral → ""': 'Equivalent: in CommonMark only link definitions reach rawText, and they have neither a value nor children.',
  'server/import/markdownBlocks.ts:100:26 Regex → /\\s*(\\d{1,9}[.)])/':
    'Equivalent: the text searched starts at the list item’s marker, so the number is at its start with or without `^`.',
  'server/import/markdownBlocks.ts:100:64 OptionalChaining → item.position.start': 'Equivalent: mdast-util-from-markdown gives every node a position.',
  'server/import/markdownBlocks.ts:104:20 LogicalOperator → node.ordered || marker':
    'Equivalent: an ordered item’s text starts with its number, so marker is set whenever the list is ordered, and a bullet item’s starts with its bullet, so it is null otherwise.',
  'server/import/markdownBlocks.ts:116:7 ConditionalExpression → default:':
    'Equivalent: in CommonMark only link definitions reach the default branch, and they carry no text, so nothing is added either way.',
  'server/import/markdownBlocks.ts:116:16 BlockStatement → {}':
    'Equivalent: in CommonMark only link definitions reach the default branch, and they carry no text, so nothing is added either way.',
  'server/import/markdownBlocks.ts:117:22 MethodExpression → rawText(node)':
    'Equivalent: in CommonMark only link definitions reach the default branch, and they carry no text, so nothing is added either way.',
  'server/import/markdownBlocks.ts:118:13 ConditionalExpression → false':
    'Equivalent: in CommonMark only link definitions reach the default branch, and they carry no text, so nothing is added either way.',
  'server/import/markdownBlocks.ts:118:31 ObjectLiteral → {}':
    'Equivalent: in CommonMark only link definitions reach the default branch, and they carry no text, so nothing is added either way.',
  'server/import/markdownBlocks.ts:118:39 StringLiteral → ""':
    'Equivalent: in CommonMark only link definitions reach the default branch, and they carry no text, so nothing is added either way.',
  'server/import/markdownBlocks.ts:118:61 ArrayDeclaration → []':
    'Equivalent: in CommonMark only link definitions reach the default branch, and they carry no text, so nothing is added either way.',
  'server/import/markdownBlocks.ts:118:62 ObjectLiteral → {}':
    'Equivalent: in CommonMark only link definitions reach the default branch, and they carry no text, so nothing is added either way.',
  'server/import/markdownBlocks.ts:118:70 StringLiteral → ""':
    'Equivalent: in CommonMark only link definitions reach the default branch, and they carry no text, so nothing is added either way.',

  // import: buildManuscript
  "server/import/buildManuscript.ts:40:40 MethodExpression → text.replace(/\\s*:\\s*$/, '')":
    'Equivalent: every caller passes trimmed text, and removing a final colon with the spaces before it leaves no space at either end to trim.',
  'server/import/buildManuscript.ts:91:5 ConditionalExpression → default:':
    'Equivalent: without the default branch the function returns undefined instead of null, and its one caller only tests the result for truth.',
  'server/import/buildManuscript.ts:122:12 ConditionalExpression → true': 'Equivalent: the loop runs only when a Title block exists, and stops there before the list can empty.',
  'server/import/buildManuscript.ts:122:12 EqualityOperator → blocks.length >= 0':
    'Equivalent: the loop runs only when a Title block exists, and stops there before the list can empty.',
  'server/import/buildManuscript.ts:181:32 ArrayDeclaration → ["Stryker was here"]': 'Equivalent: the first open() replaces this array before anything reads it.',
  'server/import/buildManuscript.ts:185:24 BooleanLiteral → true': 'Equivalent: the first open() resets this flag before anything reads it.',
  'server/import/buildManuscript.ts:199:9 ConditionalExpression → true':
    'Equivalent: quotation lines are pending only in epigraphs mode (every way out of it closes them first), so the pending check alone decides.',
  'server/import/buildManuscript.ts:221:11 ConditionalExpression → true':
    'Equivalent: a heading that reaches this line is neither a part nor a label, so it is itself one of the chapter levels and chapterLevel is never null here.',
  'server/import/buildManuscript.ts:241:26 ConditionalExpression → true':
    'Equivalent: outside a chapter the sceneHeading case places nothing and falls through to the text handling, which is what the text role does.',
  'server/import/buildManuscript.ts:242:12 ObjectLiteral → {}': 'Equivalent: a role the switch does not name falls through to the text handling, as "text" does.',
  'server/import/buildManuscript.ts:242:20 StringLiteral → ""': 'Equivalent: a role the switch does not name falls through to the text handling, as "text" does.',
  'server/import/buildManuscript.ts:290:28 BooleanLiteral → false':
    'Equivalent: chapterHasBody is read only together with current.length === 1, which the scene break just pushed already makes false.',
  'server/import/buildManuscript.ts:296:28 BooleanLiteral → false':
    'Equivalent: chapterHasBody is read only together with current.length === 1, which the scene heading just pushed already makes false.',
  'server/import/buildManuscript.ts:312:24 BooleanLiteral → false':
    'Equivalent: chapterHasBody is read only together with current.length === 1, which the paragraph just pushed already makes false.',
  "server/import/buildManuscript.ts:300:7 ConditionalExpression → case 'text':":
    "Equivalent: the switch has no default, so a role no case names ends it exactly as `case 'text': break` does.",
  'server/import/buildManuscript.ts:300:12 StringLiteral → ""': "Equivalent: the switch has no default, so a role no case names ends it exactly as `case 'text': break` does.",
  'server/import/buildManuscript.ts:308:14 ConditionalExpression → false':
    'Equivalent: the other branch pushes the same paragraph and only also sets chapterHasBody, which is read only in a chapter and reset when one opens.',
  "server/import/buildManuscript.ts:308:14 LogicalOperator → mode === 'dedication' && mode === 'part'":
    'Equivalent: the other branch pushes the same paragraph and only also sets chapterHasBody, which is read only in a chapter and reset when one opens.',
  'server/import/buildManuscript.ts:308:23 StringLiteral → ""':
    'Equivalent: the other branch pushes the same paragraph and only also sets chapterHasBody, which is read only in a chapter and reset when one opens.',
  'server/import/buildManuscript.ts:308:39 ConditionalExpression → false':
    'Equivalent: the other branch pushes the same paragraph and only also sets chapterHasBody, which is read only in a chapter and reset when one opens.',
  'server/import/buildManuscript.ts:308:48 StringLiteral → ""':
    'Equivalent: the other branch pushes the same paragraph and only also sets chapterHasBody, which is read only in a chapter and reset when one opens.',
  'server/import/buildManuscript.ts:315:7 ConditionalExpression → true':
    'Equivalent: quotation lines are pending only in epigraphs mode (every way out of it closes them first), so the pending check alone decides.',
  'server/import/buildManuscript.ts:324:7 ConditionalExpression → true':
    'Equivalent: after the dedication line above, only an epigraphs section can still be empty: chapters and parts always hold their title.',
  'server/import/buildManuscript.ts:327:7 ConditionalExpression → true':
    'Equivalent: only a chapter’s children can all be chapter titles and subtitles: a part starts with its partTitle, and front matter has just been given content.',
};
