/**
 * The tab asks for the person (`/api/me`) and the first page's data as it starts, while the page's
 * own code is still on its way (tab/src/early.ts): on this machine that takes two round trips off
 * the time before the page shows anything. In real Chromium: each page's data is asked for before
 * its code has arrived (the test holds the code back until then), each answer is read once, a page
 * opened again later reads its data afresh, and nothing is asked for a page the person may not see.
 */
import type { Page } from 'playwright-core';
import { EARLY_DATA, EARLY_NEXT } from '../../tab/src/early-data';
import type { View } from '../../tab/src/views';
import { describeInBrowser } from '../fixtures/browser';
import { FIRST_PAGES } from '../fixtures/first-pages';
import { openTabApp, type TabApp } from '../fixtures/tab-app';

/** What each of those pages shows from its first answers (Blocked website requests: both lists). */
const FIRST_SCREEN: Record<string, RegExp[]> = {
  waiting: [/data-testid="waiting-counts"/],
  requests: [/data-testid="access-request-row"/, /Requests to post/],
  unblocks: [/data-testid="unblock-row"/],
  incidents: [/data-testid="incident-row"/],
  consent: [/data-testid="consent-row"/],
  accounts: [/data-testid="account-row"/],
  training: [/Overdue/],
  policies: [/data-testid="library-(entry|empty)"/],
  devices: [/data-testid="device-row"/],
  settings: [/data-testid="policy-row"/],
  readiness: [/data-testid="readiness-overall"/],
  governance: [/data-testid="governance-incident-total"/],
  filteringReview: [/data-testid="review-decision"/],
};

/** Every call the page makes to the app's API, as path and query. */
function apiCallsOf(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) calls.push(url.pathname + url.search);
  });
  return calls;
}

const countOf = (calls: string[], path: string) => calls.filter((call) => call === path).length;

const pathOf = (address: string) => {
  const url = new URL(address);
  return url.pathname + url.search;
};

/** The page's next read (EARLY_NEXT), worked out from its first answer as the page itself would. */
async function nextReadOf(page: Page, view: View): Promise<string | undefined> {
  const next = EARLY_NEXT[view];
  if (!next) return undefined;
  const answer = await page.waitForResponse((response) => pathOf(response.url()) === next.after);
  return next.path(await answer.json());
}

/** The page's own bundle, by its file name. */
const pageCodeOf = (view: View) => new RegExp(`/tab/assets/${view[0]!.toUpperCase()}${view.slice(1)}Page-[^/]+\\.js$`);

async function untilCalled(calls: string[], path: string | undefined): Promise<void> {
  while (path && !calls.includes(path)) await new Promise((resolve) => setTimeout(resolve, 10));
}

