/**
 * ARCHITECTURE.md's dependency rule, on every file of bot/src and tab/src, whether a module is
 * imported statically, with `import()` or with `require()`: domain imports nothing outside itself
 * (zod, the one schema library, excepted); ports and app import only the core; adapters do not
 * import one another; botbuilder stays inside adapters/teams; only the files named below build and
 * wire adapters; and the tab, a browser bundle, never imports server code. Each rule is also run
 * on a file written here to break it, so a rule that could never fail is noticed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  botbuilderOutsideTeams,
  crossingAdapters,
  exportsValues,
  importsOf,
  layerProblems,
  readSources,
  sharedModuleProblems,
  tabProblems,
  wiringFiles,
  type SourceFile,
  type TabRules,
} from './import-graph';

const ROOT = join(__dirname, '..', '..');
const BOT = readSources(join(ROOT, 'bot', 'src'), /\.ts$/);
const TAB = readSources(join(ROOT, 'tab', 'src'), /\.tsx?$/).map(({ file, text }) => ({ file: `tab/src/${file}`, text }));

/**
 * The composition roots: the only files outside adapters/ that build adapters (or import a file
 * that does). A new one fails the test until it is added here with its reason.
 */
const WIRING: Record<string, string> = {
  'main.ts': 'the server: builds every adapter and wires the bot, the API, the tabs and the scheduler',
  'run-job.ts': '`npm run job`: one scheduled job from the command line, on the records the server uses',
  'readiness-cli.ts': '`npm run readiness`: the go-live checklist from the command line',
  'provision-lists.ts': '`npm run provision:lists`: creates the SharePoint lists by hand',
  'readiness-wiring.ts':
    "the go-live checklist's checks (Graph site inspector, Entra groups, credentials), shared by the server and the CLI",
  'reminders-wiring.ts': "the reminder jobs' delivery through the Teams sender, shared by the server and `npm run job`",
};

/**
 * The modules of bot/src the tab may share with `import type`: the API's answers in
 * bot/src/contracts (built by the HTTP adapters, read by the tab), which hold types only.
 */
const TYPES_SHARED_WITH_THE_TAB = readSources(join(ROOT, 'bot', 'src', 'contracts'), /\.ts$/).map(
  ({ file }) => `bot/src/contracts/${file}`,
);

/**
 * Pure domain modules the tab bundles as they are, so that the server and the tab follow one
 * definition. Each must import nothing at all; each is named with its reason.
 */
const RULES_SHARED_WITH_THE_TAB: Record<string, string> = {
  'bot/src/domain/incidents/body-map.ts':
    "the body map's outline and named regions: the tab draws them and names a mark's place as it moves; the server checks marks against the same",
};

const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const TAB_RULES: TabRules = {
  typesShared: TYPES_SHARED_WITH_THE_TAB,
  rulesShared: Object.keys(RULES_SHARED_WITH_THE_TAB),
  serverPackages: Object.keys(PACKAGE.dependencies),
};
const readFromRoot = (path: string) => readFileSync(join(ROOT, path), 'utf8');

const source = (file: string, text: string): SourceFile => ({ file, text });

describe('the dependency rule', () => {
  it('finds the files it checks, and every kind of import in them', () => {
    expect(BOT.length).toBeGreaterThan(100);
    expect(TYPES_SHARED_WITH_THE_TAB.length).toBeGreaterThan(5);
    expect(TAB.map(({ file }) => file)).toEqual(expect.arrayContaining(['tab/src/App.tsx', 'tab/src/main.tsx', 'tab/src/api.ts']));
    // The tab loads its pages lazily (tab/src/pages.ts): dynamic imports are read, not skipped.
    expect(
      importsOf(TAB.find(({ file }) => file === 'tab/src/pages.ts')!.text, 'pages.ts').filter(({ how }) => how === 'dynamic').length,
    ).toBeGreaterThan(3);
  });

  it('domain, ports and app import only what they may', () => {
    expect(layerProblems(BOT)).toEqual([]);
  });

  it('adapters do not import one another', () => {
    expect(crossingAdapters(BOT)).toEqual([]);
  });

  it('botbuilder (and its botframework-connector) is imported only inside adapters/teams', () => {
    expect(botbuilderOutsideTeams(BOT)).toEqual([]);
  });

  it('only the named composition roots build adapters', () => {
    expect(wiringFiles(BOT, Object.keys(WIRING))).toEqual(Object.keys(WIRING).sort());
  });

  it('the tab never imports server code: nothing from bot/src but the modules shared with it, no server package, no Node module', () => {
    expect([...tabProblems(TAB, TAB_RULES), ...sharedModuleProblems(TAB_RULES, readFromRoot)]).toEqual([]);
  });
});

