/**
 * The Photo consent page from the keyboard, as the admin team: a pupil's name opens their history
 * right after it (a disclosure button), recording a withdrawal announces the result and the posts
 * to take down, and the pupil import takes the focus to its first step and announces each check.
 */
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../fixtures/browser';
import { pressWithKeyboard, waitForAnnouncement, waitForFocusOn } from '../fixtures/focus';
import { dropFileScript, schoolFile } from '../fixtures/pupil-files';
import { openTabApp, type TabApp } from '../fixtures/tab-app';

describeInBrowser('the Photo consent page from the keyboard', () => {
  let tab: TabApp;
  let page: Page;

  beforeAll(async () => {
    tab = await openTabApp();
    page = await tab.pageAs('admin');
    await page.goto(`${tab.app.url}/tab/?view=consent`);
    await page.getByTestId('consent-row').first().waitFor();
  });
  afterAll(() => tab?.close());

  const amelia = () => page.getByRole('button', { name: 'Amelia Khan' });

  it("a pupil's name opens their history right after it, and says it is open", async () => {
    expect(await amelia().getAttribute('aria-expanded')).toBe('false');
    await pressWithKeyboard(amelia());
    const history = page.getByRole('region', { name: 'Consent history of Amelia Khan' });
    await history.waitFor();
    expect(await amelia().getAttribute('aria-expanded')).toBe('true');
    expect(await amelia().getAttribute('aria-controls')).toBe(await history.getAttribute('id'));
    await waitForFocusOn(amelia());

    // The next Tab is inside the history, not eight names further down.
    await page.keyboard.press('Tab');
    await waitForFocusOn(history.getByRole('combobox', { name: 'Medium' }));

    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await history.waitFor({ state: 'detached' });
    expect(await amelia().getAttribute('aria-expanded')).toBe('false');
    await waitForFocusOn(amelia());
  });

  it('recording a written withdrawal announces what was saved and the posts to take down; the focus stays on Record', async () => {
    await pressWithKeyboard(amelia());
    await page.getByRole('combobox', { name: 'Medium' }).selectOption('images');
    await page.getByRole('combobox', { name: 'Decision' }).selectOption('refused');
    const record = page.getByRole('button', { name: 'Record' });
    await pressWithKeyboard(record);

    await waitForAnnouncement(
      page,
      /Saved: images withdrawn or refused from .*Take down these posts where you can \(the account owner has been given the tasks\):.*https:\/\/x\.example\/RiversidePrimary\/status\/1/,
    );
    await waitForFocusOn(record);
    await page.getByTestId('consent-row').filter({ hasText: 'Amelia Khan' }).getByText('Withdrawn').waitFor();
  });

  it('opening the import takes the focus to "Choose CSV file…", and each check of the file is announced', async () => {
    await pressWithKeyboard(page.getByRole('button', { name: 'Import pupils (CSV)…' }));
    await waitForFocusOn(page.getByRole('button', { name: 'Choose CSV file…' }));

    await page.evaluate(dropFileScript(schoolFile('31/02/2025'), 'sims-export.csv'));
    await waitForAnnouncement(page, 'Choose the column for each item above');
    await page.getByRole('combobox', { name: 'Column for Name' }).selectOption('Legal Name');
    await waitForAnnouncement(page, '1 problem to fix in the file — nothing has been imported.');

    await page
      .getByLabel('CSV file of pupils')
      .setInputFiles({ name: 'sims-export-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(schoolFile('01/09/2025')) });
    await waitForAnnouncement(page, /The file is ready to import: 45 added/);

    await pressWithKeyboard(page.getByRole('button', { name: 'Import', exact: true }));
    await waitForFocusOn(page.getByTestId('import-running'));
    await waitForAnnouncement(page, /Import finished.*45 added/);
  });

  it('raised no errors in the page', () => {
    expect(tab.problems).toEqual([]);
  });
});
