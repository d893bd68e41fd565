/**
 * The Incidents tab from the keyboard, as the DSL: after each action the focus is where the work
 * goes on (the new chronology entry, the new status, the incident just left, the search box) and
 * the result or the error is announced (WCAG 2.4.3, 4.1.3).
 */
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../fixtures/browser';
import { pressWithKeyboard, waitForAnnouncement, waitForFocusOn } from '../fixtures/focus';
import { openTabApp, type TabApp } from '../fixtures/tab-app';

describeInBrowser('the Incidents tab from the keyboard', () => {
  let tab: TabApp;

  beforeAll(async () => {
    tab = await openTabApp();
  });
  afterAll(() => tab?.close());

  async function openLog(): Promise<Page> {
    const page = await tab.pageAs('dsl');
    await page.goto(`${tab.app.url}/tab/?view=incidents`);
    await page.getByTestId('incident-row').first().waitFor();
    return page;
  }
  const openButton = (page: Page, reference: string) => page.getByRole('button', { name: `Open ${reference}` });

  it('adding to the chronology, changing the status and going back each leave the focus where the work is', async () => {
    const page = await openLog();
    await pressWithKeyboard(openButton(page, 'C-00007'));
    await waitForFocusOn(page.getByRole('heading', { name: /^C-00007/ }));

    await page.getByLabel('Add an action').fill('Spoke to the pupil; the VPN profile was removed.');
    await page.keyboard.press('Tab'); // the follow-up: none
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const newest = page.getByTestId('chronology').getByRole('listitem').filter({ hasText: 'the VPN profile was removed' });
    await newest.waitFor();
    await waitForFocusOn(newest);
    expect(await page.getByTestId('chronology').getByRole('listitem').last().innerText()).toContain('the VPN profile was removed');
    await waitForAnnouncement(page, 'Added to the chronology.');

    await pressWithKeyboard(page.getByRole('button', { name: 'Mark in progress' }));
    await waitForFocusOn(page.getByTestId('status-now'));
    expect(await page.getByTestId('status-now').innerText()).toBe('Now: In progress');
    await waitForAnnouncement(page, 'Status changed to In progress.');

    await pressWithKeyboard(page.getByRole('button', { name: '← Back to the log' }));
    await waitForFocusOn(openButton(page, 'C-00007'));
    await page.close();
  });

  it('a step that is not saved is announced as an error, and the focus stays on the button pressed', async () => {
    const page = await openLog();
    await pressWithKeyboard(openButton(page, 'C-00005'));
    await page.getByTestId('chronology').waitFor();
    await page.route('**/api/incidents/*/steps', (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'Someone else changed this incident a moment ago.' }),
      }),
    );

    const close = page.getByRole('button', { name: 'Close', exact: true });
    await pressWithKeyboard(close);
    await page.getByRole('main').getByText('Someone else changed this incident a moment ago.').waitFor();
    await page
      .getByTestId('announcer')
      .getByRole('alert')
      .getByText('Someone else changed this incident a moment ago.')
      .waitFor({ state: 'attached' });
    await waitForFocusOn(close);
    await page.close();
  });

  it('back in a log whose filter now hides the incident, the focus goes to the results', async () => {
    const page = await openLog();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('new');
    await waitForAnnouncement(page, /of \d+ incidents?/);
    await pressWithKeyboard(openButton(page, 'C-00006'));
    await pressWithKeyboard(page.getByRole('button', { name: 'Mark in progress' }));
    await waitForFocusOn(page.getByTestId('status-now'));

    await pressWithKeyboard(page.getByRole('button', { name: '← Back to the log' }));
    await waitForFocusOn(page.getByTestId('incident-count'));
    expect(await openButton(page, 'C-00006').count()).toBe(0);
    await page.close();
  });

  it('Clear filters puts the focus in the search box and says how many incidents there are', async () => {
    const page = await openLog();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('closed');
    await waitForAnnouncement(page, '1–1 of 1 incident');

    await pressWithKeyboard(page.getByRole('button', { name: 'Clear filters' }));
    await waitForFocusOn(page.getByRole('searchbox'));
    await waitForAnnouncement(page, 'Filters cleared.');
    await waitForAnnouncement(page, '1–8 of 8 incidents');
    expect(await page.getByRole('button', { name: 'Clear filters' }).count()).toBe(0);
    await page.close();
  });

  it('raised no errors in the page', () => {
    expect(tab.problems).toEqual([]);
  });
});
