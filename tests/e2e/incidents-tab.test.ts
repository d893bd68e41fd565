/**
 * The Incidents tab in real Chromium (policy s.8): the DSL filters the log, opens an incident,
 * adds an action and sees it in the chronology; the headteacher's log leaves out the concern about
 * the headteacher; a staff member gets the access-denied page. Runs on the demo school's incidents.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../bot/src/main';
import type { Person } from '../../bot/src/domain/people/person';
import { describeInBrowser, launchChromium, pageAt } from '../fixtures/browser';
import { exactly } from '../fixtures/locators';
import { TestClock } from '../fixtures/test-clock';
import { testConfig } from '../fixtures/test-app';

describeInBrowser('the Incidents tab', () => {
  const clock = new TestClock();
  let app: RunningApp;
  let dir: string;
  let browser: Browser;
  let people: Person[];
  const problems: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'osd-e2e-incidents-'));
    app = await startApp({ config: testConfig(dir), clock, log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    browser = await launchChromium();
    people = (await app.stores.people.find({ limit: 50 })).items;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function openAs(role: Person['roles'][number], options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
    const person = people.find((candidate) => candidate.roles.includes(role))!;
    const page = await pageAt(browser, clock, { viewport: { width: 1280, height: 900 }, ...options });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.addInitScript(`sessionStorage.setItem('persona', ${JSON.stringify(person.id)})`);
    await page.goto(`${app.url}/tab/?view=incidents`);
    return page;
  }

  const rowTexts = (page: Page) => page.getByTestId('incident-row').allInnerTexts();
  const waitForRows = (page: Page, count: number) => exactly(page.getByTestId('incident-row'), count);

  it('the DSL filters, opens an incident, adds an action and sees it in the chronology', async () => {
    const page = await openAs('dsl');
    await waitForRows(page, 8);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('new');
    await waitForRows(page, 3);
    expect((await rowTexts(page)).every((text) => text.includes('New'))).toBe(true);
    await page.getByRole('searchbox').fill('vpn');
    await waitForRows(page, 1);
    expect((await rowTexts(page))[0]).toMatch(/Getting round the firewall|attempt to get round the firewall/i);

    await page.getByRole('button', { name: /^Open C-\d{5}$/ }).click();
    await page.getByTestId('what-happened').waitFor();
    expect(await page.getByTestId('what-happened').innerText()).toContain('VPN app on a school iPad');
    // Reported, and opened for the first time (just now, by the DSL).
    expect(await page.getByTestId('chronology').locator('li').count()).toBe(2);

    await page.getByLabel('Add an action').fill('Spoke to the pupil; iPad VPN profile removed by the ICT technician.');
    await page.getByRole('button', { name: 'Add to the chronology' }).click();
    await exactly(page.getByTestId('chronology').locator('li'), 3);
    expect(await page.getByTestId('chronology').locator('li').last().innerText()).toMatch(/Patti Fernandez[\s\S]*iPad VPN profile removed/);

    await page.getByRole('button', { name: 'Mark in progress' }).click();
    await page
      .getByTestId('incident-status')
      .filter({ hasText: /^In progress$/ })
      .waitFor();
    expect(await page.getByTestId('chronology').locator('li').count()).toBe(4);
    await page.screenshot({ path: join(tmpdir(), 'osd-incidents-detail.png'), fullPage: true });

    // The printable report: the record and its chronology, without the controls around them.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('chronology').isVisible()).toBe(true);
    expect(await page.getByLabel('Add an action').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print report' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('button', { name: '← Back to the log' }).click();
    // The filters are kept (new, "vpn"), and the incident is no longer new.
    await page.getByTestId('incidents-empty').waitFor();
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByTestId('incident-summary').waitFor();
    // The counts are text beside the bars (not hidden in an image), category names in full.
    expect(await page.getByTestId('summary-by-category').getByRole('listitem').allInnerTexts()).toContainEqual(
      expect.stringMatching(/^Cyberbullying\s+1$/),
    );
    await page.close();
  });

  it("the headteacher's log leaves out the concern about the headteacher", async () => {
    const page = await openAs('headteacher');
    await waitForRows(page, 7);
    expect((await rowTexts(page)).some((text) => /Chair of governors/.test(text))).toBe(false);

    // By keyboard: the reference is a button; Enter opens the incident and the focus moves to it.
    await page
      .getByRole('button', { name: /^Open C-\d{5}$/ })
      .first()
      .focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('chronology').waitFor();
    expect(await page.locator('h2:focus').count()).toBe(1);
    await page.keyboard.press('Tab');
    // The record comes next: here (nobody linked yet) its first control links someone to the incident.
    expect(
      await page.getByRole('button', { name: 'Link someone to this incident…' }).evaluate((element) => element.matches(':focus')),
    ).toBe(true);
    await page.close();
  });

  it('a staff member gets the access-denied page and no incident', async () => {
    const page = await openAs('staff');
    await page.getByTestId('access-denied').waitFor();
    expect(await page.getByTestId('access-denied').innerText()).toMatch(/don't have access to the incident log[\s\S]*report a concern/);
    expect(await page.getByTestId('incident-row').count()).toBe(0);
    await page.close();
  });

  it('shows an intentional empty state when nothing matches', async () => {
    const page = await openAs('dsl');
    await waitForRows(page, 8);
    await page.getByRole('searchbox').fill('no such words anywhere');
    await page.getByTestId('incidents-empty').waitFor();
    expect(await page.getByTestId('incidents-empty').innerText()).toMatch(/No incidents match these filters/);
    await page.close();
  });

  it('raised no errors in the page', () => {
    expect(problems).toEqual([]);
  });
});
