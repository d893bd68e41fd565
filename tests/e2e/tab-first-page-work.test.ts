/**
 * Work a first page leaves out, in real Chromium, so that it comes on the screen sooner
 * (docs/benchmarks.md, the tab's first page):
 * - Fluent's styles come with the page as one style sheet, built with the tab
 *   (tab/build/griffel-stylesheet.mts): Griffel inserts no CSS rule while the page draws, and the
 *   page looks as before (a primary button in Teams' brand colour, darker under the pointer: the
 *   hover rule must come after the plain one in the sheet).
 * - No page makes an Intl formatter before its content is drawn: Chromium's first one costs a page
 *   20-55 ms on this machine, as it loads its locale data (tab/src/ui/dates.ts writes dates out instead).
 * - Every script asks V8 to compile it whole as it arrives, off the main thread (tab/vite.config.mts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { teamsLightTheme } from '@fluentui/react-theme';
import type { Locator } from 'playwright-core';
import type { View } from '../../tab/src/views';
import { describeInBrowser } from '../fixtures/browser';
import { FIRST_PAGES } from '../fixtures/first-pages';
import { openTabApp, type TabApp } from '../fixtures/tab-app';

/** Counts, in the page, each Intl formatter made and each method that makes one for itself. */
const COUNT_INTL = `{
  window.intlUsed = [];
  const used = (name) => window.intlUsed.push(name);
  for (const name of ['DateTimeFormat', 'NumberFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'Segmenter', 'DisplayNames']) {
    const made = Intl[name];
    Intl[name] = new Proxy(made, {
      construct: (target, args) => (used(name), new target(...args)),
      apply: (target, self, args) => (used(name), target.apply(self, args)),
    });
  }
  for (const [owner, method] of [
    [Date.prototype, 'toLocaleDateString'], [Date.prototype, 'toLocaleTimeString'], [Date.prototype, 'toLocaleString'],
    [Number.prototype, 'toLocaleString'], [String.prototype, 'localeCompare'], [Array.prototype, 'toLocaleString'],
    [String.prototype, 'toLocaleUpperCase'], [String.prototype, 'toLocaleLowerCase'],
  ]) {
    const original = owner[method];
    owner[method] = function (...args) { used(method); return original.apply(this, args); };
  }
}`;

/** Rules Griffel put into the page while it ran (its style elements carry the bucket's name). */
const GRIFFEL_RULES_INSERTED = `[...document.querySelectorAll('style[data-make-styles-bucket]')]
  .reduce((count, element) => count + (element.sheet ? element.sheet.cssRules.length : 0), 0)`;

/** Fluent's style sheet as the build wrote it (`npm test` builds the tab first), rule by rule. */
function fluentSheet(): string[] {
  const assets = join(__dirname, '..', '..', 'dist', 'tab', 'assets');
  const [name] = readdirSync(assets).filter((file) => /^fluent-[\w-]+\.css$/.test(file));
  const rules: string[] = [];
  let depth = 0;
  let rule = '';
  for (const character of readFileSync(join(assets, name!), 'utf8')) {
    if (depth === 0 && rule === '' && /\s/.test(character)) continue;
    rule += character;
    if (character === '{') depth += 1;
    if (character === '}' && --depth === 0) {
      rules.push(rule);
      rule = '';
    }
  }
  return rules;
}

