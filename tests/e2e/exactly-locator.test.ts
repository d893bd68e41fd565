/**
 * The browser tests' `exactly` helper against a list that empties while it reloads, as the incident
 * log does after a search: three rows, none while loading, then the one result. Waiting for one
 * row must not return in the moment between, when there are none (CI failed once on exactly this).
 */
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from '../fixtures/browser';
import { exactly } from '../fixtures/locators';

describeInBrowser('waiting for exactly n rows', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage();
    await page.setContent('<ul id="list"><li>one</li><li>two</li><li>three</li></ul>');
  });
  afterEach(async () => {
    await page.close();
  });

  const rows = () => page.locator('#list li');

  it('waits through the empty moment of a reload for the one row that follows it', async () => {
    // Loading: the rows go at once; the result arrives half a second later.
    // (A script as text: the tests are type-checked without the browser's types.)
    await page.evaluate(`setTimeout(() => {
      const list = document.getElementById('list');
      list.innerHTML = '';
      setTimeout(() => (list.innerHTML = '<li>the result</li>'), 500);
    }, 50)`);
    await exactly(rows(), 1);
    expect(await rows().allInnerTexts()).toEqual(['the result']);
  });

  it('returns at once when the count is already right, and waits for an emptied list', async () => {
    await exactly(rows(), 3);
    expect(await rows().count()).toBe(3);
    await page.evaluate(`setTimeout(() => (document.getElementById('list').innerHTML = ''), 50)`);
    await exactly(rows(), 0);
    expect(await rows().count()).toBe(0);
  });
});
