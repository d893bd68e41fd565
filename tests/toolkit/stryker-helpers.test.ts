/**
 * The two helpers Stryker runs the tests with (stryker.config.mjs, docs/mutation-testing.md): once a
 * test has failed for a mutant, its other tests are skipped; the domain's unit tests run first and
 * the access matrix last. A skipped test must never hide a failure: a mutant's result (killed or
 * survived) is the same as without them, only sooner.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';

type Block = { type: 'describeBlock'; mode?: string; children: (Block | Test)[] };
type Test = { type: 'test'; mode?: string; errors: unknown[] };
const { onTestEvent } = require('../stryker/stop-at-first-failure.cjs') as {
  onTestEvent(event: object, state: object, mutant: string | undefined, killed: string | undefined): string | undefined;
};
const { rank, mutatedFolder } = require('../stryker/fast-tests-first.cjs') as {
  rank(path: string, folder?: string): number;
  mutatedFolder(roots: string[]): string | undefined;
};

const ROOT = join(__dirname, '..', '..');
const test = (errors: unknown[] = []): Test => ({ type: 'test', errors });
const block = (...children: (Block | Test)[]): Block => ({ type: 'describeBlock', children });
const noState = { rootDescribeBlock: block() };

describe('after the first failing test of a mutant, its other tests are skipped', () => {
  it.each([
    ['a failing test kills the mutant under test', { name: 'test_done', test: test(['expected 2']) }, '4', undefined, '4'],
    ['a passing test does not', { name: 'test_done', test: test() }, '4', undefined, undefined],
    [
      'a failure in the first, plain run (no mutant) kills nothing',
      { name: 'test_done', test: test(['boom']) },
      undefined,
      undefined,
      undefined,
    ],
    ['the next mutant starts afresh', { name: 'test_start', test: test() }, '5', '4', '4'],
  ])('%s', (_, event, mutant, killed, expected) => {
    expect(onTestEvent(event, noState, mutant, killed)).toBe(expected);
  });

  it('skips every test and block of the next test file, however deep, once the mutant is killed', () => {
    const state = { rootDescribeBlock: block(test(), block(block(test()), test())) };
    onTestEvent({ name: 'run_start' }, state, '4', '4');
    const modes = (node: Block | Test): (string | undefined)[] =>
      node.type === 'test' ? [node.mode] : [node.mode, ...node.children.flatMap(modes)];
    expect(modes(state.rootDescribeBlock)).toEqual(Array(6).fill('skip'));
  });

  it.each([
    ['the mutant under test is killed: skipped', '4', '4', 'skip'],
    ['another mutant was killed: run', '5', '4', undefined],
    ['the plain run: run', undefined, '4', undefined],
  ])('the rest of the file (%s)', (_, mutant, killed, mode) => {
    const next = test();
    const nested = block();
    onTestEvent({ name: 'test_start', test: next }, noState, mutant, killed);
    onTestEvent({ name: 'run_describe_start', describeBlock: nested }, noState, mutant, killed);
    expect([next.mode, nested.mode]).toEqual([mode, mode]);
  });
});

describe('the order of the test files', () => {
  it.each([
    ['/repo/tests/unit/domain/consent/takedown.test.ts', 'consent', 0],
    ['C:\\repo\\tests\\unit\\domain\\consent\\takedown.test.ts', 'consent', 0],
    ['/repo/tests/unit/domain/consents/takedown.test.ts', 'consent', 1],
    ['/repo/tests/unit/domain/access/unblock.test.ts', 'consent', 1],
    ['/repo/tests/unit/domain/consent/takedown.test.ts', undefined, 1],
    ['/repo/tests/contract/sqlite-store.test.ts', 'consent', 2],
    ['/repo/tests/integration/access-matrix.test.ts', 'consent', 3],
  ])('%s, mutating in %s, comes in place %i', (path, folder, place) => {
    expect(rank(path, folder)).toBe(place);
  });

  it.each([
    ['the folder Stryker adds for a mutant', ['/s/tests', '/s/bot/src', '/s/bot/src/domain/consent'], 'consent'],
    ['a file deeper in the folder', ['/s/tests', '/s/bot/src/domain/incidents/routing'], 'incidents'],
    ['the first, plain run: none added', ['/s/tests', '/s/bot/src'], undefined],
  ])('the mutated folder: %s', (_, roots, folder) => {
    expect(mutatedFolder(roots.map((root) => root.split('/').join(sep)))).toBe(folder);
  });
});

describe('in a real Jest run, as Stryker starts it', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'osd-stryker-helpers-'));
    const files: Record<string, string> = {
      'tests/integration/matrix.test.js': "it('the matrix', () => {});",
      'tests/contract/store.test.js': "describe('the store', () => { it('saves', () => {}); });",
      'tests/unit/domain/access/unblock.test.js': "it('another folder\\'s rule', () => {});",
      'tests/unit/domain/consent/takedown.test.js':
        "it('a rule that fails', () => { expect(1).toBe(2); }); it('a rule after it', () => {});",
      'bot/src/domain/consent/takedown.js': '',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Stryker names the mutant and adds the mutated file's folder to the roots; its first run does neither. */
  function runJest(mutant?: string): Record<string, string> {
    const config = {
      rootDir: dir,
      roots: mutant ? [join(dir, 'tests'), join(dir, 'bot', 'src', 'domain', 'consent')] : [join(dir, 'tests')],
      testEnvironment: join(ROOT, 'tests', 'stryker', 'stop-at-first-failure.cjs'),
      testSequencer: join(ROOT, 'tests', 'stryker', 'fast-tests-first.cjs'),
      transform: {},
    };
    const env = { ...process.env, __STRYKER_ACTIVE_MUTANT__: mutant };
    if (mutant === undefined) delete env.__STRYKER_ACTIVE_MUTANT__;
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', JSON.stringify(config), '--runInBand', '--json', '--ci'],
      { cwd: dir, env, encoding: 'utf8' },
    );
    const report = JSON.parse(run.stdout) as { testResults: { assertionResults: { title: string; status: string }[] }[] };
    return Object.fromEntries(report.testResults.flatMap((file) => file.assertionResults.map((result) => [result.title, result.status])));
  }

  it("a mutant: its own folder's failing test kills it first; the other folders, the store and the matrix are skipped", () => {
    expect(runJest('4')).toEqual({
      'a rule that fails': 'failed',
      'a rule after it': 'pending',
      "another folder's rule": 'pending',
      saves: 'pending',
      'the matrix': 'pending',
    });
  });

  it('the plain run that maps tests to mutants: every test runs', () => {
    expect(runJest()).toEqual({
      'a rule that fails': 'failed',
      'a rule after it': 'passed',
      "another folder's rule": 'passed',
      saves: 'passed',
      'the matrix': 'passed',
    });
  });
});
