// Mutation testing of import structure detection: text, Markdown and Word blocks into a manuscript.
import { strykerConfig } from './strykerBase.mjs';
import { IMPORT_MODULES } from './mutatedModules.mjs';

export default strykerConfig({
  area: 'import',
  mutate: IMPORT_MODULES,
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
