/**
 * The go-live checklist in real Chromium: the headteacher sees each item numbered, in words as
 * well as colour, with the fix for what is not ready; checking again after a fix shows it green;
 * a teacher is not offered the page.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../fixtures/browser';
import { openTabApp, type TabApp } from '../fixtures/tab-app';

describeInBrowser('the go-live checklist', () => {
  let tab: TabApp;
  let page: Page;

  beforeAll(async () => {
    tab = await openTabApp();
    page = await tab.pageAs('headteacher');
  });
  afterAll(() => tab?.close());

  const item = (title: RegExp) => page.getByTestId('readiness-item').filter({ has: page.getByRole('heading', { name: title }) });

  it('shows what is not ready with its fix, and green once it is fixed and checked again', async () => {
    const school = (await tab.app.stores.school.find({ limit: 1 })).items[0]!;
    await tab.app.stores.school.update({ ...school, name: '' });
    await page.goto(`${tab.app.url}/tab/?view=readiness`);
    await page.getByRole('tab', { name: 'Go-live checklist', selected: true }).waitFor();
    await page.getByTestId('readiness-overall').waitFor();
    expect(await page.getByTestId('readiness-overall').innerText()).toMatch(/\d+ of \d+ items to fix before the school relies on the app/);
    expect(await item(/school's name and contact/).innerText()).toMatch(
      /Not ready[\s\S]*The school has no name yet[\s\S]*To fix: Enter the school's name/,
    );

    const now = (await tab.app.stores.school.find({ limit: 1 })).items[0]!;
    await tab.app.stores.school.update({ ...now, name: 'Riverside Community Primary School' });
    await page.getByRole('button', { name: 'Check again' }).click();
    await item(/school's name and contact/)
      .getByText('Ready', { exact: true })
      .waitFor();
    expect(await item(/school's name and contact/).innerText()).not.toMatch(/To fix/);
    await page.setViewportSize({ width: 1000, height: 900 });
    // For docs/screenshots/go-live-checklist.png.
    await page.screenshot({ path: join(tmpdir(), 'osd-go-live-checklist.png'), fullPage: true });
  });

  it('is not offered to a teacher', async () => {
    const teacher = await tab.pageAs('staff');
    await teacher.goto(`${tab.app.url}/tab/?view=readiness`);
    await teacher.getByRole('tab', { name: 'Training' }).waitFor();
    expect(await teacher.getByRole('tab', { name: 'Go-live checklist' }).count()).toBe(0);
    expect(await teacher.getByTestId('readiness-item').count()).toBe(0);
  });

  it('raised no errors in the page', () => {
    expect(tab.problems).toEqual([]);
  });
});
