// The quicker measurement (docs/mutation-testing.md, "A quicker lower bound"): the same as
// stryker.config.mjs with only the domain's unit tests, leaving out the access matrix and the store
// contract. A mutant only those would kill counts as survived here, so the score is a lower bound.
// `npx stryker run stryker.unit.config.mjs --ignoreStatic --mutate '…'`
import base from './stryker.config.mjs';

export default {
  ...base,
  jest: { ...base.jest, config: { ...base.jest.config, testMatch: ['<rootDir>/tests/unit/domain/**/*.test.ts'] } },
  // Its own file: results measured without the access matrix are not reused by `npm run mutate`.
  incrementalFile: 'reports/mutation/stryker-incremental-unit.json',
};