describe('each rule fails on a file that breaks it', () => {
  it('reads dynamic imports, requires and `import x = require()`, and not an import mentioned in a comment or a string', () => {
    const text = [
      "// the pupil import (a CSV file) must not require('fs')",
      'const note = \'import("../adapters/sqlite")\';',
      "import type { Clock } from '../ports/clock.port';",
      "export async function load() { return import('../adapters/sqlite/sqlite-stores'); }",
      "const sqlite = require('better-sqlite3');",
      "import fs = require('node:fs');",
      'const chosen = await import(process.env.MODULE!);',
      "type Stores = typeof import('../adapters/sqlite/sqlite-stores');",
    ].join('\n');
    expect(importsOf(text).map(({ specifier, how, typeOnly }) => [specifier, how, typeOnly])).toEqual([
      ['../ports/clock.port', 'static', true],
      ['../adapters/sqlite/sqlite-stores', 'dynamic', false],
      ['better-sqlite3', 'require', false],
      ['node:fs', 'require', false],
      ['<computed>', 'dynamic', false],
      ['../adapters/sqlite/sqlite-stores', 'dynamic', true],
    ]);
  });

  it.each([
    [
      'a use case that loads an adapter with import()',
      'app/export-everything.ts',
      "export const load = () => import('../adapters/sqlite/sqlite-stores');",
    ],
    ['a use case that requires a driver', 'app/quick-count.ts', "const Database = require('better-sqlite3');"],
    [
      'a use case that imports a module it computes',
      'app/plugins.ts',
      'export const load = (name: string) => import(`../adapters/${name}`);',
    ],
    ['a domain rule that imports a use case', 'domain/consent/shortcut.ts', "import { classConsent } from '../../app/class-consent';"],
    ['a domain rule that reads the clock from Node', 'domain/calendar/now.ts', "import { performance } from 'node:perf_hooks';"],
    [
      'a port that names an adapter in a type',
      'ports/store.port.ts',
      "export type Sqlite = typeof import('../adapters/sqlite/sqlite-collection');",
    ],
  ])('layers: %s', (_case, file, text) => {
    expect(layerProblems([source(file, text)])).toEqual([expect.objectContaining({ file })]);
  });

  it('layers: a use case importing the domain and a port, and a comment naming an adapter, pass', () => {
    const text =
      "// not: import('../adapters/sqlite')\nimport { may } from '../domain/authorization/permissions';\nimport type { Stores } from '../ports/stores.port';";
    expect(layerProblems([source('app/fine.ts', text)])).toEqual([]);
  });

  it('adapters: one adapter loading another lazily', () => {
    const file = source('adapters/http/lazy-store.ts', "export const stores = () => import('../sqlite/sqlite-stores');");
    expect(crossingAdapters([file])).toEqual([
      expect.objectContaining({ file: 'adapters/http/lazy-store.ts', specifier: '../sqlite/sqlite-stores' }),
    ]);
    expect(crossingAdapters([source('adapters/http/log.ts', "import { consoleLogger } from '../console-logger';")])).toEqual([]);
    expect(crossingAdapters([source('adapters/teams/answer.ts', "import { outcomeBanner } from '../outcomes';")])).toEqual([]);
  });

  it('botbuilder: required outside adapters/teams', () => {
    expect(botbuilderOutsideTeams([source('app/send.ts', "const { CardFactory } = require('botbuilder');")])).toEqual([
      expect.objectContaining({ file: 'app/send.ts' }),
    ]);
  });

  it.each([
    ['builds a store itself', 'seed-cli.ts', "import { createSqliteStores } from './adapters/sqlite/sqlite-stores';"],
    ['loads an adapter lazily', 'export-cli.ts', "export const run = async () => (await import('./adapters/graph/graph-api')).GraphApi;"],
    ['opens the records through main.ts', 'count-cli.ts', "const { openRecords } = require('./main');"],
  ])('composition roots: a new file that %s is noticed until it is named', (_case, file, text) => {
    const roots = Object.keys(WIRING);
    expect(wiringFiles([...BOT, source(file, text)], roots)).toEqual([...roots, file].sort());
  });

  it('composition roots: a type from an adapter builds nothing', () => {
    expect(
      wiringFiles([source('report-cli.ts', "import type { GraphApi } from './adapters/graph/graph-api';")], Object.keys(WIRING)),
    ).toEqual([]);
  });

  it.each([
    [
      'the permissions table',
      "import { may } from '../../bot/src/domain/authorization/permissions';",
      'the tab bundle never imports server code',
    ],
    [
      'a type from a module that is not a shared types module',
      "import type { Role } from '../../bot/src/domain/people/role';",
      'the tab bundle never imports server code',
    ],
    [
      'a value from the shared types module',
      "import { ROLE_NAMES } from '../../bot/src/shared/tab-types';",
      'shared types are imported with `import type` only',
    ],
    [
      'a store, lazily',
      "const load = () => import('../../bot/src/adapters/sqlite/sqlite-stores');",
      'the tab bundle never imports server code',
    ],
    ['a server package', "import { z } from 'zod';", 'a server package in the browser bundle'],
    ['a scoped server package, required', "const msal = require('@azure/msal-node');", 'a server package in the browser bundle'],
    ['a Node module', "import { readFileSync } from 'node:fs';", 'a server package in the browser bundle'],
    ['a module it computes', 'const page = (name: string) => import(`./${name}`);', 'a computed import hides what the bundle loads'],
  ])('tab: %s', (_case, text, why) => {
    const rules: TabRules = { typesShared: ['bot/src/shared/tab-types.ts'], rulesShared: [], serverPackages: TAB_RULES.serverPackages };
    expect(tabProblems([source('tab/src/Broken.tsx', text)], rules)).toEqual([
      expect.objectContaining({ file: 'tab/src/Broken.tsx', why }),
    ]);
  });

  it('tab: its own modules, its packages and `import type` from the shared types module pass', () => {
    const text = [
      "import { Button } from '@fluentui/react-components';",
      "import { app } from '@microsoft/teams-js';",
      "import type { Role } from '../../bot/src/shared/tab-types';",
      "const Page = lazy(() => import('./settings/SettingsPage'));",
    ].join('\n');
    expect(
      tabProblems([source('tab/src/Fine.tsx', text)], {
        typesShared: ['bot/src/shared/tab-types.ts'],
        rulesShared: [],
        serverPackages: TAB_RULES.serverPackages,
      }),
    ).toEqual([]);
  });

  it('tab: a domain module shared with it is bundled as it is, but only while it imports no values and is in the domain', () => {
    const rules = {
      typesShared: [],
      rulesShared: ['bot/src/domain/incidents/body-map.ts', 'bot/src/adapters/http/csv.ts'],
      serverPackages: TAB_RULES.serverPackages,
    };
    expect(tabProblems([source('tab/src/Map.tsx', "import { regionAt } from '../../bot/src/domain/incidents/body-map';")], rules)).toEqual(
      [],
    );
    const files: Record<string, string> = {
      'bot/src/domain/incidents/body-map.ts':
        "import type { IsoDate } from '../calendar/dates';\nimport { may } from '../authorization/permissions';\nexport const BODY_VIEWS = ['front', 'back'] as const;",
      'bot/src/adapters/http/csv.ts': 'export const toCsv = () => "";',
    };
    expect(sharedModuleProblems(rules, (path) => files[path]!)).toEqual([
      {
        file: 'bot/src/domain/incidents/body-map.ts',
        specifier: '../authorization/permissions',
        why: 'a module shared with the tab imports nothing',
      },
      { file: 'bot/src/adapters/http/csv.ts', specifier: '', why: 'only domain rules are shared with the tab' },
    ]);
  });

  it.each([
    [
      'interfaces and types only',
      false,
      "import type { Role } from '../domain/people/role';\nexport interface Me { roles: Role[] }\nexport type View = 'consent';",
    ],
    ['a constant', true, 'export interface Me { id: string }\nexport const VIEWS = [];'],
    ['a re-exported value', true, "export { ROLES } from '../domain/people/role';"],
    [
      'a value import (the bundle would load it)',
      true,
      "import { ROLES } from '../domain/people/role';\nexport type Role = (typeof ROLES)[number];",
    ],
  ])('a shared types module with %s exports values: %s', (_case, values, text) => {
    expect(exportsValues(text)).toBe(values);
  });
});
