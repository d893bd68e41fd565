/**
 * The register of unblocked sites in real Chromium: what is open, for whom, why and until when,
 * those past their last day flagged first; the CSV copy; a request's page showing who the site is
 * opened for and for how long; and the online safety lead setting the last day of a site opened
 * before unblocks had periods, from that page.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { newAccessRequest, type AccessRequest } from '../../bot/src/domain/access/access-request';
import type { Person } from '../../bot/src/domain/people/person';
import type { Role } from '../../bot/src/domain/people/role';
import { describeInBrowser } from '../fixtures/browser';
import { openTabApp, type TabApp } from '../fixtures/tab-app';

describeInBrowser('the register of unblocked sites in the tab', () => {
  let tab: TabApp;
  let who: (name: string) => Person;
  const ids: Record<'pastEnd' | 'noEndDate' | 'reblocked', string> = { pastEnd: '', noEndDate: '', reblocked: '' };

  beforeAll(async () => {
    tab = await openTabApp();
    const people = (await tab.app.stores.people.find({ limit: 50 })).items;
    who = (name) => people.find((person) => person.displayName === name)!;
    const signed = (name: string, at: string) => ({ personId: who(name).id, name, at });
    // Opened on 2 November for a fortnight (the tab app's day is Tuesday 24 November 2026), one opened before periods, one blocked again.
    const opened = (url: string, changes: Partial<AccessRequest>): Omit<AccessRequest, 'id'> => ({
      ...newAccessRequest(
        { url, siteContent: 'Videos', reasons: 'Year 4 history', risksAndControls: 'Teacher screen only' },
        { personId: who('Priya Shah').id, name: 'Priya Shah' },
        url,
        new Date('2026-10-28T09:00:00Z'),
      ),
      state: 'unblocked',
      decision: { approved: true, reasons: '', signature: signed('Adele Vance', '2026-10-30T09:00:00Z') },
      actioned: { note: '', signature: signed('Isaiah Langer', '2026-11-02T09:00:00Z') },
      ...changes,
    });
    ids.pastEnd = (
      await tab.app.stores.accessRequests.insert(
        opened('https://www.example.org/past-end', {
          period: { from: '2026-11-02', to: '2026-11-13' },
          scope: { kind: 'yearGroup', group: 'Year 4' },
        }),
      )
    ).id;
    ids.noEndDate = (await tab.app.stores.accessRequests.insert(opened('https://www.example.org/no-end', {}))).id;
    ids.reblocked = (
      await tab.app.stores.accessRequests.insert(
        opened('https://www.example.org/blocked-again', {
          state: 'reblocked',
          period: { from: '2026-11-02', to: '2026-11-06' },
          scope: { kind: 'staff' },
          reblocked: { note: '', signature: signed('Isaiah Langer', '2026-11-09T08:00:00Z') },
        }),
      )
    ).id;
  });
  afterAll(() => tab?.close());

  async function registerAs(role: Role): Promise<Page> {
    const page = await tab.pageAs(role, { width: 1280, height: 900 });
    page.setDefaultTimeout(8_000);
    await page.goto(`${tab.app.url}/tab/?view=unblocks`);
    await page.getByTestId('unblock-register').waitFor();
    return page;
  }

  it('lists every opened site, those past their last day first, and flags them', async () => {
    const page = await registerAs('onlineSafetyLead');
    expect(await page.getByRole('tab', { name: 'Unblocked sites' }).getAttribute('aria-selected')).toBe('true');
    const rows = page.getByTestId('unblock-row');
    expect(await rows.evaluateAll((found) => found.map((row) => row.getAttribute('data-status')))).toEqual([
      'pastEnd',
      'noEndDate',
      'open',
      'reblocked',
    ]);
    const texts = await rows.allInnerTexts();
    expect(texts[0]).toMatch(
      /A-\d+\s+https:\/\/www\.example\.org\/past-end\s+Year 4 history\s+Year group Year 4\s+2 Nov 2026 to 13 Nov 2026\s+Adele Vance, 30 Oct 2026\s+Past its end — block it again/,
    );
    expect(texts[1]).toMatch(/no-end[\s\S]*Not recorded\s+No end date[\s\S]*No end date — set one/);
    // The demo school's own: BBC Bitesize, open for staff until after today.
    expect(texts[2]).toMatch(/bitesize[\s\S]*Staff only[\s\S]*Open/);
    expect(texts[3]).toMatch(/blocked-again[\s\S]*Staff only[\s\S]*Blocked again 9 Nov 2026/);
    expect(await page.getByTestId('past-end').innerText()).toBe(
      '1 site is still open after its last day and must be blocked again on the school filter.',
    );
    expect(await page.getByTestId('no-end-date').innerText()).toMatch(/^1 site was opened without an end date\./);
    await page.close();
  });

  it('downloads the register as CSV', async () => {
    const page = await registerAs('headteacher');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('online-safety-desk-unblocks-2026-11-24.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(5);
    expect(csv).toContain(
      `"A-${ids.pastEnd}","https://www.example.org/past-end","Year 4 history","Year group Year 4","2026-11-02","2026-11-13","Adele Vance","2026-10-30","2026-11-02","","Past its end — block it again"`,
    );
    await page.getByTestId('export-status').getByText('Downloaded online-safety-desk-unblocks-2026-11-24.csv.').waitFor();
    await page.close();
  });

  it('is not offered to staff, and its API refuses them', async () => {
    const page = await tab.pageAs('staff', { width: 1280, height: 900 });
    await page.goto(`${tab.app.url}/tab/`);
    await page.getByTestId('waiting-counts').waitFor();
    expect(await page.getByRole('tab', { name: 'Unblocked sites' }).count()).toBe(0);
    expect(await page.evaluate(async () => (await fetch('/api/unblocks')).status)).toBe(403);
    await page.close();
  });

  it('opens a request from the register, showing who the site is open for and until when; the lead sets a last day', async () => {
    const page = await registerAs('onlineSafetyLead');
    await page.getByRole('button', { name: `Open request A-${ids.noEndDate}` }).click();
    const request = page.getByTestId('access-request');
    await request.waitFor();
    expect(await request.innerText()).toMatch(/Open for\s+Not recorded\s+Period\s+No end date — set one/);
    const form = page.getByRole('form', { name: `Your step on A-${ids.noEndDate}` });
    await form.getByRole('textbox', { name: 'Last day the site stays open (YYYY-MM-DD)' }).fill('2026-12-18');
    await form.getByRole('button', { name: 'Set the last day' }).click();
    await page.getByRole('main').getByText('Saved. The ICT technician will be asked to block the site again after its last day.').waitFor();
    expect(await request.innerText()).toMatch(/Period\s+2 November 2026 to 18 December 2026/);
    expect((await tab.app.stores.accessRequests.get(ids.noEndDate))!.period).toEqual({ from: '2026-11-02', to: '2026-12-18' });
    await page.getByRole('button', { name: 'Back to unblocked sites' }).click();
    await page.getByTestId('unblock-register').waitFor();
    expect(await page.getByTestId('no-end-date').count()).toBe(0);
    await page.close();
  });
});
