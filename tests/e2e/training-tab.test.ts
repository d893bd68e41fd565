/**
 * The Training tab in real Chromium (policy s.11, s.12): the online safety lead sees compliance
 * at a glance, records a session for several staff at once, opens a person's history and exports
 * the records; the headteacher records a completed policy review.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../bot/src/main';
import { describeInBrowser, launchChromium, pageAt } from '../fixtures/browser';
import { TestClock } from '../fixtures/test-clock';
import { waitForFocusOn } from '../fixtures/focus';
import { testConfig } from '../fixtures/test-app';

describeInBrowser('the Training tab', () => {
  const clock = new TestClock();
  let app: RunningApp;
  let dir: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const ids = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'osd-e2e-training-'));
    app = await startApp({ config: testConfig(dir), clock, log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    for (const person of (await app.stores.people.find({ limit: 50 })).items) ids.set(person.displayName, person.id);
    browser = await launchChromium();
    page = await pageAt(browser, clock, { viewport: { width: 1200, height: 1000 }, acceptDownloads: true });
    page.setDefaultTimeout(8_000);
    page.on('pageerror', (error) => problems.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const as = async (name: string) => {
    await page.addInitScript(`sessionStorage.setItem('persona', ${JSON.stringify(ids.get(name))})`);
    await page.goto(`${app.url}/tab/?view=training`);
  };

  it('shows the online safety lead compliance per group with a chart, and who is due', async () => {
    await as('Megan Bowen');
    await page.getByTestId('training-chart').waitFor();
    const chart = await page.getByTestId('training-chart').innerHTML();
    for (const group of ['Staff: All staff', 'Pupils: 4B', 'Pupils: 6A', 'Parents: Parents']) expect(chart).toContain(group);
    // Each group's numbers are written out, so nobody has to tell the bars apart by colour.
    expect(await page.getByTestId('training-chart').innerText()).toMatch(
      /Staff: All staff\s+\d+ of 9 up to date, \d+ due soon, \d+ overdue/,
    );
    expect(await page.getByTestId('due-soon-list').innerText()).toContain('Priya Shah');
  });

  it('records a session for two staff at once: they are up to date and it shows in their history', async () => {
    // The form opens on a click (its code is loaded then), with the focus on its first field.
    expect(await page.getByLabel('Evidence').count()).toBe(0);
    await page.getByRole('button', { name: 'Record a session…' }).click();
    await waitForFocusOn(page.getByRole('combobox', { name: 'Training' }));
    await page.getByLabel('Evidence').fill('INSET day: online safety');
    await page.getByLabel('Priya Shah').check();
    await page.getByLabel("Tom O'Neill").check();
    await page.getByRole('button', { name: 'Record attendance' }).click();
    await page.getByRole('main').getByText('Recorded for 2 people.').waitFor();
    await page.getByTestId('due-soon-list').filter({ hasText: 'Priya Shah' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Alex Wilber' }).first().click();
    await page.getByTestId('training-history').getByText('No training recorded yet.').waitFor();
    // The history opens at the end of the page: the focus goes there with it.
    await waitForFocusOn(page.getByRole('heading', { name: 'History: Alex Wilber' }));
    expect(
      await app.stores.trainingRecords
        .find({ where: { subjectId: ids.get('Priya Shah')! }, limit: 5 })
        .then((found) => found.items.map((r) => r.evidence)),
    ).toEqual(['INSET day: online safety']);
  });

  it('exports the records as CSV with formula cells neutralised', async () => {
    await app.stores.trainingRecords.insert({
      requirementId: 'parent-online-safety',
      audience: 'parents',
      subjectId: 'parents',
      subjectName: 'Parents',
      completedOn: '2026-10-07',
      evidence: '=cmd()',
      recordedById: '2',
      recordedByName: 'Megan Bowen',
      recordedAt: clock.now().toISOString(),
      status: 'confirmed',
      attendees: ['Mr Khan'],
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toMatch(/^"Audience","Who","Training"/);
    expect(csv).toContain('"INSET day: online safety"');
    expect(csv).toContain(`"'=cmd()"`);
  });

  it('lets a staff member see only their own training and log it for the online safety lead to confirm', async () => {
    page = await pageAt(browser, clock, { viewport: { width: 1200, height: 1000 } });
    page.on('pageerror', (error) => problems.push(error.message));
    await as('Alex Wilber');
    await page.getByTestId('my-training').waitFor();
    expect(await page.getByTestId('training-chart').count()).toBe(0);
    await page.getByLabel('My evidence').fill('Certificate https://learning.example/1');
    await page.getByRole('button', { name: "I've done it" }).click();
    await page.getByRole('main').getByText('Saved and sent to the online safety lead to confirm.').waitFor();
    const claims = await app.stores.trainingRecords.find({ where: { status: 'awaitingConfirmation' }, limit: 5 });
    expect(claims.items.map((r) => [r.subjectName, r.evidence])).toEqual([['Alex Wilber', 'Certificate https://learning.example/1']]);
  });

  it('lets the DSL require a refresher for all staff, which then shows as due', async () => {
    page = await pageAt(browser, clock, { viewport: { width: 1200, height: 1000 } });
    page.on('pageerror', (error) => problems.push(error.message));
    await as('Patti Fernandez');
    await page.getByRole('button', { name: 'Require a refresher…' }).click();
    await waitForFocusOn(page.getByLabel('Refresher about'));
    await page.getByLabel('Refresher about').fill("Sharing pupils' images after an incident");
    await page.getByRole('button', { name: 'Require refresher' }).click();
    await page.getByRole('main').getByText('Refresher required').waitFor();
    await page.getByTestId('due-soon-list').filter({ hasText: "Sharing pupils' images after an incident" }).waitFor();
  });

  it('lets the headteacher record a completed policy review', async () => {
    const fresh = await pageAt(browser, clock, { viewport: { width: 1200, height: 1000 } });
    page = fresh;
    page.on('pageerror', (error) => problems.push(error.message));
    await as('Adele Vance');
    await page.getByRole('button', { name: 'Record completed review: Social Media Policy, Governing board' }).click();
    await page
      .getByRole('main')
      .getByText(/Review recorded\. Next review: \d{4}-\d{2}-\d{2}/)
      .waitFor();
    const policy = (await app.stores.policies.find({ limit: 1 })).items[0]!;
    expect(policy.reviews.map((review) => review.nextReviewDue > '2027-01-01')).toEqual([false, true]);
    expect(problems).toEqual([]);
  });
});
