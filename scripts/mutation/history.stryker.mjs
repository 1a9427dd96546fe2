// Mutation testing of history: comparing versions, retention, revision word counts and snapshots,
// and the section numbering that names sections in them.
import { strykerConfig } from './strykerBase.mjs';
import { HISTORY_MODULES } from './mutatedModules.mjs';

export default strykerConfig({
  area: 'history',
  mutate: HISTORY_MODULES,
  testFiles: ['tests/unit/diffManuscripts.test.ts', 'tests/unit/retention.test.ts', 'tests/unit/sectionNumbering.test.ts', 'tests/unit/*.mutants.test.ts'],
});
