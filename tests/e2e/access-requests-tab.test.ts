/** The tab in real Chromium: it loads under its CSP, shows the signed-in persona's requests, and switches persona. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../bot/src/main';
import { describeInBrowser, launchChromium, pageAt } from '../fixtures/browser';
import { TestClock } from '../fixtures/test-clock';
import { testConfig } from '../fixtures/test-app';

describeInBrowser('the access requests tab', () => {
  const clock = new TestClock();
  let app: RunningApp;
  let dir: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'osd-e2e-'));
    app = await startApp({ config: testConfig(dir), clock, log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    browser = await launchChromium();
    page = await pageAt(browser, clock, { viewport: { width: 1100, height: 700 } });
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the default persona (a staff member) only their own requests', async () => {
    await page.goto(`${app.url}/tab/?view=requests`);
    await page.getByRole('heading', { name: 'Online Safety Desk' }).waitFor();
    await page.getByRole('tab', { name: 'Blocked website requests' }).waitFor();
    await page.getByText('Signed in as Alex Wilber').waitFor();
    const rows = page.getByTestId('access-request-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await expect(rows.first().innerText()).resolves.toMatch(/scratch\.mit\.edu[\s\S]*With the headteacher/);
  });

  it('switching to the online safety lead shows every request', async () => {
    await page.getByRole('combobox', { name: 'Demo persona' }).click();
    await page.getByRole('option', { name: /Megan Bowen/ }).click();
    await page.getByText('Signed in as Megan Bowen').waitFor();
    await page.getByText('bbc.co.uk/bitesize').waitFor();
    expect(await page.getByTestId('access-request-row').count()).toBe(2);
    await page.screenshot({ path: join(tmpdir(), 'osd-access-requests-tab.png') });
  });

  it('loaded without script errors or Content-Security-Policy violations', () => {
    expect(problems).toEqual([]);
  });
});
