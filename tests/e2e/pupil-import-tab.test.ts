/**
 * The admin team's pupil import and consent export in the Consent tab, in real Chromium:
 * a file with a bad row shows the row's error and imports nothing; the corrected file imports with
 * progress to the end; the new pupils are in the register; the export downloads them as CSV.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../../bot/src/main';
import { parseCsv } from '../../bot/src/domain/school/csv';
import { describeInBrowser } from '../fixtures/browser';
import { openTabPage, type TabPage } from '../fixtures/tab-page';
import { holdPupilInserts } from '../fixtures/held-inserts';
import { exactly } from '../fixtures/locators';
import { dropFileScript, schoolFile } from '../fixtures/pupil-files';

describeInBrowser('importing pupils and exporting consent in the Consent tab', () => {
  let tab: TabPage;
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    tab = await openTabPage('admin', { width: 1100, height: 1000 });
    ({ app, page } = tab);
  });
  afterAll(() => tab?.close());

  it('opens on the view named in ?view=, and on Waiting for me for an unknown one', async () => {
    await page.goto(`${app.url}/tab/?view=nonsense`);
    await page.getByRole('tab', { name: 'Photo consent' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Waiting for me' }).getAttribute('aria-selected')).toBe('true');
    await page.goto(`${app.url}/tab/?view=consent`);
    await page.getByTestId('consent-row').first().waitFor();
    expect(await page.getByRole('tab', { name: 'Photo consent' }).getAttribute('aria-selected')).toBe('true');
  });

  it('shows a bad row with its column and how to fix it, and imports nothing', async () => {
    await page.getByRole('button', { name: 'Import pupils (CSV)…' }).click();
    // Dropped on the box, as from a file explorer.
    await page.evaluate(dropFileScript(schoolFile('31/02/2025'), 'sims-export.csv'));
    // The server guessed four columns; the admin picks the one it could not.
    const nameColumn = page.getByRole('combobox', { name: 'Column for Name' });
    await nameColumn.waitFor();
    expect(await nameColumn.inputValue()).toBe('');
    expect(await page.getByRole('combobox', { name: 'Column for Class' }).inputValue()).toBe('Reg');
    await nameColumn.selectOption('Legal Name');
    const error = page.getByTestId('import-error-row');
    await error.first().waitFor();
    expect(await error.count()).toBe(1);
    expect((await error.first().innerText()).split(/\t|\n/).filter(Boolean)).toEqual([
      '62',
      'Date of Admission (Date of admission)',
      'Date of admission "31/02/2025" is not a date (use DD/MM/YYYY).',
      'Write a day that exists as DD/MM/YYYY, for example 04/09/2023.',
    ]);
    // Nothing can be imported yet.
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    await page.screenshot({ path: join(tmpdir(), 'osd-pupil-import-errors.png'), fullPage: true });
    expect((await app.stores.pupils.find({ where: { className: '3C' }, limit: 10 })).items).toEqual([]);
  });

  it('imports the corrected file with progress to the end, and the new pupils are in the register', async () => {
    // Hold the store after its first batch, so that the import can be seen mid-way.
    const held = holdPupilInserts(app.stores);
    // The corrected file keeps the columns chosen; an older MIS writes Windows-1252: Zoë must still arrive as Zoë.
    await page
      .getByLabel('CSV file of pupils')
      .setInputFiles({ name: 'sims-export-fixed.csv', mimeType: 'text/csv', buffer: Buffer.from(schoolFile('01/09/2025'), 'latin1') });
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain('ready to import: 45 added, 0 updated, 0 marked as left, 16 unchanged');
    await page.screenshot({ path: join(tmpdir(), 'osd-pupil-import-ready.png'), fullPage: true });

    try {
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByText('20 of 45 changes saved', { exact: true }).waitFor();
      // Closing the import and opening it again mid-way loses nothing.
      await page.getByRole('button', { name: 'Close the pupil import' }).click();
      await page.getByRole('button', { name: 'Import pupils (CSV)…' }).click();
      await page.getByText('20 of 45 changes saved', { exact: true }).waitFor();
    } finally {
      held.release();
    }
    await page.getByTestId('import-result').waitFor({ timeout: 15_000 });
    expect(await page.getByText('45 of 45 changes saved').count()).toBe(1);
    expect(await page.getByTestId('import-progress').getAttribute('aria-valuenow')).toBe('45');
    expect(await page.getByTestId('import-result').innerText()).toContain('45 added, 0 updated, 0 marked as left, 16 unchanged');
    // The bar's width animates: the README's picture should show it full.
    await page
      .getByTestId('import-progress')
      .evaluate((bar) =>
        Promise.all(bar.getAnimations({ subtree: true }).map((animation: { finished: Promise<unknown> }) => animation.finished)),
      );
    await page.screenshot({ path: join(tmpdir(), 'osd-pupil-import-done.png'), fullPage: true });

    await page.getByRole('combobox', { name: 'Class', exact: true }).selectOption('3C');
    await exactly(page.getByTestId('consent-row'), 45);
    expect(await page.getByTestId('consent-row').filter({ hasText: 'Zoë Müller' }).count()).toBe(1);
  });

  it("downloads the class's register as CSV with the bearer header, not a link", async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const today = tab.clock.today();
    expect(download.suggestedFilename()).toBe(`consent-3C-${today}.csv`);
    const parsed = parseCsv(readFileSync((await download.path())!, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    const [header, ...rows] = parsed.rows;
    expect(header).toEqual(['Pupil', 'Class', `Images as at ${today}`, `Videos as at ${today}`]);
    expect(rows).toHaveLength(45);
    expect(rows[0]).toEqual(['New Pupil 01', '3C', 'none', 'none']);
    expect(rows.at(-1)).toEqual(['Zoë Müller', '3C', 'none', 'none']);
    await page.getByTestId('export-status').getByText(`Downloaded consent-3C-${today}.csv.`).waitFor();
    expect(tab.problems).toEqual([]);
  });
});
