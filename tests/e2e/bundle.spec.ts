import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { WRITING_ROOM_BUDGET_GZIP_BYTES, bundleReport } from '../../scripts/bundleReport';

// The app under test was built just before this suite (scripts/test.ts): its route statistics say
// what each page ships to the browser on first load.
test('the writing room’s first-load JavaScript stays within its budget, and the history, compare, export, import, sharing, comments, find and progress panels and focus mode load only when opened', async () => {
  const report = bundleReport();
  const room = report.find((route) => route.route === '/m/[id]');
  expect(room, 'the writing room is in the build’s route statistics').toBeDefined();
  expect(room!.gzipBytes).toBeLessThanOrEqual(WRITING_ROOM_BUDGET_GZIP_BYTES);
  const firstLoad = room!.chunkPaths.map((chunk) => readFileSync(chunk, 'utf8')).join('\n');
  // Markers each panel renders (its data-testid values), which survive minifying.
  for (const marker of ['revision-list', 'compare-view', 'export-sections', 'import-form', 'member-list', 'threads-here', 'find-summary', 'focus-words', 'words-per-day-chart']) {
    expect(firstLoad.includes(marker), `"${marker}" is not in the first load`).toBe(false);
  }
  expect(firstLoad.includes('binder-item'), 'the binder is').toBe(true);
});
