/**
 * `npm run playground -- --as <name>` switches person in a few seconds: it builds only the parts
 * whose sources changed since their last build (scripts/build-if-changed.cjs).
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Plain JavaScript that runs before anything is compiled.
const { staleParts } = require('../../scripts/build-if-changed.cjs') as { staleParts: (root: string) => { name: string }[] };

describe('building before the Playground starts', () => {
  let root: string;
  const at = (path: string, minute: number) => {
    const file = join(root, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '');
    const time = new Date(Date.UTC(2026, 10, 24, 10, minute)).getTime() / 1000;
    utimesSync(file, time, time);
  };
  const stale = () => staleParts(root).map((part) => part.name);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'osd-build-'));
    at('bot/src/main.ts', 0);
    at('tab/src/App.tsx', 0);
    at('package-lock.json', 0);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ['never built', [], [], ['server', 'tab']],
    [
      'built after every change: nothing to build',
      [
        ['dist/.server-built', 5],
        ['dist/.tab-built', 5],
      ],
      [],
      [],
    ],
    [
      'a server file saved after the last build',
      [
        ['dist/.server-built', 5],
        ['dist/.tab-built', 5],
      ],
      [['bot/src/app/new-rule.ts', 6]],
      ['server'],
    ],
    [
      'a tab file saved after the last build',
      [
        ['dist/.server-built', 5],
        ['dist/.tab-built', 5],
      ],
      [['tab/src/pages/Page.tsx', 6]],
      ['tab'],
    ],
    [
      'new dependencies (the lock file changed): both',
      [
        ['dist/.server-built', 5],
        ['dist/.tab-built', 5],
      ],
      [['package-lock.json', 6]],
      ['server', 'tab'],
    ],
    ['only the tab was ever built', [['dist/.tab-built', 5]], [], ['server']],
  ] as const)('%s', (_case, stamps, changes, expected) => {
    for (const [path, minute] of [...stamps, ...changes]) at(path, minute);
    expect(stale()).toEqual(expected);
  });
});
