/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type errors are caught once by `tsc --noEmit` in `npm test`; ts-jest only transpiles.
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true }],
  },
  // The package's `main` is extensionless ES modules that Node cannot load (PLATFORM-FACTS.md).
  moduleNameMapper: {
    '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.min.js',
    // @microsoft/app-manifest requires strip-bom 5, which is ES modules only: fine for Node, not for Jest.
    '^strip-bom$': '<rootDir>/tests/fixtures/strip-bom.cjs',
  },
  testTimeout: 30000,
};
