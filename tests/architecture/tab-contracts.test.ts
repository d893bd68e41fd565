/**
 * The tab and the server share the API's shapes through bot/src/contracts, and nothing else: the
 * tab imports only that folder from the server, and only with `import type` (erased from the
 * bundle), and the folder holds only types, so no server code can reach the browser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TAB = join(ROOT, 'tab', 'src');
const CONTRACTS = join(ROOT, 'bot', 'src', 'contracts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(path) ? [path] : [];
  });
}

/** Every import, re-export, `import()` and `require()` in a file, with whether it is types only. */
function importsOf(path: string): { specifier: string; typeOnly: boolean }[] {
  const text = readFileSync(path, 'utf8');
  const statements = [...text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/gm)].map((match) => ({ specifier: match[3]!, typeOnly: match[2] !== undefined }));
  const bare = [...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((match) => ({ specifier: match[1]!, typeOnly: false }));
  const dynamic = [...text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => ({ specifier: match[1]!, typeOnly: false }));
  return [...statements, ...bare, ...dynamic];
}

/**
 * The one exception, named: the body map's geometry (pure, importing nothing) is drawn by the tab and
 * names each mark's region on the server, so both must use the same outline.
 */
const SHARED_CODE = ['bot/src/domain/incidents/body-map.ts'];

const TAB_FILES = sourceFiles(TAB);
const CONTRACT_FILES = sourceFiles(CONTRACTS);
const where = (path: string) => relative(ROOT, path).split('\\').join('/');
/** Where a relative import lands, from the repository's root. */
const target = (path: string, specifier: string) => where(join(path, '..', specifier));

describe('the tab and the server share types only', () => {
  it('finds the files it checks', () => {
    expect(TAB_FILES.length).toBeGreaterThan(30);
    expect(CONTRACT_FILES.length).toBeGreaterThan(5);
  });

  it('the tab imports from outside tab/ only bot/src/contracts, and only with `import type`', () => {
    const outside = TAB_FILES.flatMap((path) =>
      importsOf(path)
        .filter(({ specifier }) => specifier.startsWith('.') && !target(path, specifier).startsWith('tab/'))
        .filter(({ specifier, typeOnly }) => !(typeOnly && target(path, specifier).startsWith('bot/src/contracts/')) && !SHARED_CODE.includes(`${target(path, specifier)}.ts`))
        .map(({ specifier }) => `${where(path)} → ${specifier}`),
    );
    expect(outside).toEqual([]);
  });

  it('the code the tab shares with the server imports nothing', () => {
    expect(SHARED_CODE.flatMap((file) => importsOf(join(ROOT, file)).map(({ specifier }) => `${file} → ${specifier}`))).toEqual([]);
  });

  it('bot/src/contracts holds only types and imports nothing outside itself', () => {
    const problems = CONTRACT_FILES.flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      const runtime = [...text.matchAll(/^export\s+(?!type\b|interface\b)(\w+)/gm)].map((match) => `${where(path)} exports a ${match[1]}`);
      const imports = importsOf(path)
        .filter(({ specifier }) => !specifier.startsWith('./'))
        .map(({ specifier }) => `${where(path)} → ${specifier}`);
      return [...runtime, ...imports];
    });
    expect(problems).toEqual([]);
  });
});
