/**
 * School settings in real Chromium: the headteacher renames the school, adds a policy with both
 * its reviews (the headteacher's with the online safety lead, and the governing board's), imports
 * term dates from a local authority's CSV after seeing what would be saved, and changes a training
 * requirement's grace period. A teacher is not offered the page, and the API refuses them.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Role } from '../../bot/src/domain/people/role';
import { describeInBrowser } from '../fixtures/browser';
import { waitForFocusOn } from '../fixtures/focus';
import { openTabApp, type TabApp } from '../fixtures/tab-app';

const LA_CSV = [
  'Name,Start,End,Type',
  'Autumn term,04/09/2028,20/12/2028,term',
  'Half term,23/10/2028,27/10/2028,closure',
  'Spring term,04/01/2029,29/03/2029,term',
  'Summer term,16/04/2029,20/07/2029,term',
].join('\r\n');

describeInBrowser('the School settings page', () => {
  let tab: TabApp;
  let page: Page;

  beforeAll(async () => {
    tab = await openTabApp();
  });
  afterAll(() => tab?.close());

  /** The demo school's first holder of the role (the headteacher is Adele Vance, the staff member Alex Wilber), on the tab. */
  async function pageAs(role: Role): Promise<Page> {
    const opened = await tab.pageAs(role, { width: 1200, height: 1000 });
    opened.setDefaultTimeout(8_000);
    await opened.goto(`${tab.app.url}/tab/`);
    return opened;
  }

  const section = (id: string) => page.getByTestId(`settings-${id}`);

  it("lets the headteacher change the school's name, which the store then holds", async () => {
    page = await pageAs('headteacher');
    await page.getByRole('tab', { name: 'School settings' }).click();
    await page.getByTestId('school-name').waitFor();
    const change = page.getByRole('button', { name: "Change the school's details" });
    await change.click();
    await waitForFocusOn(page.getByRole('textbox', { name: 'School name' }));
    await page.getByRole('textbox', { name: 'School name' }).fill('Twiss Green Community Primary School');
    await page.getByRole('textbox', { name: 'Who staff should ask' }).fill('the school office (Mrs Robbins)');
    await section('school').getByRole('button', { name: 'Save' }).click();
    await section('school').getByText('Saved. Cards now say Twiss Green Community Primary School.').waitFor();
    await waitForFocusOn(change);
    expect((await tab.app.stores.school.find({ limit: 1 })).items[0]).toMatchObject({
      name: 'Twiss Green Community Primary School',
      contactForAccess: 'the school office (Mrs Robbins)',
    });
  });

  it('adds a policy with both reviews, marking a missing date next to its field until it is given', async () => {
    await page.getByRole('button', { name: 'Add a policy' }).click();
    const form = page.getByRole('form', { name: 'Add a policy' });
    await form.getByRole('textbox', { name: 'Title' }).fill('Online Safety Policy 2026');
    await form.getByRole('textbox', { name: 'Owner' }).fill('Online safety lead');
    await form.getByLabel('Approval date').fill('2026-10-01');
    await form.getByRole('button', { name: "Add the headteacher's review (every two years)" }).click();
    await form.getByRole('button', { name: "Add the governing board's review (every year)" }).click();
    const reviews = form.getByTestId('review-fields');
    await reviews.nth(0).getByLabel('Next review date').fill('2028-10-01');
    await form.getByRole('button', { name: 'Save' }).click();
    await reviews.nth(1).getByText('Next review date must be a date.').waitFor();
    expect(await reviews.nth(0).getByText('must be a date').count()).toBe(0);
    await reviews.nth(1).getByLabel('Next review date').fill('2027-10-01');
    await form.getByRole('button', { name: 'Save' }).click();
    await section('policies').getByText('Saved Online Safety Policy 2026.').waitFor();
    const row = page.getByTestId('policy-row').filter({ hasText: 'Online Safety Policy 2026' });
    expect(await row.innerText()).toMatch(
      /Headteacher with the online safety lead, every 24 months: next 1 October 2028 \(Headteacher, Online safety lead\)[\s\S]*Governing board, every 12 months: next 1 October 2027 \(Governor, Chair of governors\)/,
    );
    const stored = (await tab.app.stores.policies.find({ limit: 50 })).items.find(
      (policy) => policy.title === 'Online Safety Policy 2026',
    )!;
    expect(stored.reviews.map((review) => [review.id, review.reviewers])).toEqual([
      ['review-1', ['headteacher', 'onlineSafetyLead']],
      ['review-2', ['governor', 'chairOfGovernors']],
    ]);
    // For docs/screenshots/school-settings.png: the top of the page, as the headteacher sees it now.
    await page.setViewportSize({ width: 1200, height: 1400 });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(tmpdir(), 'osd-school-settings.png') });
  });

  it('imports term dates from a CSV, showing what will be saved first, and says which line is wrong in a bad file', async () => {
    await page.getByRole('button', { name: 'Import from a CSV file' }).click();
    const panel = page.getByTestId('term-dates-import');
    await panel.getByLabel('CSV file of term dates').setInputFiles({
      name: 'term-dates.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(LA_CSV.replace('27/10/2028', '31/10/2028').replace('20/07/2029', '20/13/2029')),
    });
    await panel.getByTestId('term-dates-problems').getByText('Line 5: "20/13/2029" is not a date').waitFor();
    expect(await panel.getByRole('button', { name: 'Save these term dates' }).count()).toBe(0);

    await panel
      .getByLabel('CSV file of term dates')
      .setInputFiles({ name: 'term-dates.csv', mimeType: 'text/csv', buffer: Buffer.from(LA_CSV) });
    await panel.getByTestId('term-dates-preview').waitFor();
    expect(await panel.getByText('Not saved yet. This file has 4 lines for 2028-29').count()).toBe(1);
    expect(await panel.getByTestId('term-date-row').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/Half term\s+Closed\s+23 October 2028\s+27 October 2028/)]),
    );
    expect((await tab.app.stores.termDates.find({ limit: 1 })).items[0]!.terms.some((term) => term.start === '2028-09-04')).toBe(false);
    await page.screenshot({ path: join(tmpdir(), 'osd-settings-import-preview.png'), fullPage: true });

    await panel.getByRole('button', { name: 'Save these term dates' }).click();
    await section('term-dates').getByText('Saved the term dates for 2028-29 from the file.').waitFor();
    await page.getByRole('table', { name: 'Term dates 2028-29' }).waitFor();
    expect((await tab.app.stores.termDates.find({ limit: 1 })).items[0]!.terms.map((term) => term.name)).toContain('Summer term');
  });

  it("changes a training requirement's grace period for new starters", async () => {
    await page.getByRole('button', { name: 'Edit Online safety training' }).click();
    const grace = page.getByRole('spinbutton', { name: 'Grace period for new starters (days)' });
    await waitForFocusOn(page.getByRole('textbox', { name: 'Training' }));
    await grace.fill('20');
    await section('training-requirements').getByRole('button', { name: 'Save' }).click();
    await section('training-requirements')
      .getByText('Saved Online safety training: at induction (within 20 days of starting), then every 12 months.')
      .waitFor();
    const stored = (await tab.app.stores.trainingRequirements.find({ where: { requirementId: 'staff-online-safety' }, limit: 1 }))
      .items[0]!;
    expect(stored.rule).toEqual({ kind: 'inductionThenEvery', inductionDays: 20, months: 12 });
    await page.close();
  });

  it('does not offer a teacher the page, and the API refuses them', async () => {
    page = await pageAs('staff');
    await page.getByRole('tab', { name: 'Training' }).waitFor();
    expect(await page.getByRole('tab', { name: 'School settings' }).count()).toBe(0);
    await page.goto(`${tab.app.url}/tab/?view=settings`);
    await page.getByRole('tab', { name: 'Waiting for me', selected: true }).waitFor();
    expect(await page.getByTestId('school-settings').count()).toBe(0);
    // Written without the DOM library's types: the tests are type-checked without it.
    const persona = await page.evaluate(() =>
      (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem('persona'),
    );
    const answers = await page.evaluate(async (id) => {
      const headers = { 'x-demo-person': id!, 'content-type': 'application/json' };
      const read = await fetch('/api/settings', { headers });
      const write = await fetch('/api/settings/school', {
        method: 'PUT',
        headers,
        body: JSON.stringify({ name: 'Taken over', contactForAccess: 'me' }),
      });
      return [read.status, write.status];
    }, persona);
    expect(answers).toEqual([403, 403]);
    expect((await tab.app.stores.school.find({ limit: 1 })).items[0]!.name).toBe('Twiss Green Community Primary School');
    await page.close();
  });

  it('ran without page errors', () => {
    expect(tab.problems).toEqual([]);
  });
});
