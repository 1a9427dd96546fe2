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
    'Equivalent: a section only in the older version can only come out as removed in the common-order diff, and only additions mark a section moved.',
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
    'Equivalent: visiting the stand-in string finds neither a block type nor content, so it adds nothing.',
  'server/revisions/summarizeChanges.ts:63:24 ConditionalExpression → false': 'Equivalent: the editor never puts embeds in text, so every delta insert is a string.',
  'server/revisions/summarizeChanges.ts:89:14 ConditionalExpression → true': 'Equivalent: every child of a section’s XML is an XmlText or an XmlElement.',

  // import: classifyLine
  'server/import/classifyLine.ts:14:17 Regex → /^chapter\\s+([0-9]+|[ivxlcdm]|[a-z]+(?:[\\s-][a-z]+)?)\\s*(?:[:.\\u2013\\u2014-]\\s*(.*))?$/i':
    'Equivalent: the `[a-z]+` alternative matches every Roman numeral too, and isNumber decides.',
  'server/import/classifyLine.ts:16:14 Regex → /^part\\s+([0-9]+|[ivxlcdm]|[a-z]+(?:[\\s-][a-z]+)?)\\s*(?:[:.\\u2013\\u2014-]\\s*(.*))?$/i':
    'Equivalent: the `[a-z]+` alternative matches every Roman numeral too, and isNumber decides.',
  'server/import/classifyLine.ts:21:21 Regex → /^(?:\\u2014|\\u2015|--)\\s*(.*)/s': 'Equivalent: with the s flag `(.*)` always runs to the end of the line, so `$` adds nothing.',
  'server/import/classifyLine.ts:31:7 Regex → /[0-9]+$/': 'Equivalent: the token comes from the heading pattern as all digits or all letters, never a mix.',
  'server/import/classifyLine.ts:31:7 Regex → /^[0-9]+/': 'Equivalent: the token comes from the heading pattern as all digits or all letters, never a mix.',

  // import: markdownBlocks
  'server/import/markdownBlocks.ts:39:13 ConditionalExpression → true':
    'Equivalent: every CommonMark inline node that reaches the default branch (links, link references) has children.',
  'server/import/markdownBlocks.ts:78:26 Regex → /\\s*(\\d{1,9}[.)])/':
    'Equivalent: the text searched starts at the list item’s marker, so the number is at its start with or without `^`.',
  'server/import/markdownBlocks.ts:78:64 OptionalChaining → item.position.start': 'Equivalent: mdast-util-from-markdown gives every node a position.',
  'server/import/markdownBlocks.ts:79:15 LogicalOperator → node.ordered || first':
    'Equivalent: a bullet item’s text starts with its bullet, so `marker` is null whenever the list is not ordered.',
  "server/import/markdownBlocks.ts:47:7 ConditionalExpression → false":
    "Equivalent: in CommonMark only link definitions reach rawText, and they have neither a value nor children.",
  "server/import/markdownBlocks.ts:47:7 LogicalOperator → 'value' in node || typeof node.value === 'string'":
    "Equivalent: in CommonMark only link definitions reach rawText, and they have neither a value nor children.",
  "server/import/markdownBlocks.ts:47:7 StringLiteral → \"\"":
    "Equivalent: in CommonMark only link definitions reach rawText, and they have neither a value nor children.",
  "server/import/markdownBlocks.ts:47:26 ConditionalExpression → true":
    "Equivalent: in CommonMark only link definitions reach rawText, and they have neither a value nor children.",
  "server/import/markdownBlocks.ts:47:26 EqualityOperator → typeof node.value !== 'string'":
    "Equivalent: in CommonMark only link definitions reach rawText, and they have neither a value nor children.",
  "server/import/markdownBlocks.ts:47:48 StringLiteral → \"\"":
    "Equivalent: in CommonMark only link definitions reach rawText, and they have neither a value nor children.",
  "server/import/markdownBlocks.ts:48:10 StringLiteral → \"\"":
    "Equivalent: in CommonMark only link definitions reach rawText, and they have neither a value nor children.",
  "server/import/markdownBlocks.ts:48:76 StringLiteral → \"\"":
    "Equivalent: in CommonMark only link definitions reach rawText, and they have neither a value nor children.",
  "server/import/markdownBlocks.ts:89:7 ConditionalExpression → default:":
    "Equivalent: in CommonMark only link definitions reach the default branch, and they carry no text, so nothing is added either way.",
  "server/import/markdownBlocks.ts:89:16 BlockStatement → {}":
    "Equivalent: in CommonMark only link definitions reach the default branch, and they carry no text, so nothing is added either way.",
  "server/import/markdownBlocks.ts:90:22 MethodExpression → rawText(node)":
    "Equivalent: in CommonMark only link definitions reach the default branch, and they carry no text, so nothing is added either way.",
  "server/import/markdownBlocks.ts:91:13 ConditionalExpression → false":
    "Equivalent: in CommonMark only link definitions reach the default branch, and they carry no text, so nothing is added either way.",
  "server/import/markdownBlocks.ts:91:31 ObjectLiteral → {}":
    "Equivalent: in CommonMark only link definitions reach the default branch, and they carry no text, so nothing is added either way.",
  "server/import/markdownBlocks.ts:91:39 StringLiteral → \"\"":
    "Equivalent: in CommonMark only link definitions reach the default branch, and they carry no text, so nothing is added either way.",
  "server/import/markdownBlocks.ts:91:61 ArrayDeclaration → []":
    "Equivalent: in CommonMark only link definitions reach the default branch, and they carry no text, so nothing is added either way.",
  "server/import/markdownBlocks.ts:91:62 ObjectLiteral → {}":
    "Equivalent: in CommonMark only link definitions reach the default branch, and they carry no text, so nothing is added either way.",
  "server/import/markdownBlocks.ts:91:70 StringLiteral → \"\"":
    "Equivalent: in CommonMark only link definitions reach the default branch, and they carry no text, so nothing is added either way.",
  "server/import/buildManuscript.ts:124:73 ConditionalExpression → false":
    "Equivalent: TITLE_LINE matches one-line text only, so `!text.includes(\"\\n\")` is true wherever this is reached and the other alternatives never decide.",
  "server/import/buildManuscript.ts:124:73 EqualityOperator → first.style !== 'title'":
    "Equivalent: TITLE_LINE matches one-line text only, so `!text.includes(\"\\n\")` is true wherever this is reached and the other alternatives never decide.",
  "server/import/buildManuscript.ts:124:89 StringLiteral → \"\"":
    "Equivalent: TITLE_LINE matches one-line text only, so `!text.includes(\"\\n\")` is true wherever this is reached and the other alternatives never decide.",
  "server/import/buildManuscript.ts:124:20 ConditionalExpression → true":
    "Equivalent: TITLE_LINE matches one-line text only, so `!text.includes(\"\\n\")` is true wherever this is reached and the other alternatives never decide.",
  "server/import/buildManuscript.ts:124:20 ConditionalExpression → false":
    "Equivalent: TITLE_LINE matches one-line text only, so `!text.includes(\"\\n\")` is true wherever this is reached and the other alternatives never decide.",
  "server/import/buildManuscript.ts:124:20 LogicalOperator → (first.kind !== 'paragraph' || isWhollyBold(first)) && first.style === 'title'":
    "Equivalent: TITLE_LINE matches one-line text only, so `!text.includes(\"\\n\")` is true wherever this is reached and the other alternatives never decide.",
  "server/import/buildManuscript.ts:124:20 LogicalOperator → first.kind !== 'paragraph' && isWhollyBold(first)":
    "Equivalent: TITLE_LINE matches one-line text only, so `!text.includes(\"\\n\")` is true wherever this is reached and the other alternatives never decide.",
  "server/import/buildManuscript.ts:124:20 EqualityOperator → first.kind === 'paragraph'":
    "Equivalent: TITLE_LINE matches one-line text only, so `!text.includes(\"\\n\")` is true wherever this is reached and the other alternatives never decide.",
  "server/import/buildManuscript.ts:124:35 StringLiteral → \"\"":
    "Equivalent: TITLE_LINE matches one-line text only, so `!text.includes(\"\\n\")` is true wherever this is reached and the other alternatives never decide.",
  "server/import/buildManuscript.ts:177:32 ArrayDeclaration → [\"Stryker was here\"]":
    "Equivalent: the first open() replaces this array before anything reads it.",
  "server/import/buildManuscript.ts:181:24 BooleanLiteral → true":
    "Equivalent: the first open() resets this flag before anything reads it.",
  "server/import/buildManuscript.ts:238:12 ObjectLiteral → {}":
    "Equivalent: a role the switch does not name falls through to the text handling, as \"text\" does.",
  "server/import/buildManuscript.ts:238:20 StringLiteral → \"\"":
    "Equivalent: a role the switch does not name falls through to the text handling, as \"text\" does.",
  "server/import/buildManuscript.ts:103:5 ConditionalExpression → case 'sceneBreak':":
    "Equivalent: callers turn a scene-break shape into a break before asking (paragraphs) or ignore it (headings).",
  "server/import/buildManuscript.ts:103:10 StringLiteral → \"\"":
    "Equivalent: callers turn a scene-break shape into a break before asking (paragraphs) or ignore it (headings).",
  "server/import/buildManuscript.ts:104:14 ObjectLiteral → {}":
    "Equivalent: callers turn a scene-break shape into a break before asking (paragraphs) or ignore it (headings).",
  "server/import/buildManuscript.ts:104:22 StringLiteral → \"\"":
    "Equivalent: callers turn a scene-break shape into a break before asking (paragraphs) or ignore it (headings).",
  "server/import/buildManuscript.ts:118:12 ConditionalExpression → true":
    "Equivalent: the loop runs only when a Title block exists, and stops there before the list can empty.",
  "server/import/buildManuscript.ts:118:12 EqualityOperator → blocks.length >= 0":
    "Equivalent: the loop runs only when a Title block exists, and stops there before the list can empty.",
};
