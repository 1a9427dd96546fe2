// Mutation testing of export escaping: what keeps a writer's text from becoming markup.
import { strykerConfig } from './strykerBase.mjs';

export default strykerConfig({
  area: 'export',
  mutate: ['server/export/escapeHtml.ts', 'server/export/inlinesToHtml.ts', 'server/export/epubEscape.ts'],
  testFiles: ['tests/unit/*.mutants.test.ts'],
});
