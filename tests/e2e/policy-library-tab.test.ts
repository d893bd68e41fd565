/**
 * The policy library in real Chromium (s.2, s.12): the headteacher publishes a version, a member of
 * staff opens it and says they have read and understood it, the online safety lead sees who has
 * and has not (a chart and the names) and exports it, a governor reads it without being asked to sign.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../fixtures/browser';
import { pdfDocument } from '../fixtures/media-files';
import { openTabApp, type TabApp } from '../fixtures/tab-app';

describeInBrowser('the policy library tab', () => {
  let tab: TabApp;
  const pages: Page[] = [];
  beforeAll(async () => {
    tab = await openTabApp();
  });
  afterAll(async () => {
    for (const page of pages) await page.close();
    await tab?.close();
  });

  const open = async (role: Parameters<TabApp['pageAs']>[0]) => {
    const page = await tab.pageAs(role);
    page.setDefaultTimeout(8_000);
    pages.push(page);
    await page.goto(`${tab.app.url}/tab/?view=policies`);
    return page;
  };

  it('lets the headteacher publish a version of the Social Media Policy, with its document', async () => {
    const page = await open('headteacher');
    await page.getByTestId('library-empty').waitFor();
    await page.getByRole('button', { name: 'Publish a new version' }).click();
    const form = page.getByRole('form', { name: 'Publish a new version' });
    await form.getByLabel('Policy').selectOption({ label: 'Social Media Policy' });
    await form.getByLabel('Version number').fill('3');
    await form.getByLabel('Summary of changes').fill('Section 4: photos only on approved school devices.');
    await form.getByLabel('Who must read it and say they have understood it').selectOption({ label: 'All staff' });
    await form.getByRole('button', { name: 'Publish version' }).click();
    await form.getByText('Choose the policy document (PDF or Word).').waitFor();
    await form
      .getByLabel('The document (PDF or Word, up to 20 MB)')
      .setInputFiles({ name: 'Social Media Policy v3.pdf', mimeType: 'application/pdf', buffer: pdfDocument('version 3') });
    await form.getByRole('button', { name: 'Publish version' }).click();
    await page
      .getByRole('main')
      .getByText('Social Media Policy: version 3 is published; everyone who must read it has been asked to.')
      .waitFor();
    const entry = page.getByTestId('library-entry').filter({ hasText: 'Social Media Policy' });
    await entry.getByText(/^Version 3, approved on 24 November 2026 by Adele Vance\. Must read: All staff\.$/).waitFor();
    expect(await entry.innerText()).toContain('What changed: Section 4: photos only on approved school devices.');
  });

  it('drafts the texts for pupils and parents from the change summary; the headteacher edits them and records how parents were told', async () => {
    const page = await open('headteacher');
    const panel = page.getByTestId('telling-panel');
    await panel.waitFor();
    expect(await panel.getByLabel('For pupils').inputValue()).toBe(
      'Our school has changed its Social Media Policy. What is different: Section 4: photos only on approved school devices. If anything online ever worries or upsets you, tell a trusted adult at school.',
    );
    await panel.getByLabel('For pupils').fill('We only take photos on school tablets.');
    await panel.getByRole('button', { name: 'Save the texts' }).click();
    await panel.getByText('The texts are saved.').first().waitFor();
    await panel.getByLabel('How').selectOption({ label: 'Newsletter' });
    await panel.getByRole('button', { name: 'Record as told' }).click();
    expect(await panel.getByTestId('told-list').innerText()).toBe('Parents: Newsletter, 24 November 2026 (recorded by Adele Vance)');
    await page.reload();
    expect(await page.getByTestId('telling-panel').getByLabel('For pupils').inputValue()).toBe('We only take photos on school tablets.');
  });

  it('lets a member of staff open the document and sign that they have read and understood it', async () => {
    const page = await open('staff');
    const entry = page.getByTestId('library-entry').filter({ hasText: 'Social Media Policy' });
    const [saved] = await Promise.all([page.waitForEvent('download'), entry.getByRole('button', { name: 'Open version 3 (PDF)' }).click()]);
    expect(saved.suggestedFilename()).toBe('Social Media Policy v3.pdf');
    expect(readFileSync((await saved.path())!).equals(pdfDocument('version 3'))).toBe(true);
    await entry.getByRole('button', { name: 'I have read and understood it' }).click();
    await page.getByRole('main').getByText('Thank you: you have read and understood the Social Media Policy.').waitFor();
    expect(await entry.getByTestId('signed').innerText()).toMatch(/^You read and understood it on 24 November 2026 at 10:\d\d\.$/);
    await expect(entry.getByRole('button', { name: 'I have read and understood it' }).count()).resolves.toBe(0);
  });

  it('shows the online safety lead who has and has not, as a chart and a list, and exports it', async () => {
    const page = await open('onlineSafetyLead');
    const chart = page.getByTestId('policy-read-chart');
    await chart.waitFor();
    expect((await chart.innerText()).replace(/\s+/g, ' ')).toContain('Read and understood 1 Not yet 8');
    const notYet = await page.getByTestId('not-yet-list').innerText();
    expect(notYet).toContain('Priya Shah');
    expect(notYet).not.toContain('Alex Wilber');
    expect(await page.getByTestId('read-list').innerText()).toContain('Alex Wilber');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toContain('"Alex Wilber","Read and understood"');
    expect(text).toContain('"Priya Shah","Not yet",""');
  });

  it('lets a governor read a version for staff without being asked to sign it or seeing who has', async () => {
    const page = await open('chairOfGovernors');
    const entry = page.getByTestId('library-entry').filter({ hasText: 'Social Media Policy' });
    await entry.getByRole('button', { name: 'Open version 3 (PDF)' }).waitFor();
    expect(await entry.getByRole('button', { name: 'I have read and understood it' }).count()).toBe(0);
    expect(await page.getByTestId('policy-readers').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Publish a new version' }).count()).toBe(0);
    expect(await page.getByTestId('telling-panel').count()).toBe(0);
    expect(tab.problems).toEqual([]);
  });
});
