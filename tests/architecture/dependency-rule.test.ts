/**
 * ARCHITECTURE.md's dependency rule: domain imports nothing outside itself (zod, the one schema
 * library, excepted); app imports domain and ports; only main.ts knows every adapter; botbuilder
 * stays inside adapters/teams so moving to the Microsoft 365 Agents SDK touches one folder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', '..', 'bot', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const FILES = sourceFiles(SRC).map((path) => ({
  file: relative(SRC, path).split('\\').join('/'),
  imports: [...readFileSync(path, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((match) => match[1]!),
}));

/** The layer an import lands in, from a file at `file`. */
function layerOf(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return `package:${specifier}`;
  const target = join(file, '..', specifier).split('\\').join('/');
  return target.split('/')[0] === 'adapters' ? `adapters/${target.split('/')[1]}` : target.split('/')[0]!;
}

const RULES: { layer: RegExp; allowed: RegExp; why: string }[] = [
  { layer: /^domain\//, allowed: /^(domain|package:zod)$/, why: 'the domain is pure policy rules' },
  { layer: /^ports\//, allowed: /^(domain|ports)$/, why: 'ports describe what the core needs' },
  { layer: /^app\//, allowed: /^(domain|ports|app)$/, why: 'use cases see only the domain and ports' },
];

describe('the dependency rule', () => {
  it('finds the source files it checks', () => {
    expect(FILES.length).toBeGreaterThan(30);
  });

  it.each(RULES)('$layer imports only what it may ($why)', ({ layer, allowed }) => {
    const broken = FILES.filter(({ file }) => layer.test(file)).flatMap(({ file, imports }) =>
      imports.map((specifier) => ({ file, specifier, lands: layerOf(file, specifier) })).filter(({ lands }) => !allowed.test(lands)),
    );
    expect(broken).toEqual([]);
  });

  it('botbuilder (and its botframework-connector) is imported only inside adapters/teams', () => {
    const outside = FILES.filter(({ file, imports }) => !file.startsWith('adapters/teams/') && imports.some((specifier) => /^(botbuilder|botframework-)/.test(specifier)));
    expect(outside.map(({ file }) => file)).toEqual([]);
  });

  it('adapters do not import one another; main.ts wires them', () => {
    const crossing = FILES.filter(({ file }) => file.startsWith('adapters/')).flatMap(({ file, imports }) => {
      const own = `adapters/${file.split('/')[1]}`;
      return imports
        .map((specifier) => layerOf(file, specifier))
        .filter((lands) => lands.startsWith('adapters/') && lands !== own && lands !== 'adapters/console-logger.ts')
        .map((lands) => `${file} → ${lands}`);
    });
    expect(crossing).toEqual([]);
  });
});
