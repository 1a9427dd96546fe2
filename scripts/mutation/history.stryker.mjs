// Mutation testing of history: comparing versions, retention, revision word counts and snapshots.
import { strykerConfig } from './strykerBase.mjs';
import { HISTORY_MODULES } from './mutatedModules.mjs';

export default strykerConfig({
  area: 'history',
  mutate: HISTORY_MODULES,
  testFiles: ['tests/unit/diffManuscripts.test.ts', 'tests/unit/retention.test.ts', 'tests/unit/*.mutants.test.ts'],
});
