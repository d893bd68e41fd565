// Mutation testing of the policy rules (docs/mutation-testing.md): `npm run mutate`.
// Stryker changes bot/src/domain one small edit at a time and checks that a test fails.

/** The tests that may kill a mutant: the domain's own tests, the access matrix and the store contract on SQLite. */
const TESTS = [
  '<rootDir>/tests/unit/domain/**/*.test.ts',
  '<rootDir>/tests/integration/access-matrix.test.ts',
  '<rootDir>/tests/contract/sqlite-store.test.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['bot/src/domain/**/*.ts'],
  testRunner: 'jest',
  jest: {
    configFile: 'jest.config.js',
    // bot/src is a root too, so that Jest can follow imports from a test to the mutated file.
    config: {
      roots: ['<rootDir>/tests', '<rootDir>/bot/src'],
      testMatch: TESTS,
      // A mutant is killed by its first failing test: the rest are skipped, the unit tests run first
      // and the access matrix last (tests/stryker/). Without this a full run took over six hours here.
      testEnvironment: './tests/stryker/stop-at-first-failure.cjs',
      testSequencer: '<rootDir>/tests/stryker/fast-tests-first.cjs',
    },
  },
  coverageAnalysis: 'perTest',
  // A mutant that does not type-check is not a bug a test should catch: the compiler does.
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  // The development machine has two cores, shared.
  concurrency: 1,
  timeoutMS: 10000,
  // Results are kept (git-ignored) so that the next run tests only the mutants a change touched;
  // `npm run mutate -- --force` tests everything again.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  allowConsoleColors: false,
  reporters: ['progress', 'clear-text', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { reportMutants: false, reportTests: false, allowColor: false },
  thresholds: { high: 95, low: 90, break: null },
  ignorePatterns: ['dist', 'data', 'reports', 'docs', 'coverage'],
  tempDirName: '.stryker-tmp',
};
