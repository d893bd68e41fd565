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
  },
  testTimeout: 30000,
};
