/**
 * A request to post in real Chromium (policy s.4: the headteacher sees what will be posted): the
 * headteacher opens the request from the card's link and sees the photos in full, fetched through
 * the signed-in API; the requester adds photos and a video, sees a program refused by what it is
 * rather than its name, and removes a file; someone else sees nothing of it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../fixtures/browser';
import { waitForFocusOn } from '../fixtures/focus';
import { heicPhoto, mp4Video, pngImage, program } from '../fixtures/media-files';
import { openTabApp, type TabApp } from '../fixtures/tab-app';

describeInBrowser('a request to post and its photos in the tab', () => {
  let tab: TabApp;
  let files: string;
  /** The demo school's request to post (Alex Wilber's, waiting for the headteacher), with one picture. */
  const demoRequest = '?view=posting&id=1';

  beforeAll(async () => {
    tab = await openTabApp();
    files = mkdtempSync(join(tmpdir(), 'osd-e2e-files-'));
    writeFileSync(join(files, 'class-photo.png'), pngImage(320, 240));
    writeFileSync(join(files, 'holiday.jpg'), program());
    writeFileSync(join(files, 'race.mp4'), mp4Video(64 * 1024));
    writeFileSync(join(files, 'iphone.heic'), heicPhoto(8 * 1024));
  });
  afterAll(async () => {
    await tab?.close();
    rmSync(files, { recursive: true, force: true });
  });

  /** Whether an <img> has really been decoded by the browser (not a broken image). */
  // Written without the DOM library's types: the tests are type-checked without it.
  const decoded = (page: Page, index: number) =>
    page
      .getByTestId('media-image')
      .nth(index)
      .evaluate((image) => {
        const shown = image as unknown as { complete: boolean; naturalWidth: number };
        return shown.complete && shown.naturalWidth > 0;
      });

  it("shows the headteacher the request and its photo in full, with the faces statement as the requester's own", async () => {
    const page = await tab.pageAs('headteacher');
    await page.goto(`${tab.app.url}/tab/${demoRequest}`);
    await page.getByTestId('media-image').first().waitFor();
    expect(await decoded(page, 0)).toBe(true);
    expect(await page.getByTestId('media-image').first().getAttribute('src')).toMatch(/^blob:/);
    expect(await page.getByRole('img', { name: /Photo 1 of 1: sports-day-finish\.jpg/ }).count()).toBe(1);
    const text = await page.getByTestId('posting-request').innerText();
    expect(text).toMatch(/Class 4B iPad \(tablet\), an approved school device/);
    expect(text).toMatch(/the requester's own statement/);
    expect(await page.getByRole('button', { name: /Add photos or videos/ }).count()).toBe(0);
    await page.close();
  });

  it('lets the requester add photos and a video, refuses a program by its content, and remove a file', async () => {
    const page = await tab.pageAs('staff');
    await page.goto(`${tab.app.url}/tab/?view=requests`);
    await page.getByRole('button', { name: 'Open request to post P-1' }).click();
    await page.getByTestId('media-image').first().waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /Add photos or videos/ }).click();
    await (await chooser).setFiles(['class-photo.png', 'holiday.jpg', 'race.mp4', 'iphone.heic'].map((name) => join(files, name)));
    await page
      .getByText(/race\.mp4 is attached\./)
      .first()
      .waitFor();
    const said = await page.getByTestId('posting-request').innerText();
    expect(said).toMatch(/class-photo\.png is attached\./);
    expect(said).toMatch(/holiday\.jpg is not a photo or video the school can check/);
    await page.getByTestId('media-image').nth(1).waitFor();
    expect(await decoded(page, 1)).toBe(true);
    expect(await page.getByTestId('media-video').count()).toBe(1);
    expect(await page.getByTestId('media-placeholder').innerText()).toMatch(/HEIC photo: this browser cannot show it here/);

    await page.getByRole('button', { name: 'Remove class-photo.png' }).click();
    await page.getByText('class-photo.png was removed.').first().waitFor();
    expect(await page.getByTestId('media-image').count()).toBe(1);
    await waitForFocusOn(page.getByRole('button', { name: /Add photos or videos/ }));
    await page.close();
  });

  it("shows another member of staff nothing of someone else's request", async () => {
    const page = await tab.pageAs('dsl');
    await page.goto(`${tab.app.url}/tab/${demoRequest}`);
    await page.getByTestId('media-image').first().waitFor();
    await page.close();
    const priya = (await tab.app.stores.people.find({ limit: 50 })).items.find((person) => person.displayName === 'Priya Shah')!;
    const other = await tab.pageAs('staff');
    await other.addInitScript(`sessionStorage.setItem('persona', ${JSON.stringify(priya.id)})`);
    await other.goto(`${tab.app.url}/tab/${demoRequest}`);
    await other
      .getByText(/You can see only your own requests to post/)
      .first()
      .waitFor();
    expect(await other.getByTestId('media-image').count()).toBe(0);
    await other.close();
  });

  it('raised no errors in the pages', () => {
    expect(tab.problems).toEqual([]);
  });
});
