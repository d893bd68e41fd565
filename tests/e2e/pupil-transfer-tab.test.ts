/**
 * Leavers' safeguarding files in the Incidents tab, in real Chromium on the demo school: after the
 * pupil import marks two pupils linked to concerns as left, the DSL finds them under *Pupils who
 * have left*, downloads the file as a PDF (read back) and as a zip (listed), records one sent —
 * what is missing is said by the field — and sees it in the pupil's chronology; a DSL whose
 * colleague recorded the other meanwhile is told. The headteacher has no such page.
 */
import { readFileSync } from 'node:fs';
import AdmZip from 'adm-zip';
import type { Page } from 'playwright-core';
import { describeInBrowser } from '../fixtures/browser';
import { pdfText } from '../fixtures/pdf-text';
import { demoSchoolWithout } from '../fixtures/pupil-files';
import { openTabApp, type TabApp } from '../fixtures/tab-app';

describeInBrowser("leavers' safeguarding files in the Incidents tab", () => {
  let tab: TabApp;
  const who = new Map<string, string>();
  beforeAll(async () => {
    tab = await openTabApp();
    for (const person of (await tab.app.stores.people.find({ limit: 50 })).items) who.set(person.displayName, person.id);
    const started = await fetch(`${tab.app.url}/api/pupils/import`, {
      method: 'POST',
      headers: { 'x-demo-person': who.get('Lynne Robbins')!, 'content-type': 'application/json' },
      body: JSON.stringify({ csv: demoSchoolWithout('Noah Williams', 'Grace Okoye'), apply: true }),
    });
    expect(started.status).toBe(202);
    await tab.app.background.idle();
  });
  afterAll(() => tab?.close());

  async function leavers(): Promise<Page> {
    const page = await tab.pageAs('dsl');
    await page.goto(`${tab.app.url}/tab/?view=incidents`);
    await page.getByRole('tab', { name: 'Pupils who have left' }).click();
    await page.getByTestId('transfer-row').first().waitFor();
    return page;
  }
  const rowOf = (page: Page, name: string) => page.getByTestId('transfer-row').filter({ hasText: name });

  it('lists the leavers linked to concerns, and downloads the file as a PDF and as a zip', async () => {
    const page = await leavers();
    expect(await page.getByTestId('transfer-row').allInnerTexts()).toEqual([
      expect.stringMatching(/^Grace Okoye\s*6A, Year 6 · left on 24 Nov 2026 · 2 incidents\s*To send/),
      expect.stringMatching(/^Noah Williams\s*4B, Year 4 · left on 24 Nov 2026 · 1 incident\s*To send/),
    ]);
    const noah = rowOf(page, 'Noah Williams');
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      noah.getByRole('button', { name: 'Download the file (PDF) of Noah Williams' }).click(),
    ]);
    const pupilId = (await tab.app.stores.pupils.find({ limit: 100 })).items.find((pupil) => pupil.displayName === 'Noah Williams')!.id;
    expect(pdf.suggestedFilename()).toBe(`safeguarding-file-${pupilId}-2026-11-24.pdf`);
    const text = pdfText(readFileSync((await pdf.path())!))
      .pages.flat()
      .join(' ');
    expect(text).toContain('Safeguarding file: Noah Williams');
    expect(text).toMatch(/C-\d{5} - Inappropriate content reached on school equipment/);
    const [zip] = await Promise.all([
      page.waitForEvent('download'),
      noah.getByRole('button', { name: 'Download for secure transfer (zip) the file of Noah Williams, with the evidence' }).click(),
    ]);
    expect(new AdmZip(readFileSync((await zip.path())!)).getEntries().map((entry) => entry.entryName)).toEqual([
      `safeguarding-file-${pupilId}-2026-11-24.pdf`,
      'manifest.txt',
    ]);
  });

  it("records the file sent, saying what is missing first, and the pupil's chronology shows where it went", async () => {
    const page = await leavers();
    const noah = rowOf(page, 'Noah Williams');
    await noah.getByRole('button', { name: 'Record it sent…' }).click();
    const form = page.getByRole('form', { name: 'Record the file of Noah Williams sent' });
    await form.getByRole('button', { name: 'Record the transfer' }).click();
    await form.getByText('Name the school it was sent to.').waitFor();
    expect(await form.getByText("Name the receiving school's DSL it was sent to.").isVisible()).toBe(true);
    expect(await form.getByText('Choose how it was sent.').isVisible()).toBe(true);

    await form.getByRole('textbox', { name: 'Receiving school' }).fill('Oakfield Academy');
    await form.getByRole('textbox', { name: 'Their DSL (who it was sent to)' }).fill('Jo Baxter');
    await form.getByRole('combobox', { name: 'How it was sent' }).selectOption({ label: 'Secure (encrypted) email' });
    await form.getByRole('button', { name: 'Record the transfer' }).click();
    expect(await page.getByTestId('transfer-recorded').innerText()).toBe(
      'Recorded: the file of Noah Williams was sent on 24 Nov 2026 to Jo Baxter, Oakfield Academy.',
    );
    const sent = page.getByRole('list', { name: 'Files sent' }).getByTestId('transfer-row');
    expect(await sent.getByTestId('transfer-sent').innerText()).toMatch(
      /^File transferred on 24 Nov 2026 to Jo Baxter, Oakfield Academy \(Secure \(encrypted\) email\); recorded by Patti Fernandez/,
    );

    await page.getByRole('tab', { name: 'Pupils', exact: true }).click();
    await page.getByRole('searchbox').fill('Noah');
    // Marked as left by today's import: the roster counts them as left from tomorrow.
    await page.getByRole('button', { name: 'Noah Williams (4B)' }).click();
    expect(await page.getByTestId('pupil-transfer').innerText()).toBe(
      'Safeguarding file transferred on 24 Nov 2026 to Jo Baxter, Oakfield Academy (Secure (encrypted) email).',
    );
  });

  it('tells the DSL when a colleague recorded the file while they were filling in the form', async () => {
    const page = await leavers();
    const grace = rowOf(page, 'Grace Okoye');
    await grace.getByRole('button', { name: 'Record it sent…' }).click();
    const form = page.getByRole('form', { name: 'Record the file of Grace Okoye sent' });
    await form.getByRole('textbox', { name: 'Receiving school' }).fill('Elm Park School');
    await form.getByRole('textbox', { name: 'Their DSL (who it was sent to)' }).fill('Raj Patel');
    await form.getByRole('combobox', { name: 'How it was sent' }).selectOption({ label: 'By hand, with a signed receipt' });
    const graceId = (await tab.app.stores.pupils.find({ limit: 100 })).items.find((pupil) => pupil.displayName === 'Grace Okoye')!.id;
    const colleague = await fetch(`${tab.app.url}/api/incidents/transfers/${graceId}/sent`, {
      method: 'POST',
      headers: { 'x-demo-person': who.get('Sam Okafor')!, 'content-type': 'application/json' },
      body: JSON.stringify({ on: '2026-11-24', toSchool: 'Elm Park School', toDsl: 'Raj Patel', how: 'cpoms', version: 1 }),
    });
    expect(colleague.status).toBe(200);
    await form.getByRole('button', { name: 'Record the transfer' }).click();
    expect(await page.getByTestId('transfer-stale').innerText()).toMatch(
      /Someone else recorded this transfer while you were looking at it; nothing was changed\. Sam Okafor recorded it sent on 2026-11-24 to Raj Patel, Elm Park School\./,
    );
    await page.getByRole('button', { name: 'Show the transfer as it is now' }).click();
    await page
      .getByRole('list', { name: 'Files sent' })
      .getByText(/File transferred on 24 Nov 2026 to Raj Patel, Elm Park School \(CPOMS transfer\); recorded by Sam Okafor/)
      .waitFor();
    expect(await page.getByTestId('no-transfers').innerText()).toBe('No pupil who has left has a safeguarding file waiting to be sent.');
  });

  it('offers the headteacher no such page', async () => {
    const page = await tab.pageAs('headteacher');
    await page.goto(`${tab.app.url}/tab/?view=incidents`);
    await page.getByTestId('incident-row').first().waitFor();
    expect(await page.getByRole('tab').allInnerTexts()).not.toContain('Pupils who have left');
    expect(await page.getByRole('tab', { name: 'Pupils', exact: true }).isVisible()).toBe(true);
  });

  it('raised no script errors', () => {
    expect(tab.problems).toEqual([]);
  });
});
