/**
 * The *Waiting for me* page in real Chromium: first in the tab, what waits for the person with
 * counts, a request opened on its own page with the steps its card gives them, and the steps taken
 * there through the same rules: a request to open a site walked from the online safety lead to the
 * ICT technician, a refusal that needs reasons, a record that changed meanwhile shown as it now is,
 * a training record confirmed from the list itself, and pupils' use of the WiFi (s.7) decided there.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ACCESS_WORKFLOW } from '../../bot/src/domain/access/access-workflow';
import { applyStep } from '../../bot/src/domain/workflow/workflow-rules';
import { newAccessRequest } from '../../bot/src/domain/access/access-request';
import { PUPIL_WIFI_WORKFLOW } from '../../bot/src/domain/permission/pupil-wifi-workflow';
import { permissionStore } from '../../bot/src/app/requests/permission-kind';
import type { Person } from '../../bot/src/domain/people/person';
import type { Role } from '../../bot/src/domain/people/role';
import { describeInBrowser } from '../fixtures/browser';
import { waitForFocusOn } from '../fixtures/focus';
import { openTabApp, type TabApp } from '../fixtures/tab-app';

describeInBrowser('Waiting for me in the tab', () => {
  let tab: TabApp;
  let who: (name: string) => Person;

  beforeAll(async () => {
    tab = await openTabApp();
    const people = (await tab.app.stores.people.find({ limit: 50 })).items;
    who = (name) => people.find((person) => person.displayName === name)!;
  });
  afterAll(() => tab?.close());

  /** The tab as the demo school's first holder of the role, on the page it opens with. */
  async function tabAs(role: Role): Promise<Page> {
    const page = await tab.pageAs(role, { width: 1200, height: 900 });
    page.setDefaultTimeout(8_000);
    await page.goto(`${tab.app.url}/tab/`);
    await page.getByTestId('waiting-counts').waitFor();
    return page;
  }
  const rowTexts = (page: Page) => page.getByTestId('waiting-row').allInnerTexts();

  it('opens first, showing the headteacher what waits, newest first, with counts', async () => {
    const page = await tabAs('headteacher');
    expect(await page.getByRole('tab').first().innerText()).toBe('Waiting for me');
    expect(await page.getByRole('tab', { name: 'Waiting for me' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('waiting-counts').innerText()).toBe(
      '2 things wait for you: 1 blocked website request, 1 request to post. Newest first.',
    );
    const rows = await rowTexts(page);
    expect(rows[0]).toMatch(/P-1\s+Request to post\s+What a sports day![\s\S]*from Alex Wilber/);
    expect(rows[1]).toMatch(/A-2\s+Blocked website request\s+https:\/\/scratch\.mit\.edu\/projects\/editor\/[\s\S]*from Alex Wilber/);
    // For docs/screenshots/tab-waiting-for-me.png.
    await page.screenshot({ path: join(tmpdir(), 'osd-waiting-for-me.png') });
    await page.close();
  });

  it('tells someone with nothing waiting so', async () => {
    const page = await tabAs('admin');
    expect(await page.getByTestId('waiting-counts').innerText()).toMatch(/^Nothing is waiting for you\./);
    expect(await page.getByTestId('waiting-row').count()).toBe(0);
    await page.close();
  });

  it('walks a request to open a site from the online safety lead to the ICT technician, each from Waiting for me', async () => {
    const priya = who('Priya Shah');
    const request = await tab.app.stores.accessRequests.insert(
      newAccessRequest(
        {
          url: 'https://www.example.org/romans',
          siteContent: 'Roman Britain videos',
          reasons: 'Year 4 history',
          risksAndControls: 'Teacher screen only',
        },
        { personId: priya.id, name: priya.displayName },
        'e2e-chain',
        tab.clock.now(),
      ),
    );
    const reference = `A-${request.id}`;

    const take = async (role: Role, button: string, typed: Record<string, string>, done: RegExp) => {
      const page = await tabAs(role);
      await page.getByRole('button', { name: `Open ${reference}` }).click();
      const form = page.getByRole('form', { name: `Your step on ${reference}` });
      await form.waitFor();
      for (const [label, value] of Object.entries(typed)) await form.getByRole('textbox', { name: label }).fill(value);
      await form.getByRole('button', { name: button }).click();
      await page.getByRole('main').getByText(done).waitFor();
      // The step is not offered again (the site once opened, the ICT technician may still block it again).
      expect(
        await page
          .getByRole('form', { name: `Your step on ${reference}` })
          .getByRole('button', { name: button })
          .count(),
      ).toBe(0);
      await page.getByRole('button', { name: 'Back to Waiting for me' }).click();
      await page.getByTestId('waiting-counts').waitFor();
      expect((await rowTexts(page)).join('\n')).not.toContain(reference);
      await page.close();
    };
    await take(
      'onlineSafetyLead',
      'Send to the headteacher',
      { 'Note (required if you return it)': 'Fine for lessons.' },
      /Sent to the headteacher for a decision/,
    );
    await take('headteacher', 'Approve', { 'Reasons (required if you refuse)': 'Curriculum content.' }, /Approved and signed/);
    await take(
      'ictTechnician',
      'Done — site opened',
      { 'What was changed on the filter (optional)': 'Allowed for staff devices.' },
      /Marked as done/,
    );

    const after = (await tab.app.stores.accessRequests.get(request.id))!;
    expect(after.state).toBe('unblocked');
    expect([after.leadReview!.signature.name, after.decision!.signature.name, after.actioned!.signature.name]).toEqual([
      'Megan Bowen',
      'Adele Vance',
      'Isaiah Langer',
    ]);
    expect(after.actioned!.note).toBe('Allowed for staff devices.');
  });

  it('lets the headteacher end an unblock sooner when approving it, and refuses a later day under the date', async () => {
    const priya = who('Priya Shah');
    const opened = newAccessRequest(
      {
        url: 'https://www.example.org/vikings',
        siteContent: 'Viking longships',
        reasons: 'Year 5 history',
        risksAndControls: 'Teacher screen only',
        period: { from: '2026-11-24', to: '2026-12-18' },
        scope: { kind: 'staff' },
      },
      { personId: priya.id, name: priya.displayName },
      'e2e-sooner',
      tab.clock.now(),
    );
    const forwarded = applyStep(ACCESS_WORKFLOW, { ...opened, id: '0' }, { type: 'forward' }, who('Megan Bowen'), tab.clock.now());
    if (!forwarded.ok) throw new Error(forwarded.error.message);
    const { id: _unsaved, ...withHeadteacher } = forwarded.request;
    const request = await tab.app.stores.accessRequests.insert(withHeadteacher);
    const reference = `A-${request.id}`;

    const page = await tabAs('headteacher');
    await page.getByRole('button', { name: `Open ${reference}` }).click();
    const form = page.getByRole('form', { name: `Your step on ${reference}` });
    const day = form.getByLabel('End it sooner: an earlier last day (optional)');
    await day.fill('2027-01-08');
    await form.getByRole('button', { name: 'Approve' }).click();
    await form.getByText('The last day can only be sooner than 18 December 2026; a longer unblock is a new request.').waitFor();
    expect((await tab.app.stores.accessRequests.get(request.id))!.state).toBe('withHeadteacher');

    await day.fill('2026-12-04');
    await form.getByRole('button', { name: 'Approve' }).click();
    await page
      .getByRole('main')
      .getByText(/Approved and signed/)
      .waitFor();
    expect((await tab.app.stores.accessRequests.get(request.id))!).toMatchObject({
      state: 'approved',
      period: { from: '2026-11-24', to: '2026-12-04' },
    });
    await page.close();
  });

  it('asks for reasons before a refusal, keeping what was typed, then refuses a request to post', async () => {
    const page = await tabAs('headteacher');
    await page.getByRole('button', { name: 'Open P-1' }).click();
    await page.getByTestId('media-image').first().waitFor();
    const form = page.getByRole('form', { name: 'Your step on P-1' });
    await form.getByRole('button', { name: 'Refuse' }).click();
    await form.getByText('A refusal needs reasons, so the requester knows what to change.').waitFor();
    expect((await tab.app.stores.postingRequests.get('1'))!.state).toBe('withHeadteacher');
    await form
      .getByRole('textbox', { name: 'Reasons (required if you refuse)' })
      .fill('Please wait until the parents have seen the photos.');
    await form.getByRole('button', { name: 'Refuse' }).click();
    await page.getByRole('main').getByText('Refused and signed. The requester is being told, with your reasons.').waitFor();
    expect(await page.getByTestId('posting-request').innerText()).toMatch(/Permission to post P-1\s*Refused/);
    expect((await tab.app.stores.postingRequests.get('1'))!.decision).toMatchObject({
      approved: false,
      reasons: 'Please wait until the parents have seen the photos.',
    });
    await page.close();
  });

  it('shows a request that changed meanwhile as it is now, and changes nothing', async () => {
    const page = await tabAs('headteacher');
    await page.getByRole('button', { name: 'Open A-2' }).click();
    const form = page.getByRole('form', { name: 'Your step on A-2' });
    await form.waitFor();
    // Meanwhile, its requester withdraws it on its card.
    const seen = (await tab.app.stores.accessRequests.get('2'))!;
    const withdrawn = applyStep(ACCESS_WORKFLOW, seen, { type: 'withdraw' }, who('Alex Wilber'), tab.clock.now());
    if (!withdrawn.ok) throw new Error(withdrawn.error.message);
    await tab.app.stores.accessRequests.update({ ...withdrawn.request, version: seen.version });

    await form.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('main').getByText('This request is already "Withdrawn", so nothing was changed.').waitFor();
    expect(await page.getByTestId('access-request').innerText()).toMatch(/Blocked website request A-2\s*Withdrawn/);
    expect(await page.getByRole('form', { name: 'Your step on A-2' }).count()).toBe(0);
    expect((await tab.app.stores.accessRequests.get('2'))!.decision).toBeUndefined();
    await page.screenshot({ path: join(tmpdir(), 'osd-waiting-stale.png') });
    await page.close();
  });

  it('confirms training from the list itself, after asking why for a refusal', async () => {
    const alex = who('Alex Wilber');
    const claim = await tab.app.stores.trainingRecords.insert({
      requirementId: 'staff-online-safety',
      audience: 'staff',
      subjectId: alex.id,
      subjectName: alex.displayName,
      completedOn: '2026-11-20',
      evidence: 'INSET day certificate',
      recordedById: alex.id,
      recordedByName: alex.displayName,
      recordedAt: tab.clock.now().toISOString(),
      status: 'awaitingConfirmation',
    });
    const page = await tabAs('onlineSafetyLead');
    const open = page.getByRole('button', { name: `Open TR-${claim.id}` });
    await open.click();
    const panel = page.getByTestId('waiting-panel');
    expect(await panel.innerText()).toMatch(/Completed on\s+2026-11-20[\s\S]*Evidence\s+INSET day certificate/);
    await panel.getByRole('button', { name: 'Not confirmed' }).click();
    await panel.getByText(/Why it is not confirmed is required/).waitFor();
    await panel.getByRole('button', { name: 'Confirm', exact: true }).click();
    await page.getByRole('main').getByText(`TR-${claim.id}: Confirmed. They are being told.`).waitFor();
    await waitForFocusOn(page.getByRole('heading', { name: 'Waiting for me' }));
    expect((await rowTexts(page)).join('\n')).not.toContain(`TR-${claim.id}`);
    expect((await tab.app.stores.trainingRecords.get(claim.id))!).toMatchObject({ status: 'confirmed', confirmedByName: 'Megan Bowen' });
    await page.close();
  });

  it("decides pupils' use of the school WiFi from the list itself: the headteacher approves, the online safety lead records the measures", async () => {
    const priya = who('Priya Shah');
    const draft = PUPIL_WIFI_WORKFLOW.submission.open(
      {
        className: '6A',
        classNameName: 'Class 6A',
        platform: 'Padlet',
        purpose: 'Book reviews',
        startDate: '2026-11-30',
        endDate: '2026-12-18',
        supervisorId: priya.id,
        supervisorIdName: priya.displayName,
      },
      { personId: priya.id, name: priya.displayName },
      'e2e-wifi',
      tab.clock.now(),
    );
    const request = await permissionStore(tab.app.stores.permissionRequests, 'pupilWifi').insert(draft);
    const reference = `PW-${request.id}`;

    const head = await tabAs('headteacher');
    expect((await rowTexts(head)).join('\n')).toMatch(
      new RegExp(`${reference}\\s+Pupils on the school WiFi\\s+Class 6A: Padlet[\\s\\S]*from Priya Shah`),
    );
    await head.getByRole('button', { name: `Open ${reference}` }).click();
    const panel = head.getByTestId('waiting-panel');
    await panel.getByRole('textbox', { name: 'Reasons (required if you refuse)' }).fill('Supervised, this term only.');
    await panel.getByRole('button', { name: 'Approve' }).click();
    await head.getByRole('main').getByText(`${reference}: Approved and signed. The requester is being told.`).waitFor();
    await head.close();

    const lead = await tabAs('onlineSafetyLead');
    await lead.getByRole('button', { name: `Open ${reference}` }).click();
    await lead.getByTestId('waiting-panel').getByRole('button', { name: 'Measures applied' }).click();
    await lead.getByRole('main').getByText(`${reference}: Recorded. The people concerned are being told.`).waitFor();
    expect((await rowTexts(lead)).join('\n')).not.toContain(reference);
    expect(await permissionStore(tab.app.stores.permissionRequests, 'pupilWifi').get(request.id)).toMatchObject({
      state: 'completed',
      decision: { reasons: 'Supervised, this term only.' },
      completed: { signature: { name: 'Megan Bowen' } },
    });
    await lead.close();
  });

  it('opens an access request from the requests list, read-only for someone who may only see it', async () => {
    const page = await tabAs('headteacher');
    await page.getByRole('tab', { name: 'Blocked website requests' }).click();
    await page.getByRole('button', { name: 'Open request A-1' }).click();
    await page.getByTestId('access-request').waitFor();
    const text = await page.getByTestId('access-request').innerText();
    expect(text).toMatch(/Full URL\s+https:\/\/www\.bbc\.co\.uk\/bitesize/);
    expect(text).toMatch(/ICT action\s+Site opened\s+signed in Teams by Isaiah Langer/);
    expect(await page.getByTestId('step-form').count()).toBe(0);
    await page.getByRole('button', { name: 'Back to all requests' }).click();
    await page.getByTestId('access-request-row').first().waitFor();
    await page.close();
  });

  it('raised no errors in the pages', () => {
    expect(tab.problems).toEqual([]);
  });
});
