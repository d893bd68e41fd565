/**
 * The Consent tab in real Chromium (policy s.4): the admin team filters a class for pupils
 * without consent, opens a pupil's history, records a written withdrawal and sees the earlier
 * posts to take down.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../fixtures/browser';
import { exactly } from '../fixtures/locators';
import { openTabPage, type TabPage } from '../fixtures/tab-page';

describeInBrowser('the Consent tab', () => {
  let tab: TabPage;
  let page: Page;

  beforeAll(async () => {
    tab = await openTabPage('admin', { width: 1100, height: 900 });
    ({ page } = tab);
  });
  afterAll(() => tab?.close());

  const rows = () => page.getByTestId('consent-row');

  it('shows the class register and filters pupils without full consent', async () => {
    await page.goto(`${tab.app.url}/tab/`);
    await page.getByRole('tab', { name: 'Photo consent' }).click();
    await rows().first().waitFor();
    expect(await rows().count()).toBe(8);
    const show = page.getByRole('combobox', { name: 'Show' });
    await show.selectOption({ label: 'Only pupils without full consent' });
    await exactly(rows(), 3);
    expect((await rows().allInnerTexts()).map((text) => text.split(/\t|\n/)[0])).toEqual(['Freya Jones', 'Oliver Bennett', 'Zain Ahmed']);
    await show.selectOption({ label: 'Every pupil' });
    await exactly(rows(), 8);
  });

  it('records a written withdrawal, keeps the history and lists the posts to take down', async () => {
    await page.getByRole('button', { name: 'Amelia Khan' }).click();
    const history = page.getByTestId('consent-history');
    await history.waitFor();
    expect(await history.locator('li').count()).toBe(2);
    await page.getByRole('combobox', { name: 'Medium' }).selectOption('images');
    await page.getByRole('combobox', { name: 'Decision' }).selectOption('refused');
    await page.getByRole('button', { name: 'Record' }).click();
    await page.getByTestId('takedown-list').waitFor();
    expect(await page.getByTestId('takedown-list').innerText()).toContain('https://x.example/RiversidePrimary/status/1');
    await exactly(history.locator('li'), 3);
    const amelia = rows().filter({ hasText: 'Amelia Khan' });
    await amelia.getByText('Withdrawn').waitFor();
    await page.screenshot({ path: join(tmpdir(), 'osd-consent-tab.png'), fullPage: true });
    expect(tab.problems).toEqual([]);
  });

  it('marks a post made after the withdrawal took effect as urgent and says the DSL has been told (s.4: a possible breach)', async () => {
    await page.getByRole('button', { name: 'Isla Nowak' }).click();
    await page.getByRole('combobox', { name: 'Medium' }).selectOption('images');
    await page.getByRole('combobox', { name: 'Decision' }).selectOption('refused');
    // The written notice arrived before the post of 15 June 2026 went up, and is recorded only now.
    await page.getByLabel('Date received').fill('2026-06-01');
    await page.getByRole('button', { name: 'Record' }).click();
    const outcome = page.getByTestId('consent-outcome');
    await outcome.getByTestId('takedown-list').waitFor();
    expect(await outcome.innerText()).toMatch(/an urgent one went up after consent stopped, and the DSL has been told/);
    expect(await outcome.getByTestId('takedown-list').innerText()).toMatch(/Urgent: https:\/\/x\.example\/RiversidePrimary\/status\/1/);
    expect(tab.problems).toEqual([]);
  });
});
