/**
 * What each source file imports, read from its text, and the rules the dependency test checks on
 * it. The rules are functions of in-memory sources, so the test can prove each one fails on a
 * file that breaks it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import ts from 'typescript';

export interface SourceFile {
  /** Path from the root it was read from, with forward slashes: `app/report-incident.ts`. */
  file: string;
  text: string;
}

export interface Import {
  specifier: string;
  /** `import type …` / `export type … from`: gone from the built JavaScript. */
  typeOnly: boolean;
  how: 'static' | 'dynamic' | 'require';
}

export interface Problem {
  file: string;
  specifier: string;
  why: string;
}

export function readSources(root: string, extensions: RegExp): SourceFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : extensions.test(name) ? [path] : [];
    });
  return walk(root).map((path) => ({ file: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }));
}

/** Each file is parsed once, whichever rules read it. */
const parsed = new Map<string, Import[]>();

/**
 * Every module a file names, however it names it: import and export declarations, `import x =
 * require()`, `import()` and `require()` calls (one that is not a plain string is `<computed>`),
 * and `typeof import()` types. Read with the TypeScript parser, so comments and strings that
 * mention an import do not count.
 */
export function importsOf(text: string, fileName = 'source.ts'): Import[] {
  const key = `${fileName}\n${text}`;
  const known = parsed.get(key);
  if (known) return known;
  const found: Import[] = [];
  const named = (node: ts.Node | undefined) => (node && ts.isStringLiteralLike(node) ? node.text : '<computed>');
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      found.push({ specifier: named(node.moduleSpecifier), typeOnly, how: 'static' });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      found.push({ specifier: named(node.moduleSpecifier), typeOnly: node.isTypeOnly, how: 'static' });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      found.push({ specifier: named(node.moduleReference.expression), typeOnly: node.isTypeOnly, how: 'require' });
    } else if (ts.isImportTypeNode(node)) {
      const argument = ts.isLiteralTypeNode(node.argument) ? node.argument.literal : undefined;
      found.push({ specifier: named(argument), typeOnly: true, how: 'dynamic' });
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) found.push({ specifier: named(node.arguments[0]), typeOnly: false, how: 'dynamic' });
      else if (ts.isIdentifier(callee) && callee.text === 'require')
        found.push({ specifier: named(node.arguments[0]), typeOnly: false, how: 'require' });
    }
    ts.forEachChild(node, visit);
  };
  visit(
    ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS),
  );
  parsed.set(key, found);
  return found;
}

/** Where a relative specifier lands, from the root the files were read from (`../x` from `a/b.ts` is `x`). */
export function target(file: string, specifier: string): string {
  return posix.normalize(posix.join(posix.dirname(file), specifier));
}

/** The layer of a path under bot/src: `domain`, `app`, `ports`, `adapters/sqlite`, `main.ts`… */
export function layerOf(path: string): string {
  const [first, second] = path.split('/');
  return first === 'adapters' && second !== undefined && !second.endsWith('.ts') ? `adapters/${second}` : first!;
}

/** The layer an import lands in, or `package:<name>` for a package. */
export function landing(file: string, specifier: string): string {
  return specifier.startsWith('.') ? layerOf(target(file, specifier)) : `package:${specifier}`;
}

export interface LayerRule {
  layer: RegExp;
  allowed: RegExp;
  why: string;
}

