// Mutation testing of import structure detection: text, Markdown and Word blocks into a manuscript.
import { strykerConfig } from './strykerBase.mjs';

export default strykerConfig({
  area: 'import',
  mutate: [
    'server/import/classifyLine.ts',
    'server/import/plainTextLines.ts',
    'server/import/plainTextBlocks.ts',
    'server/import/markdownBlocks.ts',
    'server/import/importBlock.ts',
    'server/import/looksLikeMarkdown.ts',
    'server/import/looksLikeSceneHeading.ts',
    'server/import/buildManuscript.ts',
    'server/import/keepTitleAsHeading.ts',
  ],
  testFiles: [
    'tests/unit/importStructure.test.ts',
    'tests/unit/importPlainText.test.ts',
    'tests/unit/importSeeds.test.ts',
    'tests/unit/markdownRoundTrip.test.ts',
    'tests/unit/docxRoundTrip.test.ts',
    'tests/unit/importBadInput.test.ts',
    'tests/unit/keepTitleAsHeading.test.ts',
    'tests/unit/*.mutants.test.ts',
  ],
});
