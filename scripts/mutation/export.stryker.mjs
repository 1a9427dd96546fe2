// Mutation testing of export escaping: what keeps a writer's text from becoming markup.
import { strykerConfig } from './strykerBase.mjs';
import { EXPORT_MODULES } from './mutatedModules.mjs';

export default strykerConfig({
  area: 'export',
  mutate: EXPORT_MODULES,
  testFiles: ['tests/unit/*.mutants.test.ts'],
});
