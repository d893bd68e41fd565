/**
 * WCAG 2.2 AA in real Chromium, over every state of every tab page as each role that can reach it
 * (tests/fixtures/tab-views.ts): axe-core finds nothing but the documented Fluent exception at
 * 1280 px and at 320 px (a phone), and nothing spills or scrolls sideways at 320 px (reflow,
 * 1.4.10) or at 200 % zoom (1.4.4). A 1280 × 900 window zoomed to 200 % lays the page out in
 * 640 × 450 CSS pixels, which is what the test gives it.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Role } from '../../bot/src/domain/people/role';
import { axeViolations, layoutProblems } from '../fixtures/a11y';
import { describeInBrowser } from '../fixtures/browser';
import { openTabApp, type TabApp } from '../fixtures/tab-app';
import { TAB_VIEWS, type TabView } from '../fixtures/tab-views';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 320, height: 640 };
const ZOOMED_200 = { width: 640, height: 450 };

/** A folder to keep a phone-width screenshot of every state in, for a person to look at. */
const SCREENSHOTS = process.env.A11Y_SCREENSHOTS;

const CASES = TAB_VIEWS.flatMap((view) => view.roles.map((role): [string, Role, TabView] => [view.name, role, view]));

describeInBrowser('accessibility of every tab page', () => {
  let tab: TabApp;
  const pages = new Map<Role, Page>();

  beforeAll(async () => {
    tab = await openTabApp();
  });
  afterAll(() => tab?.close());

  /** One page per role, reused from state to state. */
  async function pageAs(role: Role): Promise<Page> {
    if (!pages.has(role)) pages.set(role, await tab.pageAs(role, DESKTOP));
    return pages.get(role)!;
  }

  it.each(CASES)('%s, as %s', async (_name, role, view) => {
    const page = await pageAs(role);
    await view.seed?.(tab.app);
    await page.setViewportSize(DESKTOP);
    await page.goto(`${tab.app.url}/tab/${view.path}`);
    await view.ready(page);
    expect(await axeViolations(page)).toEqual([]);

    await page.setViewportSize(PHONE);
    if (SCREENSHOTS)
      await page.screenshot({ path: join(SCREENSHOTS, `${role}-${view.name.replace(/\W+/g, '-')}-320.png`), fullPage: true });
    expect(await layoutProblems(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await page.setViewportSize(ZOOMED_200);
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('the layout measure finds text that spills out of its box and leaves a settled page alone', async () => {
    const page = await pageAs('headteacher');
    await page.setViewportSize(PHONE);
    await page.setContent(
      '<main><div style="width: 200px"><span style="white-space: nowrap">The summer fair photographs of Year 6, approved</span></div></main>',
    );
    expect(await layoutProblems(page)).toContainEqual(expect.stringMatching(/^div "The summer fair.*" is \d+ px wide in a 200 px box$/));
    // A box that wraps its text a moment later, as Fluent's message bars do, is measured once it has.
    await page.evaluate("setTimeout(() => document.querySelector('span').style.removeProperty('white-space'), 300)");
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('raised no errors in the pages', () => {
    expect(tab.problems).toEqual([]);
  });
});
