/**
 * Why each mutant that survives `npm run test:mutation` may survive, in one line, keyed as
 * `<file>:<line>:<column> <mutator> → <replacement>` (see mutantKey in mutationReport.ts). A
 * survivor gets a note only when no test can or should kill it (an equivalent mutant, or one that
 * changes nothing a reader could see); otherwise it gets a test. docs/mutation/summary.md lists
 * them with their notes.
 */
export const survivorNotes: Record<string, string> = {};
