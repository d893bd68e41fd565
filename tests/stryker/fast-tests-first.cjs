// Used by Stryker only (stryker.config.mjs): the domain's unit tests run first, the store contract
// next and the access matrix (a test server, a thousand requests) last. Most mutants are killed by
// a unit test, and stop-at-first-failure.cjs then skips the slower files' tests.
const SLOWEST_LAST = [/[\\/]tests[\\/]unit[\\/]/, /[\\/]tests[\\/]contract[\\/]/];

function rank(path) {
  const index = SLOWEST_LAST.findIndex((pattern) => pattern.test(path));
  return index === -1 ? SLOWEST_LAST.length : index;
}

class FastTestsFirst {
  sort(tests) {
    return [...tests].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path));
  }

  cacheResults() {}
}

module.exports = FastTestsFirst;
module.exports.rank = rank;