describe("Fluent's style sheet, as the build wrote it", () => {
  // A later rule wins over an earlier one of the same weight: Griffel's renderer keeps its rules in
  // buckets (plain, then :focus-within, :focus, :focus-visible, :hover, :active, then at-rules).
  const rules = fluentSheet();
  const lastOf = (pattern: RegExp) => rules.length - 1 - [...rules].reverse().findIndex((rule) => pattern.test(rule));
  const firstOf = (pattern: RegExp) => rules.findIndex((rule) => pattern.test(rule));
  // One atomic class (Griffel's names them f + hash) and what it styles.
  const plain = /^\.f\w+\{/;
  const hover = /^\.f\w+:hover\{/;
  const active = /^\.f\w+:active\{/;

  it('holds every style, each once', () => {
    expect(rules.length).toBeGreaterThan(1000);
    expect(new Set(rules).size).toBe(rules.length);
  });

  it('puts every hover rule after every plain one, and every pressed one after both', () => {
    expect(lastOf(plain)).toBeLessThan(firstOf(hover));
    expect(lastOf(hover)).toBeLessThan(firstOf(active));
  });

  it('puts a shorthand before its longhands, so that "padding-left" wins over "padding"', () => {
    const plainOf = (property: string) => new RegExp(`^\\.f\\w+\\{${property}:`);
    const pairs: [string, string][] = [
      ['border', 'border-(top|right|bottom|left)'],
      ['border-(top|right|bottom|left)', 'border-(top|right|bottom|left)-color'],
      ['padding', 'padding-(top|right|bottom|left)'],
      ['margin', 'margin-(top|right|bottom|left)'],
    ];
    for (const [shorthand, longhand] of pairs) {
      expect([shorthand, firstOf(plainOf(shorthand))]).not.toEqual([shorthand, -1]);
      expect([shorthand, lastOf(plainOf(shorthand)) < firstOf(plainOf(longhand))]).toEqual([shorthand, true]);
    }
  });

  it('puts the media queries (narrow screens, high contrast, reduced motion) after every rule they override, in order', () => {
    expect(lastOf(/^\.[\w-]+[:[{]/)).toBeLessThan(firstOf(/^@media/));
    const queries = rules.map((rule) => /^@media ([^{]+)\{\.f/.exec(rule)?.[1]).filter((query) => query !== undefined);
    expect(new Set(queries).size).toBeGreaterThan(3);
    expect(queries).toEqual([...queries].sort());
  });
});

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;

describeInBrowser('what a first page leaves out of drawing itself', () => {
  let tab: TabApp;

  beforeAll(async () => {
    tab = await openTabApp();
  });
  afterAll(() => tab?.close());

  it.each(FIRST_PAGES)(
    '%s as %s: styled from the built style sheet, with no CSS rule inserted while it draws',
    async (view, role, shown) => {
      const page = await tab.pageAs(role);
      await page.goto(`${tab.app.url}/tab/?view=${view}`);
      await shown(page).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate<number>(GRIFFEL_RULES_INSERTED)).toBe(0);
      // The navigation's open page is drawn from the sheet: darker text, and the brand-coloured line under it.
      const open = page.getByRole('tab', { selected: true }).first();
      const style = (pseudo?: string) =>
        open.evaluate((element, pseudo) => {
          const { color, backgroundColor } = element.ownerDocument.defaultView.getComputedStyle(element, pseudo);
          return { color, backgroundColor };
        }, pseudo);
      expect((await style()).color).toBe(rgb(teamsLightTheme.colorNeutralForeground1));
      expect((await style('::after')).backgroundColor).toBe(rgb(teamsLightTheme.colorCompoundBrandStroke));
      await page.close();
    },
  );

  it.each(FIRST_PAGES)('%s as %s: no Intl formatter is made before the page is on the screen', async (view, role, shown) => {
    const page = await tab.pageAs(role);
    await page.addInitScript(COUNT_INTL);
    await page.goto(`${tab.app.url}/tab/?view=${view}`);
    await shown(page).waitFor();
    expect(await page.evaluate<string[]>('window.intlUsed')).toEqual([]);
    await page.close();
  });

  it('counts what it looks for: a formatter made in the page is seen', async () => {
    const page = await tab.pageAs('headteacher');
    await page.addInitScript(COUNT_INTL);
    await page.goto(`${tab.app.url}/tab/?view=waiting`);
    await page.getByTestId('waiting-counts').waitFor();
    await page.evaluate("new Intl.DateTimeFormat('en-GB').format(0); (5).toLocaleString('en-GB')");
    expect(await page.evaluate<string[]>('window.intlUsed')).toEqual(['DateTimeFormat', 'toLocaleString']);
    await page.close();
  });

  it("draws a primary button in Teams' brand colour, darker under the pointer", async () => {
    const page = await tab.pageAs('headteacher');
    await page.goto(`${tab.app.url}/tab/?view=readiness`);
    const button = page.getByRole('button', { name: 'Check again' });
    await button.waitFor();
    const background = () => button.evaluate((element) => element.ownerDocument.defaultView.getComputedStyle(element).backgroundColor);
    expect(await background()).toBe(rgb(teamsLightTheme.colorBrandBackground));
    await button.hover();
    const hovered = rgb(teamsLightTheme.colorBrandBackgroundHover);
    for (let tries = 0; tries < 50 && (await background()) !== hovered; tries++) await page.waitForTimeout(20);
    expect(await background()).toBe(hovered);
    await page.close();
  });

  // The first script, the bundler's runtime, the shell, the parts most pages use, the page's own code and
  // at most two of its own: each script more is one more request queued behind the browser's six
  // connections (the incident log asked for 13 before its small parts went into one file). The settings
  // and the policy library open on forms and cards, whose Fluent parts (switch, radio, text area, card)
  // and the library's chart come on their own.
  const MOST_SCRIPTS: Partial<Record<View, number>> = { settings: 12, policies: 11 };
  it.each(FIRST_PAGES)('%s as %s: its code comes in few scripts (at most seven for most pages)', async (view, role, shown) => {
    const page = await tab.pageAs(role);
    // As inside Teams: outside local mode, the demo persona menu (and its code) is not there.
    await page.route('**/api/me', async (route) => {
      const me = await route.fetch();
      await route.fulfill({ response: me, json: { ...(await me.json()), localMode: false, personas: [] } });
    });
    const scripts = new Set<string>();
    page.on('request', (request) => {
      if (request.url().endsWith('.js')) scripts.add(new URL(request.url()).pathname.replace(/^\/tab\/assets\/|-[\w-]{8}\.js$/g, ''));
    });
    await page.goto(`${tab.app.url}/tab/?view=${view}`);
    await shown(page).waitFor();
    expect([...scripts].slice(MOST_SCRIPTS[view] ?? 7)).toEqual([]);
    expect([...scripts]).toEqual(expect.arrayContaining(['main', 'shell']));
    await page.close();
  });

  it("draws a table in Fluent's look: a thin line under each row, headings in regular weight, a subtle background under the pointer (the highlight colour in high contrast)", async () => {
    const page = await tab.pageAs('dsl');
    await page.goto(`${tab.app.url}/tab/?view=incidents`);
    const row = page.getByTestId('incident-row').first();
    await row.waitFor();
    const styleOf = (element: Locator) =>
      element.evaluate((found) => {
        const { borderBottom, fontWeight, backgroundColor, color } = found.ownerDocument.defaultView.getComputedStyle(found);
        return { borderBottom, fontWeight, backgroundColor, color };
      });
    expect((await styleOf(row)).borderBottom).toBe(`1px solid ${rgb(teamsLightTheme.colorNeutralStroke2)}`);
    const heading = page.getByRole('columnheader', { name: 'Category' });
    expect((await styleOf(heading)).fontWeight).toBe('400');
    await row.getByRole('cell').nth(2).hover();
    const hovered = rgb(teamsLightTheme.colorSubtleBackgroundHover);
    for (let tries = 0; tries < 50 && (await styleOf(row)).backgroundColor !== hovered; tries++) await page.waitForTimeout(20);
    expect((await styleOf(row)).backgroundColor).toBe(hovered);
    // In Windows' high contrast themes, the row under the pointer takes the system's highlight colour, as Fluent's rows do.
    await page.emulateMedia({ forcedColors: 'active' });
    const highlight = await page.evaluate<string>(
      "(() => { const probe = document.createElement('span'); probe.style.color = 'Highlight'; document.body.append(probe); const { color } = getComputedStyle(probe); probe.remove(); return color; })()",
    );
    await row.getByRole('cell').nth(2).hover();
    for (let tries = 0; tries < 50 && (await styleOf(row)).color !== highlight; tries++) await page.waitForTimeout(20);
    expect((await styleOf(row)).color).toBe(highlight);
    await page.mouse.move(0, 0);
    expect((await styleOf(row)).color).not.toBe(highlight);
    await page.close();
  });

  it('sends every script of a first page with the hint to compile it whole as it arrives, on its first line', async () => {
    const page = await tab.pageAs('dsl');
    const scripts: Promise<[string, string]>[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js'))
        scripts.push(response.text().then((text) => [new URL(response.url()).pathname, text.split('\n')[0]!]));
    });
    await page.goto(`${tab.app.url}/tab/?view=incidents`);
    await page.getByTestId('incident-row').first().waitFor();
    await page.waitForLoadState('networkidle');
    const firstLines = await Promise.all(scripts);
    expect(firstLines.length).toBeGreaterThan(5);
    for (const [path, firstLine] of firstLines) expect([path, firstLine]).toEqual([path, '//# allFunctionsCalledOnLoad']);
    await page.close();
  });

  it('raised no errors in the pages', () => {
    expect(tab.problems).toEqual([]);
  });
});
