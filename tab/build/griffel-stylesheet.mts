import { defaultCompareMediaQueries, normalizeCSSBucketEntry, styleBucketOrdering } from '@griffel/core';
import type { CSSRulesByBucket, StyleBucketName } from '@griffel/core';
import type { Plugin } from 'vite';

/**
 * Fluent UI's styles as one style sheet, written when the tab is built, instead of CSS rules that
 * Griffel inserts one by one into the page as each component first draws.
 *
 * Fluent's components ship their styles compiled ahead of time (`__styles(classes, cssRules)`, and
 * `__resetStyles(ltr, rtl, cssRules)`), and so do the tab's own since the Griffel Vite plugin; at run
 * time each hook still inserts its rules into the page, with `insertRule`, the first time it is used:
 * 500-680 rules on each first page, about 22 ms of the incident log's main thread on this machine
 * (docs/benchmarks.md, "Less work on the main thread"). Here each call is
 * turned into the form that only maps classes (`__css`, `__resetCSS`: Griffel's own, as its webpack
 * extraction plugin does) and its rules are gathered into one sheet, in the order Griffel's renderer
 * keeps them (by bucket — reset, plain, link, visited, focus-within, focus, focus-visible, hover,
 * active... — then media query, then priority), which the tab's HTML links to.
 * https://griffel.js.org/react/guides/aot-compilation, https://griffel.js.org/react/guides/css-extraction
 *
 * A call whose rules are not plain literals fails the build: left to insert its rules at run time, it
 * would put them after the sheet.
 * Tested on the built tab: tests/e2e/tab-first-page-work.test.ts (the sheet's order, no rule inserted
 * while a page draws, a button's colours and hover).
 */

/** The few ESTree shapes read here (the bundler's parser gives each node its `start` and `end`). */
interface Node {
  type: string;
  start: number;
  end: number;
}
interface Literal extends Node {
  value: unknown;
}
interface ImportDeclaration extends Node {
  source: Literal;
  specifiers: (Node & { imported?: Node & { name?: string; value?: string }; local: Node & { name: string } })[];
}
interface CallExpression extends Node {
  callee: Node & { name?: string };
  arguments: Node[];
}

/** Griffel's ahead-of-time calls, what each becomes, and how many arguments come before its rules. */
const CALLS = {
  __styles: { becomes: '__css', rulesAt: 1 },
  __resetStyles: { becomes: '__resetCSS', rulesAt: 2 },
} as const;
type Call = keyof typeof CALLS;

const NOT_LITERAL = Symbol('not a literal');

/** The value of an expression written as plain literals (objects, arrays, strings, numbers), or NOT_LITERAL. */
function literalValue(node: Node): unknown {
  switch (node.type) {
    case 'Literal':
      return (node as Literal).value;
    case 'TemplateLiteral': {
      const template = node as Node & { expressions: Node[]; quasis: { value: { cooked: string } }[] };
      return template.expressions.length === 0 ? template.quasis[0]!.value.cooked : NOT_LITERAL;
    }
    case 'UnaryExpression': {
      const unary = node as Node & { operator: string; argument: Node };
      const value = literalValue(unary.argument);
      return unary.operator === '-' && typeof value === 'number' ? -value : NOT_LITERAL;
    }
    case 'ArrayExpression': {
      const values = (node as Node & { elements: (Node | null)[] }).elements.map((element) =>
        element ? literalValue(element) : NOT_LITERAL,
      );
      return values.includes(NOT_LITERAL) ? NOT_LITERAL : values;
    }
    case 'ObjectExpression': {
      const object: Record<string, unknown> = {};
      for (const property of (node as Node & { properties: (Node & { key: Node; value: Node; computed?: boolean })[] }).properties) {
        if (property.type !== 'Property' || property.computed) return NOT_LITERAL;
        const key = property.key.type === 'Identifier' ? (property.key as Node & { name: string }).name : literalValue(property.key);
        const value = literalValue(property.value);
        if ((typeof key !== 'string' && typeof key !== 'number') || value === NOT_LITERAL) return NOT_LITERAL;
        object[key] = value;
      }
      return object;
    }
    default:
      return NOT_LITERAL;
  }
}

/** Every node under `node`, depth first. */
function* walk(node: unknown): Generator<Node> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) yield* walk(child);
    return;
  }
  if (typeof (node as Node).type === 'string') yield node as Node;
  for (const [key, child] of Object.entries(node)) if (key !== 'type' && child && typeof child === 'object') yield* walk(child);
}

/**
 * A module's Griffel calls turned into class maps alone, the rules they carried, and how many calls
 * could not be turned (`left`); undefined when it imports none. `program` is the module parsed (ESTree).
 */
