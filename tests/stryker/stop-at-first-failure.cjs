// Used by Stryker only (stryker.config.mjs, docs/mutation-testing.md).
//
// Once one test has failed for a mutant, that mutant is killed: the rest of its tests are skipped
// rather than run. Stryker's Jest runner cannot stop Jest itself ("bail" is not available when Jest
// is started from code, https://github.com/jestjs/jest/issues/11766), so without this every mutant
// in code that runs as a module loads (a *static* mutant, about two in five here) ran all its
// tests to the end, the access matrix's thousand requests included, even after the first failure.
//
// A skipped test neither passes nor fails, so a mutant's result is the same as without this file:
// killed if any test fails, survived if none does. Only the time changes.
const { TestEnvironment } = require('jest-environment-node');

/** Stryker names the mutant under test in this variable; it is unset in its first, plain run. */
const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';

/**
 * What the environment does with one test event, given the mutant under test and the last mutant
 * a test failed for (in this process: Stryker runs the tests of one mutant at a time, in band).
 * Returns the mutant a test has now failed for.
 */
function onTestEvent(event, state, mutant, killed) {
  if (mutant === undefined) return killed;
  if (event.name === 'test_done' && event.test.errors.length > 0) return mutant;
  if (killed !== mutant) return killed;
  if (event.name === 'run_start') skipEverything(state.rootDescribeBlock);
  if (event.name === 'run_describe_start') event.describeBlock.mode = 'skip';
  if (event.name === 'test_start') event.test.mode = 'skip';
  return killed;
}

/** A skipped block runs none of its tests and none of its hooks (jest-circus run.js). */
function skipEverything(block) {
  block.mode = 'skip';
  for (const child of block.children) {
    if (child.type === 'describeBlock') skipEverything(child);
    else child.mode = 'skip';
  }
}

let killed;

class StopAtFirstFailure extends TestEnvironment {
  async handleTestEvent(event, state) {
    killed = onTestEvent(event, state, process.env[ACTIVE_MUTANT], killed);
  }
}

module.exports = StopAtFirstFailure;
module.exports.onTestEvent = onTestEvent;