/** ARCHITECTURE.md: domain imports nothing outside itself; app sees domain and ports; ports describe the core. */
export const LAYER_RULES: LayerRule[] = [
  { layer: /^domain\//, allowed: /^(domain|package:zod)$/, why: 'the domain is pure policy rules (zod, the one schema library, excepted)' },
  { layer: /^ports\//, allowed: /^(domain|ports)$/, why: 'ports describe what the core needs' },
  { layer: /^app\//, allowed: /^(domain|ports|app)$/, why: 'use cases see only the domain and ports' },
  { layer: /^contracts\//, allowed: /^contracts$/, why: "the API's shapes, shared with the tab, are types that stand alone" },
];

/** bot/src files that break a layer rule, whether the import is static, dynamic or a require. */
export function layerProblems(files: SourceFile[], rules: LayerRule[] = LAYER_RULES): Problem[] {
  return files.flatMap(({ file, text }) => {
    const rule = rules.find((candidate) => candidate.layer.test(file));
    if (!rule) return [];
    return importsOf(text, file)
      .filter(({ specifier }) => specifier === '<computed>' || !rule.allowed.test(landing(file, specifier)))
      .map(({ specifier }) => ({ file, specifier, why: rule.why }));
  });
}

/** Shared by every adapter: the console logger, and the one table from an outcome to an HTTP status and a card banner. */
const SHARED_BY_ADAPTERS = ['adapters/console-logger', 'adapters/outcomes', 'adapters/refusals'];

/** Adapters do not import one another (except what they all share); main.ts wires them. */
export function crossingAdapters(files: SourceFile[]): Problem[] {
  return files
    .filter(({ file }) => file.startsWith('adapters/'))
    .flatMap(({ file, text }) =>
      importsOf(text, file)
        .filter(({ specifier }) => {
          const lands = landing(file, specifier);
          return (
            specifier === '<computed>' ||
            (lands.startsWith('adapters/') && lands !== layerOf(file) && !SHARED_BY_ADAPTERS.includes(target(file, specifier)))
          );
        })
        .map(({ specifier }) => ({ file, specifier, why: 'one adapter does not import another' })),
    );
}

/** botbuilder and botframework-* only inside adapters/teams, so moving to the Agents SDK touches one folder. */
export function botbuilderOutsideTeams(files: SourceFile[]): Problem[] {
  return files
    .filter(({ file }) => !file.startsWith('adapters/teams/'))
    .flatMap(({ file, text }) =>
      importsOf(text, file)
        .filter(({ specifier }) => /^(botbuilder|botframework-)/.test(specifier))
        .map(({ specifier }) => ({ file, specifier, why: 'botbuilder stays in adapters/teams' })),
    );
}

/**
 * The files outside adapters/ that build adapters: they import one, or import a file that does
 * (main.ts's `openRecords`, for instance). Each must be named in the list of composition roots.
 */
export function wiringFiles(files: SourceFile[], roots: readonly string[]): string[] {
  return files
    .filter(({ file }) => !file.startsWith('adapters/'))
    .filter(({ file, text }) =>
      importsOf(text, file).some(({ specifier, typeOnly }) => {
        if (!specifier.startsWith('.') || typeOnly) return false;
        const lands = target(file, specifier);
        return lands.startsWith('adapters/') || roots.some((root) => lands === root.replace(/\.ts$/, ''));
      }),
    )
    .map(({ file }) => file)
    .sort();
}

/**
 * What the tab (a browser bundle) may import from outside tab/src: shared types-only modules, as
 * `import type`, and the pure domain modules listed as shared with it (paths from the repository
 * root, e.g. `bot/src/domain/incidents/body-map.ts`).
 */
export interface TabRules {
  typesShared: readonly string[];
  /** Domain rules the tab bundles as they are: each must import nothing at all (see `sharedModuleProblems`). */
  rulesShared: readonly string[];
  /** Packages that are the server's: package.json `dependencies` (the tab's own are devDependencies, bundled by Vite). */
  serverPackages: readonly string[];
}

/** tab/src files (paths from the repository root) that reach server code. */
export function tabProblems(files: SourceFile[], rules: TabRules): Problem[] {
  return files.flatMap(({ file, text }) =>
    importsOf(text, file).flatMap(({ specifier, typeOnly }): Problem[] => {
      if (specifier === '<computed>') return [{ file, specifier, why: 'a computed import hides what the bundle loads' }];
      if (!specifier.startsWith('.')) {
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        if (name.startsWith('node:') || rules.serverPackages.includes(name))
          return [{ file, specifier, why: 'a server package in the browser bundle' }];
        return [];
      }
      const lands = target(file, specifier);
      if (lands.startsWith('tab/src/')) return [];
      if (rules.rulesShared.some((path) => path.replace(/\.ts$/, '') === lands.replace(/\.ts$/, ''))) return [];
      const shared = rules.typesShared.some((path) => path.replace(/\.ts$/, '') === lands.replace(/\.ts$/, ''));
      if (shared && typeOnly) return [];
      return [
        { file, specifier, why: shared ? 'shared types are imported with `import type` only' : 'the tab bundle never imports server code' },
      ];
    }),
  );
}

/**
 * The modules shared with the tab stay harmless to bundle: a types module holds types only, and a
 * shared rules module is in the domain and imports no values (so no server code comes with it;
 * an `import type` is erased when the tab is built).
 */
export function sharedModuleProblems(rules: Pick<TabRules, 'typesShared' | 'rulesShared'>, read: (path: string) => string): Problem[] {
  return [
    ...rules.typesShared
      .filter((path) => exportsValues(read(path)))
      .map((path) => ({ file: path, specifier: '', why: 'a types module shared with the tab exports values' })),
    ...rules.rulesShared.flatMap((path): Problem[] => {
      if (!path.startsWith('bot/src/domain/')) return [{ file: path, specifier: '', why: 'only domain rules are shared with the tab' }];
      return importsOf(read(path), path)
        .filter(({ typeOnly }) => !typeOnly)
        .map(({ specifier }) => ({ file: path, specifier, why: 'a module shared with the tab imports nothing' }));
    }),
  ];
}

const VALUE_EXPORT = /^[ \t]*export\s+(?:default\b|const\b|let\b|var\b|function\b|async\b|class\b|enum\b|abstract\b|\{|\*)/m;

/** A module the tab may share must hold types only: no value the bundle would have to load. */
export function exportsValues(text: string): boolean {
  return VALUE_EXPORT.test(text) || importsOf(text).some(({ typeOnly }) => !typeOnly);
}