function extractStyles(code: string, program: Node): { code: string; rules: CSSRulesByBucket[]; left: number } | undefined {
  const calls = new Map<string, { call: Call; source: string }>();
  for (const node of (program as Node & { body: Node[] }).body) {
    if (node.type !== 'ImportDeclaration') continue;
    const declaration = node as ImportDeclaration;
    for (const specifier of declaration.specifiers) {
      const imported = specifier.imported?.name ?? specifier.imported?.value;
      if (specifier.type === 'ImportSpecifier' && (imported === '__styles' || imported === '__resetStyles')) {
        calls.set(specifier.local.name, { call: imported, source: String(declaration.source.value) });
      }
    }
  }
  if (calls.size === 0) return undefined;

  const edits: { start: number; end: number; text: string }[] = [];
  const rules: CSSRulesByBucket[] = [];
  const imports = new Map<string, string>(); // local name → `name as local` from a source
  let left = 0;
  for (const node of walk(program)) {
    if (node.type !== 'CallExpression') continue;
    const { callee, arguments: args } = node as CallExpression;
    const found = callee.type === 'Identifier' && callee.name ? calls.get(callee.name) : undefined;
    if (!found) continue;
    const { becomes, rulesAt } = CALLS[found.call];
    const value = args.length === rulesAt + 1 ? literalValue(args[rulesAt]!) : NOT_LITERAL;
    if (value === NOT_LITERAL || !value || typeof value !== 'object') {
      left += 1;
      continue;
    }
    // Reset styles carry a plain array of rules, which Griffel's renderer puts in the reset bucket.
    rules.push((Array.isArray(value) ? { r: value } : value) as CSSRulesByBucket);
    const local = `${becomes}$griffelSheet`;
    imports.set(local, `import { ${becomes} as ${local} } from ${JSON.stringify(found.source)};\n`);
    edits.push({ start: callee.start, end: callee.end, text: local });
    edits.push({ start: args[rulesAt - 1]!.end, end: args[rulesAt]!.end, text: '' });
  }
  let changed = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) changed = changed.slice(0, edit.start) + edit.text + changed.slice(edit.end);
  return { code: [...imports.values()].join('') + changed, rules, left };
}

const BUCKET_ORDER = new Map(styleBucketOrdering.map((bucket, index) => [bucket, index]));

/**
 * The rules as one style sheet, each once, in the order Griffel's DOM renderer would keep them: by
 * bucket, then (for media and container queries) by query, then by priority; otherwise as they came.
 */
function stylesheet(sets: CSSRulesByBucket[]): string {
  const unique = new Map<string, { bucket: number; query: string; priority: number }>();
  for (const set of sets) {
    for (const [bucket, entries] of Object.entries(set) as [StyleBucketName, Parameters<typeof normalizeCSSBucketEntry>[0][]][]) {
      for (const entry of entries) {
        const [rule, meta] = normalizeCSSBucketEntry(entry);
        if (unique.has(rule)) continue;
        // Griffel's renderer orders "@media" rules by their query, and "@container" ones (bucket x) by their condition.
        const query = bucket === 'm' ? meta?.['m'] : bucket === 'x' ? meta?.['x'] : undefined;
        unique.set(rule, {
          bucket: BUCKET_ORDER.get(bucket) ?? styleBucketOrdering.length,
          query: String(query ?? ''),
          priority: Number(meta?.['p'] ?? 0),
        });
      }
    }
  }
  return [...unique]
    .sort(([, a], [, b]) => a.bucket - b.bucket || defaultCompareMediaQueries(a.query, b.query) || a.priority - b.priority)
    .map(([rule]) => rule)
    .join('\n');
}

/** The Vite plugin: after Griffel's own (`@griffel/vite-plugin`), for the build only. */
export function griffelStylesheet(): Plugin {
  const rulesByModule = new Map<string, CSSRulesByBucket[]>();
  let base = '/';
  return {
    name: 'griffel-stylesheet',
    apply: 'build',
    enforce: 'post',
    configResolved: (config) => {
      base = config.base;
    },
    transform(code, id) {
      // Griffel's own modules define these calls (and pass them on): they are not styles.
      if (/[\\/]node_modules[\\/]@griffel[\\/]/.test(id)) return undefined;
      if (!code.includes('__styles') && !code.includes('__resetStyles')) return undefined;
      const extracted = extractStyles(code, this.parse(code) as unknown as Node);
      if (!extracted) return undefined;
      // One left to insert its rules at run time would put them after the sheet, where a plain rule
      // inserted again would win over the sheet's hover, focus and media rules for the same class.
      if (extracted.left > 0) this.error(`${id}: a Griffel style whose rules are not plain literals cannot go into the style sheet.`);
      if (extracted.rules.length === 0) return undefined; // it imports them, but calls none: nothing to change
      rulesByModule.set(id, extracted.rules);
      return { code: extracted.code, map: null };
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        // Only the modules the bundle kept: Fluent's index names every component, most of them unused.
        const kept = Object.values(bundle)
          .flatMap((output) => (output.type === 'chunk' ? Object.entries(output.modules) : []))
          .filter(([id, module]) => module.renderedLength > 0 && rulesByModule.has(id))
          .map(([id]) => id);
        const css = stylesheet(kept.flatMap((id) => rulesByModule.get(id)!));
        const fileName = this.getFileName(this.emitFile({ type: 'asset', name: 'fluent.css', source: css }));
        const html = bundle['index.html'];
        if (html?.type !== 'asset') throw new Error("The build has no index.html to link Fluent's style sheet from.");
        const link = `<link rel="stylesheet" crossorigin href="${base}${fileName}">`;
        html.source = String(html.source).replace('</head>', `  ${link}\n  </head>`);
      },
    },
  };
}
