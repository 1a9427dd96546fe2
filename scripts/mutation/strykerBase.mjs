/**
 * What every mutation-testing area shares (see docs/TESTING.md). Stryker's TAP runner runs each
 * unit test file in its own Node process (`--import tsx`, node:test's TAP reporter) and records
 * which test file reaches which mutant, so a mutant is tried only against the files that reach it,
 * stopping at the first that fails.
 *
 * @param {{ area: string, mutate: string[], testFiles: string[] }} area
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function strykerConfig({ area, mutate, testFiles }) {
  return {
    mutate,
    testRunner: 'tap',
    plugins: ['@stryker-mutator/tap-runner'],
    tap: {
      testFiles,
      nodeArgs: ['--import', 'tsx', '--test-reporter=tap', '-r', '{{hookFile}}', '{{testFile}}'],
      forceBail: true,
    },
    coverageAnalysis: 'perTest',
    // Two cores: one mutant per core.
    concurrency: 2,
    // Other builds share the machine; a mutant is a timeout only if it is far slower than the tests.
    timeoutMS: 20_000,
    // The sandbox needs the sources, the tests and their fixtures, nothing built or stored.
    ignorePatterns: ['/.next', '/.data', '/test-results', '/playwright-report', '/bench', '/reports', '/docs', '/app', '/public', '/.stryker-tmp'],
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
    reporters: ['progress', 'clear-text', 'json', 'html'],
    jsonReporter: { fileName: `reports/mutation/${area}.json` },
    htmlReporter: { fileName: `reports/mutation/${area}.html` },
    clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
    incremental: false,
  };
}
