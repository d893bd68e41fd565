// @ts-check
/**
 * The few rules this code needs, on top of TypeScript's own checks (Prettier keeps the layout):
 * - no floating promises: a promise nobody awaits loses its error, and with it a record or a notice;
 * - a school date is never the UTC date: `toISOString().slice(0, 10)` is yesterday's date between
 *   midnight and 1 am in summer — use `today(clock)` (bot/src/domain/calendar/zoned-time.ts), or
 *   `utcDateOf` (dates.ts) for a date built as a UTC midnight;
 * - no line wider than 140 characters (long strings, URLs and patterns apart).
 */
const eslintConfigPrettier = require('eslint-config-prettier/flat');
const tseslint = require('typescript-eslint');

const UTC_DATE_SLICE = {
  selector:
    "CallExpression[callee.property.name=/^(slice|substring|substr)$/][callee.object.type='CallExpression'][callee.object.callee.property.name='toISOString'][arguments.length=2][arguments.1.value=10]",
  message:
    'A school date is the date in Europe/London: use today(clock) from domain/calendar/zoned-time.ts, or utcDateOf() for a UTC midnight.',
};

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      'coverage/',
      'reports/',
      '.stryker-tmp/',
      'appPackage/build/',
      '**/*.cjs',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: __dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-syntax': ['error', UTC_DATE_SLICE],
    },
  },
  eslintConfigPrettier,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    rules: {
      'max-len': ['error', { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
);
