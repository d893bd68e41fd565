/**
 * The annual filtering and monitoring review pack in real Chromium, as the headteacher: a chosen
 * school year's decisions, printed on its own (no navigation), and saved as a PDF whose first
 * page is checked as an image — the pack's heading at the top of a white A4 page, not the tab.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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
    expect(await page.getByRole('button', { name: 'Download PDF' }).isVisible()).toBe(false);
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

  it("downloads the server's PDF, whose first page drawn by PDF.js has the title at the top, text on it, and nothing in the margins", async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('filtering-review-2026-27.pdf');
    const bytes = readFileSync((await download.path())!);
    writeFileSync(join(tmpdir(), 'osd-filtering-review-server.pdf'), bytes);
    const image = await firstPageAsImage(bytes);
    // For docs/screenshots/filtering-review-pdf.png.
    writeFileSync(join(tmpdir(), 'osd-filtering-review-pdf-page-1.png'), PNG.sync.write(image));
    expect([image.width, image.height]).toEqual([595, 842]);
    // Not blank: a page of text.
    expect(darkPixels(image, { top: 0, bottom: image.height })).toBeGreaterThan(5000);
    // The title (16 pt bold) sits just under the 50 pt top margin, with nothing above it.
    expect(darkPixels(image, { top: 0, bottom: 50 })).toBe(0);
    expect(darkPixels(image, { top: 55, bottom: 78, left: 50, right: 400 })).toBeGreaterThan(300);
    // No text spills into the side margins (the page number is in the bottom margin, inside the sides).
    expect(darkPixels(image, { top: 0, bottom: image.height, left: 0, right: 45 })).toBe(0);
    expect(darkPixels(image, { top: 0, bottom: image.height, left: image.width - 30, right: image.width })).toBe(0);
  });

  /** The first page of a PDF drawn by PDF.js onto a canvas in Chromium, at 72 dpi (a pixel a point). */
  async function firstPageAsImage(bytes: Buffer): Promise<PNG> {
    const viewer = await tab.pageAs('headteacher');
    const pdfjs = dirname(require.resolve('pdfjs-dist/package.json'));
    await viewer.route('http://pdfjs.test/**', (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      return name === 'page.html'
        ? route.fulfill({ contentType: 'text/html', body: '<!doctype html><canvas id="page"></canvas>' })
        : route.fulfill({ contentType: 'text/javascript', path: join(pdfjs, 'build', name) });
    });
    await viewer.goto('http://pdfjs.test/page.html');
    // Run in the page as it is written (the tests are not compiled for the browser's DOM).
    const dataUrl = (await viewer.evaluate(`(async () => {
      const lib = await import('http://pdfjs.test/pdf.min.mjs');
      lib.GlobalWorkerOptions.workerSrc = 'http://pdfjs.test/pdf.worker.min.mjs';
      const data = Uint8Array.from(atob(${JSON.stringify(bytes.toString('base64'))}), (char) => char.charCodeAt(0));
      const first = await (await lib.getDocument({ data }).promise).getPage(1);
      const viewport = first.getViewport({ scale: 1 });
      const canvas = document.getElementById('page');
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      const context = canvas.getContext('2d');
      context.fillStyle = 'white';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await first.render({ canvasContext: context, viewport }).promise;
      return canvas.toDataURL('image/png');
    })()`)) as string;
    await viewer.close();
    return PNG.sync.read(Buffer.from(dataUrl.split(',')[1]!, 'base64'));
  }

  it('raised no errors in the page', () => {
    expect(tab.problems).toEqual([]);
  });
});

/** Pixels darker than light grey in a box of the image (all columns unless given). */
function darkPixels(image: PNG, box: { top: number; bottom: number; left?: number; right?: number }): number {
  let dark = 0;
  for (let row = box.top; row < box.bottom; row++) {
    for (let column = box.left ?? 0; column < (box.right ?? image.width); column++) {
      const at = (row * image.width + column) * 4;
      if (image.data[at]! < 200 && image.data[at + 1]! < 200 && image.data[at + 2]! < 200) dark++;
    }
  }
  return dark;
}

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