describeInBrowser("the first page's data, asked for as the tab starts", () => {
  let tab: TabApp;

  beforeAll(async () => {
    tab = await openTabApp();
  });
  afterAll(() => tab?.close());

  it('covers every page that asks for data early', () => {
    expect(FIRST_PAGES.map(([view]) => view).sort()).toEqual(Object.keys(EARLY_DATA).sort());
    expect(Object.keys(FIRST_SCREEN).sort()).toEqual(Object.keys(EARLY_DATA).sort());
  });

  it.each(FIRST_PAGES)('%s as %s: its data is asked for before its code has arrived, and read once', async (view, role, shown) => {
    const page = await tab.pageAs(role);
    const calls = apiCallsOf(page);
    const paths = ['/api/me', ...EARLY_DATA[view]!];
    const nextRead = nextReadOf(page, view);
    // The page's own code is held back until everything it reads first (and next) has been asked for:
    // only the first script can have asked.
    const asked = Promise.all([
      ...paths.map((path) => page.waitForRequest((request) => pathOf(request.url()) === path)),
      nextRead.then((path) => untilCalled(calls, path)),
    ]);
    const pageCode = pageCodeOf(view);
    await page.route(pageCode, async (route) => {
      await asked;
      await route.continue();
    });
    await page.goto(`${tab.app.url}/tab/?view=${view}`);
    await shown(page).waitFor();
    await page.waitForLoadState('networkidle');
    const next = await nextRead;
    for (const path of next ? [...paths, next] : paths) expect([path, countOf(calls, path)]).toEqual([path, 1]);
    await page.close();
  });

  it.each(FIRST_PAGES)(
    '%s as %s: opens in one render, with the person and its data, never on a spinner first',
    async (view, role, shown) => {
      const page = await tab.pageAs(role);
      // What the tab first drew: the page as React first put it on the screen (one commit, seen whole).
      await page.addInitScript(`new MutationObserver((_, observer) => {
      const root = document.getElementById('root');
      if (!root || !root.firstChild) return;
      window.firstDrawn = root.innerHTML;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true })`);
      // The shell's code is held back until the page's code and first answers (and next, for Photo
      // consent) have come, as on a quick connection: the tab then shows the page with them at once.
      const answered = new Set<string>();
      page.on('response', (response) => answered.add(pathOf(response.url())));
      const pageCode = pageCodeOf(view);
      const arrived = nextReadOf(page, view).then(async (next) => {
        const awaited = ['/api/me', ...EARLY_DATA[view]!, ...(next ? [next] : [])];
        while (!awaited.every((path) => answered.has(path)) || ![...answered].some((path) => pageCode.test(path)))
          await new Promise((resolve) => setTimeout(resolve, 10));
      });
      await page.route(/\/tab\/assets\/shell-[^/]+\.js$/, async (route) => {
        await arrived;
        await route.continue();
      });
      await page.goto(`${tab.app.url}/tab/?view=${view}`);
      await shown(page).waitFor();
      const first = await page.evaluate<string>('window.firstDrawn');
      expect(first).toContain('Signed in as');
      expect(first).not.toContain('fui-Spinner');
      for (const part of FIRST_SCREEN[view]!) expect(first).toMatch(part);
      await page.close();
    },
  );

  it('asks for the person before any page code, so /api/me does not wait for a connection behind a dozen scripts', async () => {
    const page = await tab.pageAs('dsl');
    const order: string[] = [];
    page.on('request', (request) => order.push(new URL(request.url()).pathname));
    await page.goto(`${tab.app.url}/tab/?view=incidents`);
    await page.getByTestId('incident-row').first().waitFor();
    const scripts = order.filter((path) => path.endsWith('.js'));
    // Only the first script and the shell (preloaded by the HTML, which every page needs) come before it.
    const before = order.slice(0, order.indexOf('/api/me')).filter((path) => path.endsWith('.js'));
    expect(before.map((path) => path.replace(/^\/tab\/assets\/|-[\w-]{8}\.js$/g, '')).sort()).toEqual([
      'main',
      'rolldown-runtime',
      'shell',
    ]);
    expect(scripts.some((path) => /\/IncidentsPage-/.test(path))).toBe(true);
    await page.close();
  });

  it('asks for the photo consent register of the first class as soon as the classes are known, before the page’s code', () => {
    expect(Object.keys(EARLY_NEXT)).toEqual(['consent']);
    expect(EARLY_NEXT.consent!.path({ classes: ['Year 3 & 4', 'Year 5'] })).toBe('/api/consent?className=Year%203%20%26%204');
    expect(EARLY_NEXT.consent!.path({ classes: [] })).toBeUndefined();
  });

  it('reads a page’s data afresh when the person comes back to it, even when its first answer was never used', async () => {
    const page = await tab.pageAs('onlineSafetyLead');
    const calls = apiCallsOf(page);
    // The training page's code is held back until the person has moved on: its early answer is left unused.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/tab\/assets\/TrainingPage-[^/]+\.js$/, async (route) => {
      await released;
      await route.continue();
    });
    const answered = page.waitForResponse((response) => pathOf(response.url()) === '/api/training');
    await page.goto(`${tab.app.url}/tab/?view=training`);
    await answered;
    await page.getByRole('tab', { name: 'Waiting for me' }).click();
    await page.getByTestId('waiting-counts').waitFor();
    release();
    await page.getByRole('tab', { name: 'Training' }).click();
    // The page shows its data once read: by then the count is final.
    await page.getByRole('heading', { name: /^Overdue/ }).waitFor();
    expect(countOf(calls, '/api/training')).toBe(2);
    expect(countOf(calls, '/api/waiting')).toBe(1);
    await page.close();
  });

  it('asks for no list when a link opens one incident: going back to the log reads it then', async () => {
    const page = await tab.pageAs('dsl');
    const calls = apiCallsOf(page);
    const log = EARLY_DATA.incidents![0]!;
    await page.goto(`${tab.app.url}/tab/?view=incidents&id=3`);
    await page.getByRole('heading', { name: /^C-00003/ }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(countOf(calls, log)).toBe(0);
    await page.getByRole('button', { name: /Back to the log/ }).click();
    await page.getByTestId('incident-row').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(countOf(calls, log)).toBe(1);
    await page.close();
  });

  it('asks nothing for a page the person may not see: a teacher sent to School settings is not refused, or audited as refused', async () => {
    const page = await tab.pageAs('staff');
    const calls = apiCallsOf(page);
    await page.goto(`${tab.app.url}/tab/?view=settings`);
    await page.getByTestId('page-denied').waitFor();
    await page.getByTestId('waiting-counts').waitFor();
    await page.waitForLoadState('networkidle');
    expect(countOf(calls, '/api/settings')).toBe(0);
    const denials = (await tab.app.stores.audit.page({ limit: 1000 })).items.filter((entry) => entry.action === 'settings.view.denied');
    expect(denials).toEqual([]);
    await page.close();
  });

  it('raised no errors in the pages', () => {
    expect(tab.problems).toEqual([]);
  });
});
