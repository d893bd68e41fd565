/**
 * The School accounts page in real Chromium (policy s.5): staff read the register; the DSL
 * registers an account, sees a field error put right, and — where the app must check the email in
 * the school's directory as them and they have not yet agreed — gets a permission prompt, not an error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../bot/src/main';
import { describeInBrowser, launchChromium, pageAt } from '../fixtures/browser';
import { TestClock } from '../fixtures/test-clock';
import { ANSWERS_AS_THE_PERSON, registerAccountAnswered } from '../fixtures/account-form';
import { pressWithKeyboard, waitForFocusOn } from '../fixtures/focus';
import { testConfig } from '../fixtures/test-app';

describeInBrowser('the School accounts page', () => {
  const clock = new TestClock();
  let app: RunningApp;
  let dir: string;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'osd-e2e-accounts-'));
    app = await startApp({ config: testConfig(dir), clock, log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function pageAs(name: string): Promise<Page> {
    const person = (await app.stores.people.find({ limit: 50 })).items.find((candidate) => candidate.displayName === name)!;
    const page = await pageAt(browser, clock, { viewport: { width: 1200, height: 1000 } });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.addInitScript(`sessionStorage.setItem('persona', ${JSON.stringify(person.id)})`);
    await page.goto(`${app.url}/tab/`);
    await page.getByRole('tab', { name: 'School accounts' }).click();
    return page;
  }

  it('shows staff the register, without ways to change it', async () => {
    const page = await pageAs('Alex Wilber');
    await page.getByTestId('account-row').first().waitFor();
    expect(await page.getByTestId('account-row').first().innerText()).toContain('@RiversidePrimary');
    expect(await page.getByRole('button', { name: 'Register an account' }).count()).toBe(0);
    await page.close();
  });

  it('lets the DSL register an account, marking a personal email until it is put right', async () => {
    const page = await pageAs('Patti Fernandez');
    await page.getByRole('button', { name: 'Register an account' }).click();
    const fill = async (label: string, value: string) => page.getByLabel(label, { exact: false }).first().fill(value);
    await fill('Platform', 'Facebook');
    await fill('Handle or page name', 'Riverside PTA');
    await fill('Purpose', 'Events for parents');
    await fill('Pedagogical or business reason', 'Most parents use Facebook');
    await fill('Linked school email account', 'riverside.pta@gmail.com');
    await fill('How success is evaluated', 'Event sign-ups');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Use an official school email account').waitFor();
    await fill('Linked school email account', 'pta@riverside.example');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('main').getByText('Saved Facebook Riverside PTA.').waitFor();
    // The list is read again after the save: wait for it rather than count the old one.
    await page.getByTestId('account-row').nth(1).waitFor();
    expect(await page.getByTestId('account-row').count()).toBe(2);
    await page.close();
  });

  it('opening the form focuses its first field; closing it returns the focus to the button that opened it', async () => {
    const page = await pageAs('Patti Fernandez');
    await page.getByTestId('account-row').first().waitFor();
    const edit = page.getByRole('button', { name: /^Edit / }).first();
    await pressWithKeyboard(edit);
    await waitForFocusOn(page.getByRole('textbox', { name: 'Platform' }));
    await pressWithKeyboard(page.getByRole('button', { name: 'Cancel' }));
    await waitForFocusOn(edit);

    await pressWithKeyboard(page.getByRole('button', { name: 'Register an account' }));
    await waitForFocusOn(page.getByRole('textbox', { name: 'Platform' }));
    await pressWithKeyboard(page.getByRole('button', { name: 'Cancel' }));
    await page.getByRole('button', { name: 'Register an account' }).waitFor();
    await waitForFocusOn(page.getByRole('button', { name: 'Register an account' }));
    await page.close();
  });

  it('asks for permission instead of showing an error when the server needs consent', async () => {
    const page = await pageAs('Patti Fernandez');
    await registerAccountAnswered(page, ANSWERS_AS_THE_PERSON.consentNeeded);
    expect(await page.getByTestId('consent-prompt').innerText()).toMatch(/needs your permission to read basic profiles/);
    expect(await page.getByRole('button', { name: 'Give permission' }).count()).toBe(1);
    expect(await page.getByTestId('sign-in-again').count()).toBe(0);
    expect(await page.locator('[role="alert"], .fui-MessageBar').filter({ hasText: /error/i }).count()).toBe(0);
    await page.close();
  });

  it("asks the person to sign in again, not for permission, when the school's sign-in policy wants it", async () => {
    const page = await pageAs('Patti Fernandez');
    await registerAccountAnswered(page, ANSWERS_AS_THE_PERSON.signInAgain);
    expect(await page.getByTestId('sign-in-again').innerText()).toMatch(
      /Your school asks you to sign in again \(for example with a second step[\s\S]*Nothing has been saved yet/,
    );
    expect(await page.getByRole('button', { name: 'Sign in again' }).count()).toBe(1);
    expect(await page.getByTestId('consent-prompt').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Give permission' }).count()).toBe(0);
    // What was typed is kept, ready to save once signed in.
    expect(await page.getByLabel('Linked school email account', { exact: false }).first().inputValue()).toBe('art@riverside.example');
    await page.close();
  });

  it('ran without page errors', () => {
    expect(problems).toEqual([]);
  });
});
