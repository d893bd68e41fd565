/**
 * Recording the annual filtering and monitoring review in real Chromium: the chair of governors
 * records it (what is missing is said under each field, what was typed stays), the pack shows it
 * with its actions, and the ICT technician marks his action done with a note from Waiting for me.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../fixtures/browser';
import { openTabApp, type TabApp } from '../fixtures/tab-app';

describeInBrowser('recording the filtering and monitoring review', () => {
  let tab: TabApp;
  beforeAll(async () => {
    tab = await openTabApp();
  });
  afterAll(() => tab?.close());

  const openPack = async (page: Page) => {
    await page.goto(`${tab.app.url}/tab/?view=filteringReview`);
    await page.getByRole('heading', { name: 'Filtering and monitoring review 2026-27' }).waitFor();
  };

  it('says what is missing under each field and keeps what was typed, then records the review with its action', async () => {
    const page = await tab.pageAs('chairOfGovernors');
    await openPack(page);
    const form = page.getByRole('form', { name: 'Record the review' });
    await form.getByRole('button', { name: 'Add an action' }).click();
    await form.getByLabel('Action 1: what is to be done').fill('Block the proxy category on the guest Wi-Fi too');
    await form.getByRole('button', { name: 'Record the review' }).click();
    await form.getByText("Write the review's outcome.").waitFor();
    expect(await form.getByText('Choose the senior leader who reviewed it', { exact: false }).count()).toBeGreaterThan(0);
    expect(await form.getByText('Choose who will do it.').count()).toBeGreaterThan(0);
    expect(await form.getByLabel('Action 1: what is to be done').inputValue()).toBe('Block the proxy category on the guest Wi-Fi too');

    await form.getByLabel('Senior leader').selectOption({ label: 'Adele Vance' });
    await form.getByLabel('Governor').selectOption({ label: 'Linda Davis' });
    await form
      .getByLabel('Outcome of the review')
      .fill('Filtering blocks what it should. One attempt to get round it with a proxy site: proxies are now blocked.');
    await form.getByLabel('Action 1: who will do it').selectOption({ label: 'Isaiah Langer' });
    await form.getByLabel('Action 1: due by (a school day)').fill('2026-12-04');
    await form.getByRole('button', { name: 'Record the review' }).click();
    await page
      .getByTestId('filtering-review')
      .getByText(/The review for 2026-27 is recorded\. FR-\d+ is a task now: each person is being told\./)
      .waitFor();
    const recorded = page.getByTestId('recorded-review');
    expect(await recorded.innerText()).toMatch(
      /Reviewed on 24 November 2026 by Adele Vance \(senior leader\) and Linda Davis \(governor\)[\s\S]*proxies are now blocked\./,
    );
    expect(await page.getByTestId('review-action').innerText()).toMatch(
      /FR-\d+: Block the proxy category on the guest Wi-Fi too\s+Isaiah Langer\s+4 December 2026\s+Open/,
    );
    // The form is empty again, for a later recording to add to this one.
    expect(await form.getByLabel('Outcome of the review').inputValue()).toBe('');
    await page.setViewportSize({ width: 1000, height: 900 });
    // For docs/screenshots/filtering-review-recorded.png.
    await page.getByRole('heading', { name: 'Outcome of the review' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(tmpdir(), 'osd-filtering-review-recorded.png') });
    await page.close();
  });

  it("is marked done with a note from the assignee's Waiting for me, and the pack then says so", async () => {
    const page = await tab.pageAs('ictTechnician');
    await page.goto(`${tab.app.url}/tab/?view=waiting`);
    await page.getByRole('button', { name: /^Open FR-\d+$/ }).click();
    const panel = page.getByTestId('waiting-panel');
    expect(await panel.innerText()).toMatch(/Due by\s+4 December 2026[\s\S]*Agreed at the review\s+Filtering and monitoring 2026-27/);
    await panel.getByRole('button', { name: 'Done' }).click();
    await panel.getByText('Say what was done.').waitFor();
    await panel.getByLabel('What was done (required)').fill('Proxy category blocked on the guest Wi-Fi; tested from a tablet.');
    await panel.getByRole('button', { name: 'Done' }).click();
    await page
      .getByRole('main')
      .getByText(/FR-\d+: Thank you: marked as done, with your note\./)
      .waitFor();
    await page.close();

    const chair = await tab.pageAs('chairOfGovernors');
    await openPack(chair);
    expect(await chair.getByTestId('review-action').innerText()).toMatch(
      /Done on 24 November 2026 \(Isaiah Langer\): Proxy category blocked on the guest Wi-Fi; tested from a tablet\./,
    );
    await chair.close();
  });

  it('raised no errors in the page', () => {
    expect(tab.problems).toEqual([]);
  });
});
