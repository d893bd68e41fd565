// Used by Stryker only (stryker.config.mjs): the tests most likely to kill the mutant run first, so
// that stop-at-first-failure.cjs skips the rest. First the unit tests of the mutated file's own
// folder (`bot/src/domain/consent/` → `tests/unit/domain/consent/`), then the other unit tests,
// the store contract next and the access matrix (a test server, a thousand requests) last.
const { sep } = require('node:path');

const SLOWEST_LAST = [/[\\/]tests[\\/]unit[\\/]/, /[\\/]tests[\\/]contract[\\/]/];

/**
 * The place of a test file in the order. `folder` is the domain folder of the mutated file
 * (`consent`), when known.
 */
function rank(path, folder) {
  if (folder && new RegExp(`[\\\\/]tests[\\\\/]unit[\\\\/]domain[\\\\/]${folder}[\\\\/]`).test(path)) return 0;
  const index = SLOWEST_LAST.findIndex((pattern) => pattern.test(path));
  return 1 + (index === -1 ? SLOWEST_LAST.length : index);
}

/**
 * The domain folder of the mutated file. Stryker adds the mutated file's directory to Jest's roots
 * (jest-runner's `configWithRoots`), so it is the root inside `bot/src/domain/`.
 */
function mutatedFolder(roots) {
  const marker = `${sep}bot${sep}src${sep}domain${sep}`;
  const root = roots.find((candidate) => candidate.includes(marker));
  return root?.slice(root.indexOf(marker) + marker.length).split(sep)[0];
}

class FastTestsFirst {
  sort(tests) {
    const folder = tests.length > 0 ? mutatedFolder(tests[0].context.config.roots) : undefined;
    return [...tests].sort((a, b) => rank(a.path, folder) - rank(b.path, folder) || a.path.localeCompare(b.path));
  }

  cacheResults() {}
}

module.exports = FastTestsFirst;
module.exports.rank = rank;
module.exports.mutatedFolder = mutatedFolder;
