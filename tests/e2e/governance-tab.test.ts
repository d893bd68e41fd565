/**
 * The Governance page in real Chromium, as a governor, the chair of governors and the headteacher
 * of the demo school: the board's review and the headteacher's kept apart, training as counts,
 * incidents as counts (fewer than 3 for governors; concerns about the headteacher for the chair
 * only), the site unblocked with its reasons. A teacher is not offered the page.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../fixtures/browser';
import { openTabApp, type TabApp } from '../fixtures/tab-app';

/** The demo school's incidents (one of each kind but two, one a concern about the headteacher), as each person is shown them. */
const SHOWN = {
  governor: { total: '7 in all.', cyberbullying: 'fewer than 3', staffConduct: '0', november: '4', aboutHead: /not counted here/ },
  chair: { total: '8 in all.', cyberbullying: 'fewer than 3', staffConduct: 'fewer than 3', november: '5', aboutHead: /are counted here/ },
  headteacher: { total: '7 in all.', cyberbullying: '1', staffConduct: '0', november: '4', aboutHead: /not counted here/ },
} as const;

describeInBrowser("the governors' Governance page", () => {
  let tab: TabApp;
  beforeAll(async () => {
    tab = await openTabApp();
  });
  afterAll(() => tab?.close());

  /** Mark Green is a governor only; the first governor of the demo school is the chair. */
  const open = async (who: keyof typeof SHOWN): Promise<Page> => {
    const page = await tab.pageAs(who === 'headteacher' ? 'headteacher' : 'chairOfGovernors');
    if (who === 'governor') {
      const mark = (await tab.app.stores.people.find({ limit: 50 })).items.find((person) => person.displayName === 'Mark Green')!;
      await page.addInitScript(`sessionStorage.setItem('persona', ${JSON.stringify(mark.id)})`);
    }
    await page.goto(`${tab.app.url}/tab/?view=governance`);
    await page.getByRole('tab', { name: 'Governance', selected: true }).waitFor();
    await page.getByTestId('governance').waitFor();
    return page;
  };
  const countIn = (page: Page, testId: string, label: string) =>
    page.getByTestId(testId).filter({ hasText: label }).getByRole('cell').nth(1).innerText();

  it.each(Object.keys(SHOWN) as (keyof typeof SHOWN)[])(
    'shows the %s the incident counts they may see, and nothing about any incident',
    async (who) => {
      const page = await open(who);
      const expected = SHOWN[who];
      expect(await page.getByTestId('governance-incident-total').innerText()).toBe(expected.total);
      expect(await countIn(page, 'governance-by-category', 'Cyberbullying')).toBe(expected.cyberbullying);
      expect(await countIn(page, 'governance-by-category', "A staff member's online conduct")).toBe(expected.staffConduct);
      expect(await countIn(page, 'governance-by-month', 'November 2026')).toBe(expected.november);
      await page.getByText(expected.aboutHead).waitFor();
      const text = await page.getByTestId('governance').innerText();
      expect(text).not.toMatch(/Leo Murphy|VPN|Roblox|WhatsApp|Priya Shah/);
      await page.close();
    },
  );

  it("lists the board's yearly review apart from the headteacher's two-yearly one, in words as well as colour", async () => {
    const page = await open('governor');
    const board = page.getByRole('table', { name: 'Reviews: Governing board' });
    const head = page.getByRole('table', { name: 'Reviews: Headteacher with the online safety lead' });
    expect(await board.getByRole('row').filter({ hasText: 'Social Media Policy' }).innerText()).toMatch(
      /Social Media Policy\s+12 months\s+10 December 2026\s+Due soon/,
    );
    expect(await head.getByRole('row').filter({ hasText: 'Social Media Policy' }).innerText()).toMatch(
      /Social Media Policy\s+24 months\s+1 September 2024\s+Overdue/,
    );
    await page.close();
  });

  it("shows a governor their own training and the board's as counts, and the unblocked site with its reasons", async () => {
    const page = await open('governor');
    expect(await page.getByRole('table', { name: 'Your own online safety training' }).innerText()).toMatch(
      /Governors' online safety training\s+Not yet\s+24 November 2026\s+Due soon/,
    );
    expect(await page.getByTestId('governance-training').filter({ hasText: 'Governor, Chair of governors' }).innerText()).toMatch(
      /0 \(0%\)\s+2\s+0/,
    );
    const site = await page.getByTestId('governance-unblocked-site').innerText();
    expect(site).toContain('https://www.bbc.co.uk/bitesize/topics/zd9d7p3');
    expect(site).toContain('we use them in lessons this half term');
    // A governor is told the role, not the member of staff's name.
    expect(site).toContain('Approved by the headteacher on 17 November 2026: Curriculum content with sensible controls.');
    await page.setViewportSize({ width: 1000, height: 900 });
    // For docs/screenshots/governance.png.
    await page.screenshot({ path: join(tmpdir(), 'osd-governance.png'), fullPage: true });
    await page.close();
  });

  it('is not offered to a teacher', async () => {
    const teacher = await tab.pageAs('staff');
    await teacher.goto(`${tab.app.url}/tab/?view=governance`);
    await teacher.getByRole('tab', { name: 'Training' }).waitFor();
    expect(await teacher.getByRole('tab', { name: 'Governance' }).count()).toBe(0);
    expect(await teacher.getByTestId('governance').count()).toBe(0);
  });

  it('raised no errors in the page', () => {
    expect(tab.problems).toEqual([]);
  });
});
