/**
 * The people involved, a pupil's chronology and the body map in real Chromium, on the demo school:
 * the DSL confirms the part of a pupil the reporter named and links another with theirs, opens a
 * pupil's chronology from their name and prints it; marks the body map from the keyboard; a second
 * DSL editing the same incident is told and shown it as it now is; the headteacher's view of a pupil
 * shows nothing of a concern about the headteacher; incidents past their timescales are filtered.
 * With DOCS_SCREENSHOTS set to a folder, the chronology and the body map are saved there.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { incident } from '../contract/incident-contract';
import { describeInBrowser } from '../fixtures/browser';
import { pressWithKeyboard, waitForAnnouncement, waitForFocusOn } from '../fixtures/focus';
import { openTabApp, type TabApp } from '../fixtures/tab-app';

const SHOTS = process.env.DOCS_SCREENSHOTS ?? tmpdir();

describeInBrowser('people, chronologies and the body map in the Incidents tab', () => {
  let tab: TabApp;
  beforeAll(async () => {
    tab = await openTabApp();
  });
  afterAll(() => tab?.close());

  async function openIncident(role: 'dsl' | 'deputyDsl' | 'headteacher', reference: string): Promise<Page> {
    const page = await tab.pageAs(role);
    await page.goto(`${tab.app.url}/tab/?view=incidents`);
    await page.getByRole('button', { name: `Open ${reference}` }).click();
    await page.getByTestId('chronology').waitFor();
    return page;
  }
  const person = (page: Page, name: string) => page.getByTestId('linked-person').filter({ hasText: name });
  /** Waits for a line to reach the incident's chronology (the page shows a change once it is saved). */
  const chronologyLine = (page: Page, text: string) => page.getByTestId('chronology').getByText(text).waitFor();

  it('confirms the part of a pupil the reporter named, links another with theirs, and opens and prints her chronology', async () => {
    const page = await openIncident('dsl', 'C-00007');
    expect(await person(page, 'Leo Murphy').innerText()).toMatch(/named by the reporter, part not yet confirmed/);
    await person(page, 'Leo Murphy').getByRole('combobox', { name: 'Part of Leo Murphy' }).selectOption('causedHarm');
    await person(page, 'Leo Murphy').getByRole('button', { name: 'Confirm the part' }).click();
    await chronologyLine(page, 'Confirmed Leo Murphy (pupil, 4B), named by the reporter, as alleged to have caused harm');
    expect(await person(page, 'Leo Murphy').innerText()).toMatch(/Pupil, 4B: alleged to have caused harm/);
    expect(await person(page, 'Leo Murphy').innerText()).not.toMatch(/part not yet confirmed/);

    await page.getByRole('button', { name: 'Link someone to this incident…' }).click();
    const linkPupil = page.getByRole('form', { name: 'Link the pupil' });
    await linkPupil.getByRole('combobox', { name: 'Class' }).selectOption('4B');
    await linkPupil.getByRole('combobox', { name: 'Pupil' }).selectOption({ label: 'Amelia Khan' });
    // No part chosen, no link: the part is never assumed.
    expect(await linkPupil.getByRole('button', { name: 'Link the pupil' }).getAttribute('aria-disabled')).toBe('true');
    await linkPupil.getByRole('combobox', { name: 'Their part' }).selectOption('witness');
    await linkPupil.getByRole('button', { name: 'Link the pupil' }).click();
    await person(page, 'Amelia Khan').waitFor();
    expect(await person(page, 'Amelia Khan').innerText()).toMatch(/Pupil, 4B: witness/);

    await page.getByRole('button', { name: 'Amelia Khan: open their chronology' }).click();
    await page.getByTestId('pupil-chronology').waitFor();
    expect(await page.getByRole('heading', { name: 'Chronology: Amelia Khan' }).isVisible()).toBe(true);
    expect(await page.getByTestId('pupil-incidents').innerText()).toMatch(/C-00007[\s\S]*part: witness/);
    const entries = await page.getByTestId('pupil-entries').getByRole('listitem').allInnerTexts();
    expect(entries[0]).toMatch(/Patti Fernandez — C-00007 \(witness\)\nLinked Amelia Khan \(pupil, 4B\) as witness/);
    await page.screenshot({ path: join(SHOTS, 'tab-pupil-chronology.png'), fullPage: true });

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('pupil-entries').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Print chronology' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: '← Back to the incident' }).click();
    await page.getByRole('heading', { name: /^C-00007/ }).waitFor();
    await page.close();
  });

  it('marks the body map from the keyboard: a mark placed, moved (each place announced), described, saved and printed', async () => {
    const page = await openIncident('dsl', 'C-00004');
    await pressWithKeyboard(page.getByRole('button', { name: 'Add a mark on the front' }));
    const mark = page.getByRole('button', { name: /^Mark 1: chest, front/ });
    await mark.waitFor();
    await waitForFocusOn(mark);
    await waitForAnnouncement(page, /Mark 1 added: chest, front/);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
    await waitForAnnouncement(page, 'left upper arm, front');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowDown');
    await waitForAnnouncement(page, 'left forearm, front');
    expect(await page.getByTestId('body-map-marks').innerText()).toMatch(/^left forearm, front/);

    await page.keyboard.press('Tab');
    expect(await page.getByLabel('What was seen at mark 1').evaluate((element) => element.matches(':focus'))).toBe(true);
    await page.keyboard.type('Bruise about 3 cm across, yellowish; she said she fell off her bike.');
    await pressWithKeyboard(page.getByRole('button', { name: 'Save the body map' }));
    await waitForAnnouncement(page, 'Body map saved.');
    await chronologyLine(page, 'Body map: marked left forearm, front: Bruise about 3 cm across');
    await page.getByTestId('body-map').screenshot({ path: join(SHOTS, 'tab-body-map.png') });

    // The printed report has the outlines, the mark and what was seen, and none of the controls.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('body-mark').count()).toBe(1);
    expect(await page.getByTestId('body-map-marks').innerText()).toMatch(/left forearm, front\s+Bruise about 3 cm across/);
    expect(await page.getByRole('button', { name: 'Add a mark on the front' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });

  it('tells a second DSL editing the same incident that it changed, and shows it as it now is', async () => {
    const patti = await openIncident('dsl', 'C-00003');
    const sam = await openIncident('deputyDsl', 'C-00003');
    await sam.getByRole('button', { name: 'Link someone to this incident…' }).click();
    const linkOther = sam.getByRole('form', { name: 'Link them' });
    await linkOther.getByLabel('Someone else (a parent, someone outside school)').fill('Mr Jones (the parent who posted)');
    await linkOther.getByRole('combobox', { name: 'Their part' }).selectOption('causedHarm');
    await linkOther.getByRole('button', { name: 'Link them' }).click();
    await person(sam, 'Mr Jones').waitFor();

    await patti.getByRole('button', { name: 'Mark action taken' }).click();
    await patti
      .getByRole('main')
      .getByText(/Someone else changed this incident while you were looking at it/)
      .waitFor();
    await person(patti, 'Mr Jones').waitFor();
    expect(await person(patti, 'Mr Jones').innerText()).toMatch(/alleged to have caused harm/);
    expect(await patti.getByTestId('incident-status').innerText()).toBe('In progress');
    await patti.close();
    await sam.close();
  });

  it("shows the headteacher a pupil's chronology without the concern about the headteacher, not even a count", async () => {
    const dsl = (await tab.app.stores.people.find({ limit: 50 })).items.find((one) => one.roles.includes('dsl'))!;
    const mia = (await tab.app.stores.pupils.find({ limit: 50 })).items.find((one) => one.displayName === 'Mia Thompson')!;
    const aboutHead = (await tab.app.stores.incidents.find({ limit: 50 })).items.find((one) => one.aboutHeadteacher)!;
    const version = (await tab.app.stores.incidents.get(aboutHead.id))!.version;
    const linked = await fetch(`${tab.app.url}/api/incidents/${aboutHead.id}/steps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-person': dsl.id },
      body: JSON.stringify({ type: 'link', who: { pupilId: mia.id }, role: 'witness', version }),
    });
    expect(linked.status).toBe(201);

    const page = await tab.pageAs('headteacher');
    await page.goto(`${tab.app.url}/tab/?view=incidents`);
    await page.getByRole('tab', { name: 'Pupils', exact: true }).click();
    await page.getByRole('searchbox').fill('Mia');
    await page.getByRole('button', { name: 'Mia Thompson (6A)' }).click();
    await page.getByTestId('pupil-chronology').waitFor();
    const text = await page.getByTestId('pupil-chronology').innerText();
    expect(text).toContain('Incidents (1)');
    expect(text).toContain('C-00001');
    expect(text).not.toMatch(new RegExp(`C-${aboutHead.id.padStart(5, '0')}|\\(witness\\)|WhatsApp`));
    await page.close();
  });

  it('filters the log to incidents past their timescales, each with its badge', async () => {
    const dsl = (await tab.app.stores.people.find({ limit: 50 })).items.find((one) => one.roles.includes('dsl'))!;
    await tab.app.stores.incidents.insert(
      incident({
        status: 'inProgress',
        assigneeId: dsl.id,
        firstOpened: { at: tab.clock.now().toISOString(), byId: dsl.id, byName: dsl.displayName },
        followUps: [
          {
            id: 'f1',
            text: 'Ring the parent back',
            dueOn: '2026-01-05',
            assigneeId: dsl.id,
            assigneeName: dsl.displayName,
            setAt: '',
            setByName: '',
          },
        ],
      }),
    );
    const page = await tab.pageAs('dsl');
    await page.goto(`${tab.app.url}/tab/?view=incidents`);
    await page.getByTestId('incident-row').first().waitFor();
    await page.getByRole('combobox', { name: 'Timescales' }).selectOption('1');
    await waitForAnnouncement(page, /of \d+ incidents?/);
    const rows = await page.getByTestId('incident-row').allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.includes('A follow-up is overdue'))).toBe(true);
    expect(rows.every((row) => /overdue|Not opened within|deadline has passed/.test(row))).toBe(true);
    await page.close();
  });

  it('raised no errors in the page', () => {
    expect(tab.problems).toEqual([]);
  });
});
