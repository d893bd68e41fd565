/**
 * Evidence in the Incidents tab, in real Chromium on the demo school: the DSL attaches a
 * screenshot, sees it in the chronology and the evidence list with who added it, opens it (fetched
 * through the signed-in API and shown), removes it with a reason; a program named like a picture
 * is refused with the reason; the record shows the copy of the Teams message it was reported from.
 * With DOCS_SCREENSHOTS set to a folder, the evidence card is saved there.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../fixtures/browser';
import { pngImage, program } from '../fixtures/media-files';
import { openTabApp, type TabApp } from '../fixtures/tab-app';

const SHOTS = process.env.DOCS_SCREENSHOTS ?? tmpdir();

describeInBrowser('evidence in the Incidents tab', () => {
  let tab: TabApp;
  beforeAll(async () => {
    tab = await openTabApp();
  });
  afterAll(() => tab?.close());

  async function openIncident(reference: string): Promise<Page> {
    const page = await tab.pageAs('dsl');
    await page.goto(`${tab.app.url}/tab/?view=incidents`);
    await page.getByRole('button', { name: `Open ${reference}` }).click();
    await page.getByTestId('chronology').waitFor();
    return page;
  }
  const attach = (page: Page, name: string, buffer: Buffer) =>
    page.getByLabel('Evidence files to attach').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });

  it('attaches a screenshot, shows it in the chronology and the list, opens it, and removes it with a reason', async () => {
    const page = await openIncident('C-00003');
    await attach(page, 'Facebook comments.png', pngImage(120, 80));
    await page
      .getByTestId('chronology')
      .getByText(/^Evidence added: Facebook comments\.png \(PNG image, \d+ KB\)$/)
      .waitFor();
    const listed = page.getByTestId('evidence').getByRole('listitem').filter({ hasText: 'Facebook comments.png' });
    expect(await listed.innerText()).toMatch(/PNG image, \d+ KB — added by Patti Fernandez/);

    await listed.getByRole('button', { name: 'Open Facebook comments.png' }).click();
    const picture = page.getByTestId('evidence-picture');
    await picture.waitFor();
    await page
      .getByTestId('evidence')
      .locator('xpath=ancestor::div[contains(@class, "fui-Card")][1]')
      .screenshot({ path: join(SHOTS, 'tab-incident-evidence.png') });
    expect(
      await picture.evaluate((image) => [
        (image as unknown as { src: string }).src.startsWith('blob:'),
        (image as unknown as { naturalWidth: number }).naturalWidth,
      ]),
    ).toEqual([true, 120]);

    await listed.getByRole('button', { name: 'Remove Facebook comments.png…' }).click();
    await page.getByRole('textbox', { name: /Why is Facebook comments\.png removed\?/ }).fill('Duplicate of the screenshot on CPOMS');
    await page.getByRole('button', { name: 'Remove the file' }).click();
    await page
      .getByTestId('chronology')
      .getByText(/^Evidence removed: Facebook comments\.png .*Reason: Duplicate of the screenshot on CPOMS$/)
      .waitFor();
    expect(await page.getByTestId('evidence').innerText()).toMatch(/removed by Patti Fernandez, .*: Duplicate of the screenshot on CPOMS/);
  });

  it('refuses a program named like a picture, saying why, and keeps nothing', async () => {
    const page = await openIncident('C-00005');
    await attach(page, 'photo.png', program());
    await page
      .getByText(/photo\.png is not a kind of file the log keeps/)
      .first()
      .waitFor();
    expect(await page.getByText('No files attached.').isVisible()).toBe(true);
    expect(await page.getByTestId('chronology').innerText()).not.toMatch(/Evidence added/);
  });

  it('shows the copy of the Teams message a concern was reported from', async () => {
    const page = await openIncident('C-00003');
    expect(await page.getByTestId('message-copy').innerText()).toMatch(
      /^Has anyone seen the Facebook page\? A parent is calling Mrs Patel incompetent/,
    );
  });
});
