/**
 * The lint rules the code relies on (eslint.config.mjs) catch what they are there for: a school
 * date taken from the UTC clock, a promise nobody waits for, a line too wide to read. Each snippet
 * is linted as if it were a file of the app, with the app's own configuration.
 */
import { ESLint, type Linter } from 'eslint';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const AS_FILE = join(ROOT, 'bot', 'src', 'app', 'record-audit.ts');

async function rulesBroken(code: string): Promise<(string | null)[]> {
  // The configuration is handed over as loaded: ESLint's own loader imports it as a module, which jest does not allow.
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: require('../../eslint.config.cjs') as Linter.Config[] });
  const [result] = await eslint.lintText(code, { filePath: AS_FILE });
  return result!.messages.map((message) => message.ruleId);
}

jest.setTimeout(60_000);

describe('lint rules', () => {
  it.each([
    ["a date field's default from the UTC clock", 'export const day = new Date().toISOString().slice(0, 10);\n', ['no-restricted-syntax']],
    ['the same with substring', 'export const day = (d: Date) => d.toISOString().substring(0, 10);\n', ['no-restricted-syntax']],
    ['a slot key to the minute (not a date)', 'export const slot = new Date().toISOString().slice(0, 16);\n', []],
    [
      'a save nobody waits for',
      'async function save(): Promise<void> {}\nexport function click(): void {\n  save();\n}\n',
      ['@typescript-eslint/no-floating-promises'],
    ],
    [
      'a save deliberately left to run',
      'async function save(): Promise<void> {}\nexport function click(): void {\n  void save();\n}\n',
      [],
    ],
    [
      'a line of code too wide to read',
      `export const marks = [${Array.from({ length: 40 }, (_, i) => i + 100).join(', ')}];\n`,
      ['max-len'],
    ],
    ['a line of code that fits', `export const marks = [${Array.from({ length: 20 }, (_, i) => i + 100).join(', ')}];\n`, []],
  ])('%s', async (_case, code, rules) => {
    expect(await rulesBroken(code)).toEqual(rules);
  });
});
