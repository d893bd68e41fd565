/**
 * Every card the bot sends, rendered by the `adaptivecards` library in Chromium inside a 320 px
 * column (a phone in the Teams mobile app): nothing may stick out of the column, and no input,
 * button or text may be cut short.
 */
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from '../fixtures/browser';
import { EVERY_CARD } from '../fixtures/every-card';
import { TEAMS_HOST_CONFIG } from '../fixtures/teams-host-config';

const COLUMN = 320;

// In-page JavaScript (the tests are type-checked without the DOM library): render one card and
// list what a person could not see or reach.
const RENDER_AND_MEASURE = `((card, hostConfig) => {
  const host = document.getElementById('column');
  host.replaceChildren();
  const adaptive = new AdaptiveCards.AdaptiveCard();
  adaptive.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
  adaptive.parse(card);
  host.appendChild(adaptive.render());
  const column = host.getBoundingClientRect();
  const describe = (element) => (element.className || element.tagName.toLowerCase()) + ' "' + (element.textContent || element.getAttribute('aria-label') || '').trim().slice(0, 50) + '"';
  const problems = [];
  for (const element of host.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.left < column.left - 1 || box.right > column.right + 1) problems.push(describe(element) + ' sticks out of the column (' + Math.round(box.left - column.left) + ' to ' + Math.round(box.right - column.left) + ' px)');
    // A text field scrolls its own text; anything else wider inside than outside is cut short.
    else if (!['INPUT', 'TEXTAREA'].includes(element.tagName) && element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0) problems.push(describe(element) + ' is cut short (' + element.scrollWidth + ' px of content in ' + element.clientWidth + ' px)');
  }
  return problems;
})`;

describeInBrowser(`every card at ${COLUMN} px`, () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: COLUMN + 40, height: 800 } });
    await page.setContent(`<style>body { margin: 20px; }</style><div id="column" style="width: ${COLUMN}px"></div>`);
    await page.addStyleTag({ path: require.resolve('adaptivecards/dist/adaptivecards.css') });
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
  });
  afterAll(() => browser?.close());

  it.each(EVERY_CARD)('%s fits', async (_name, card) => {
    const problems = await page.evaluate(`${RENDER_AND_MEASURE}(${JSON.stringify(card)}, ${JSON.stringify(TEAMS_HOST_CONFIG)})`);
    expect(problems).toEqual([]);
  });
});
