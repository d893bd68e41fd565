/**
 * The annual filtering and monitoring review pack in real Chromium, as the headteacher: a chosen
 * school year's decisions, printed on its own (no navigation), and saved as a PDF whose first
 * page is checked as an image — the pack's heading at the top of a white A4 page, not the tab.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../fixtures/browser';
import { openTabApp, type TabApp } from '../fixtures/tab-app';

describeInBrowser('the filtering and monitoring review pack', () => {
  let tab: TabApp;
  let page: Page;
  beforeAll(async () => {
    tab = await openTabApp();
    page = await tab.pageAs('headteacher');
    await page.goto(`${tab.app.url}/tab/?view=filteringReview`);
    await page.getByRole('tab', { name: 'Filtering review', selected: true }).waitFor();
    await page.getByTestId('filtering-review').waitFor();
  });
  afterAll(() => tab?.close());

  it("shows this school year's decisions, and last year's when chosen", async () => {
    await page.getByRole('heading', { name: 'Filtering and monitoring review 2026-27' }).waitFor();
    expect(await page.getByTestId('review-decision').innerText()).toMatch(
      /A-\d+: https:\/\/www\.bbc\.co\.uk\/bitesize\/topics\/zd9d7p3[\s\S]*Opened by Adele Vance on 17 November 2026: Curriculum content with sensible controls\./,
    );
    expect(await page.getByTestId('review-incidents').filter({ hasText: 'An attempt to get round the firewall' }).innerText()).toMatch(
      /An attempt to get round the firewall\s+1/,
    );
    await page.getByLabel('School year').selectOption('2025-26');
    await page.getByRole('heading', { name: 'Filtering and monitoring review 2025-26' }).waitFor();
    await page.getByText('No request to open a blocked site was decided in 2025-26.').waitFor();
    await page.getByLabel('School year').selectOption('2026-27');
    await page.getByRole('heading', { name: 'Filtering and monitoring review 2026-27' }).waitFor();
  });

  it('prints the pack alone: no navigation, no year picker, no buttons', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('tablist', { name: 'Pages' }).isVisible()).toBe(false);
    expect(await page.getByLabel('School year').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Filtering and monitoring review 2026-27' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('saves as a PDF whose first page shows the pack from its heading, on white', async () => {
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    writeFileSync(join(tmpdir(), 'osd-filtering-review.pdf'), pdf);
    // The first page as an image: Chromium draws the PDF's first page in its print layout at A4's size.
    const viewer = await tab.pageAs('headteacher', { width: 794, height: 1123 });
    await viewer.goto(`${tab.app.url}/tab/?view=filteringReview`);
    await viewer.getByTestId('filtering-review').waitFor();
    await viewer.emulateMedia({ media: 'print' });
    const image = PNG.sync.read(await viewer.screenshot());
    writeFileSync(join(tmpdir(), 'osd-filtering-review-page-1.png'), PNG.sync.write(image));
    const heading = await viewer.getByRole('heading', { name: 'Filtering and monitoring review 2026-27' }).boundingBox();
    // The heading is the first thing on the page: nothing printed above it but the margin.
    expect(heading!.y).toBeLessThan(80);
    expect(darkPixelsAbove(image, heading!.y)).toBe(0);
    await viewer.close();
  });

  it('raised no errors in the page', () => {
    expect(tab.problems).toEqual([]);
  });
});

/** Pixels darker than light grey above a line of the page: anything printed there. */
function darkPixelsAbove(image: PNG, y: number): number {
  let dark = 0;
  for (let row = 0; row < Math.floor(y); row++) {
    for (let column = 0; column < image.width; column++) {
      const at = (row * image.width + column) * 4;
      if (image.data[at]! < 200 && image.data[at + 1]! < 200 && image.data[at + 2]! < 200) dark++;
    }
  }
  return dark;
}
