// Mutation testing of history: comparing versions, retention, revision word counts and snapshots.
import { strykerConfig } from './strykerBase.mjs';

export default strykerConfig({
  area: 'history',
  mutate: [
    'server/revisions/sectionBlocks.ts',
    'server/revisions/diffManuscripts.ts',
    'server/revisions/retention.ts',
    'server/revisions/summarizeChanges.ts',
    // Only its pure half: the rest reads the database.
    'server/revisions/revisionSnapshots.ts:1-27',
  ],
  testFiles: ['tests/unit/diffManuscripts.test.ts', 'tests/unit/retention.test.ts', 'tests/unit/*.mutants.test.ts'],
});
