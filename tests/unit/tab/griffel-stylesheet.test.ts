/**
 * Fluent's style sheet, built with the tab (tab/build/griffel-stylesheet.ts), keeps its rules in the
 * order Griffel's renderer keeps them in the page: a later rule wins over an earlier one of the same
 * weight, so a button's hover colour must come after its plain colour, and a narrow screen's rule
 * after the rest. (That every page draws from it, as before, is in tests/e2e/tab-first-page-work.test.ts.)
 */

/** Griffel's rules of one `__styles` call, by bucket: a rule, or a rule and what it is for (media query, priority). */
type CSSRulesByBucket = Record<string, (string | [string, Record<string, unknown>])[]>;

// Loaded through Jest, not imported: the build's code is checked with the tab's settings (tab/tsconfig.json),
// under which Griffel is an ES module, which this project's own settings would refuse to import.
const { stylesheet } = jest.requireActual<{ stylesheet(sets: CSSRulesByBucket[]): string }>('../../../tab/build/griffel-stylesheet');

const CASES: [string, CSSRulesByBucket[], string[]][] = [
  [
    'by bucket: reset, plain, focus, hover, active, whatever order they came in',
    [
      { a: ['.a:active{color:red;}'], h: ['.h:hover{color:blue;}'] },
      { d: ['.d{color:black;}'], f: ['.f:focus{color:green;}'], r: ['.r{margin:0;}'] },
    ],
    ['.r{margin:0;}', '.d{color:black;}', '.f:focus{color:green;}', '.h:hover{color:blue;}', '.a:active{color:red;}'],
  ],
  [
    'media queries after every other rule, ordered by query',
    [
      {
        m: [
          ['@media (min-width: 800px){.w{gap:2px;}}', { m: '(min-width: 800px)' }],
          ['@media (min-width: 400px){.n{gap:1px;}}', { m: '(min-width: 400px)' }],
        ],
      },
      { d: ['.d{gap:0;}'] },
    ],
    ['.d{gap:0;}', '@media (min-width: 400px){.n{gap:1px;}}', '@media (min-width: 800px){.w{gap:2px;}}'],
  ],
  [
    'a shorthand before its longhands (lower priority first) in the same bucket',
    [{ d: ['.l{padding-left:1px;}', ['.s{padding:0;}', { p: -1 }]] }],
    ['.s{padding:0;}', '.l{padding-left:1px;}'],
  ],
  [
    'each rule once, where it first came',
    [{ d: ['.x{color:red;}', '.y{color:blue;}'] }, { d: ['.x{color:red;}'] }],
    ['.x{color:red;}', '.y{color:blue;}'],
  ],
];

it.each(CASES)('orders the rules %s', (_case, sets, expected) => {
  expect(stylesheet(sets).split('\n')).toEqual(expected);
});
