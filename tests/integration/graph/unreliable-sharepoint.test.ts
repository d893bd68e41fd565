/**
 * Nothing lost and nothing stored twice, under faults: with SharePoint failing one request in five at random (429,
 * 503, dropped connections — sometimes after the write was applied), every request a person
 * submits is stored exactly once, or they are told it was not saved. Never lost and reported saved.
 */
import { allText } from '../../fixtures/cards';
import { cardActionInvoke, teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';
import { LISTS } from '../../../bot/src/adapters/graph/sharepoint/lists';
import { RECORDS_SITE_ID, SITE_ID } from '../../fixtures/sharepoint-site';

const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020');
const megan = teamsUser('Megan Bowen', '00000000-0000-0000-0000-0000000000021');
const SUBMISSIONS = 40;

type Told = 'saved' | 'not saved';

function whatThePersonWasTold(body: unknown): Told {
  const answer = body as { type: string; value: unknown };
  if (answer.type === 'application/vnd.microsoft.activity.message') return 'not saved';
  const text = allText(answer.value as Record<string, unknown>);
  if (/Saved as request A-\d+|Sent to the headteacher/.test(text)) return 'saved';
  if (/was NOT saved|could not be reached/.test(text)) return 'not saved';
  throw new Error(`The person was told something unclear: ${text.slice(0, 300)}`);
}

describe('submitting requests while SharePoint fails one request in five', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await new TestApp('sharepoint').start();
    await t.install(alex);
    await t.install(megan);
  });
  afterAll(() => t.stop());

  /** The next `count` new items in a list of the records site fail (503, before anything is written). */
  function failWritesTo(list: { displayName: string }, count: number): void {
    const found = t.graph!.lists(RECORDS_SITE_ID).find((candidate) => candidate.displayName === list.displayName)!;
    t.graph!.failNext(count, { status: 503, matching: new RegExp(`^POST .*/lists/${found.id}/items$`) });
  }
  const failAuditWrites = (count: number) => failWritesTo(LISTS.audit, count);

  /** A new request from Alex, with the online safety lead, stored with everything that goes with it. */
  async function requestWithTheLead(submissionKey: string): Promise<string> {
    const form = { submissionKey, url: `https://example.org/${submissionKey}`, siteContent: 'Videos', reasons: 'Lessons' };
    await t.post(
      cardActionInvoke(alex, t.serviceUrl, `form-${submissionKey}`, 'submitAccessRequest', {
        ...form,
        risksAndControls: 'Teacher screen only',
        scope: 'staff',
      }),
    );
    await t.app.background.idle();
    return t.graph!.items(SITE_ID, LISTS.accessRequests.displayName).find((item) => item.fields.submissionKey === submissionKey)!.id;
  }

  it('stores each request exactly once, or tells the person it was not saved', async () => {
    t.graph!.failRandomly(0.2, { seed: 20261124 });
    const told = new Map<string, Told>();
    for (let i = 1; i <= SUBMISSIONS; i++) {
      const form = {
        submissionKey: `fault-${i}`,
        url: `https://example.org/page-${i}`,
        siteContent: 'Videos',
        reasons: 'Lessons',
        risksAndControls: 'Teacher screen only',
        scope: 'staff',
      };
      const response = await t.post(cardActionInvoke(alex, t.serviceUrl, `form-${i}`, 'submitAccessRequest', form));
      expect(response.status).toBe(200);
      told.set(form.submissionKey, whatThePersonWasTold(response.body));
    }
    await t.app.background.idle();
    t.graph!.stopFailing();

    const injected = t.graph!.requests.filter((request) => request.injected).length;
    expect(injected).toBeGreaterThan(10);
    const stored = t.graph!.items(SITE_ID, LISTS.accessRequests.displayName).map((item) => String(item.fields.submissionKey));
    for (const [key, answer] of told) {
      const copies = stored.filter((storedKey) => storedKey === key).length;
      if (answer === 'saved') expect({ key, copies }).toEqual({ key, copies: 1 });
      else expect({ key, copies: Math.min(copies, 1) }).toEqual({ key, copies });
    }
    expect([...told.values()].filter((answer) => answer === 'saved').length).toBeGreaterThan(SUBMISSIONS / 2);

    // Each saved request has exactly one "submitted" audit entry: retried writes left no copies.
    const audit = t.graph!.items(RECORDS_SITE_ID, LISTS.audit.displayName).map((item) => item.fields);
    for (const item of t
      .graph!.items(SITE_ID, LISTS.accessRequests.displayName)
      .filter((request) => told.get(String(request.fields.submissionKey)) === 'saved')) {
      expect(audit.filter((entry) => entry.recordId === item.id && entry.action === 'access-request.submitted')).toHaveLength(1);
    }
  });

  it('forwards each request once, or says nothing was changed, while SharePoint keeps failing', async () => {
    const waiting = t
      .graph!.items(SITE_ID, LISTS.accessRequests.displayName)
      .filter((item) => item.fields.state === 'withOnlineSafetyLead' && String(item.fields.submissionKey).startsWith('fault-'));
    t.graph!.failRandomly(0.2, { seed: 42 });
    const told = new Map<string, Told>();
    for (const item of waiting) {
      const response = await t.post(
        cardActionInvoke(megan, t.serviceUrl, `review-${item.id}`, 'forwardAccessRequest', { requestId: item.id }),
      );
      expect(response.status).toBe(200);
      told.set(item.id, whatThePersonWasTold(response.body));
    }
    await t.app.background.idle();
    t.graph!.stopFailing();
    const stored = new Map(t.graph!.items(SITE_ID, LISTS.accessRequests.displayName).map((item) => [item.id, item.fields.state]));
    const audit = t.graph!.items(RECORDS_SITE_ID, LISTS.audit.displayName).map((item) => item.fields);
    for (const [id, answer] of told) {
      if (answer !== 'saved') continue;
      expect({ id, state: stored.get(id) }).toEqual({ id, state: 'withHeadteacher' });
      expect(audit.filter((entry) => entry.recordId === id && entry.action === 'access-request.forward')).toHaveLength(1);
    }
    expect([...told.values()].filter((answer) => answer === 'saved').length).toBeGreaterThan(waiting.length / 2);
  });

  it('tells the person "not saved" when Microsoft 365 refuses the app (403), and logs why for the administrator', async () => {
    t.graph!.failNext(6, { status: 403 });
    const form = {
      submissionKey: 'refused-1',
      url: 'https://example.org/refused',
      siteContent: 'Videos',
      reasons: 'Lessons',
      risksAndControls: 'Teacher screen only',
      scope: 'staff',
    };
    const response = await t.post(cardActionInvoke(alex, t.serviceUrl, 'form-refused', 'submitAccessRequest', form));
    t.graph!.stopFailing();
    expect(whatThePersonWasTold(response.body)).toBe('not saved');
    expect(t.logs.some((line) => line.level === 'error' && /refused the app's access \(403\)/.test(line.message))).toBe(true);
  });

  it('a request reported as not saved can be sent again from the same form, and is then stored once', async () => {
    const form = {
      submissionKey: 'retry-1',
      url: 'https://example.org/retry',
      siteContent: 'Videos',
      reasons: 'Lessons',
      risksAndControls: 'Teacher screen only',
      scope: 'staff',
    };
    t.graph!.failNext(12, { status: 503 });
    const first = await t.post(cardActionInvoke(alex, t.serviceUrl, 'form-retry', 'submitAccessRequest', form));
    expect(whatThePersonWasTold(first.body)).toBe('not saved');
    t.graph!.stopFailing();
    const second = await t.post(cardActionInvoke(alex, t.serviceUrl, 'form-retry', 'submitAccessRequest', form));
    expect(whatThePersonWasTold(second.body)).toBe('saved');
    await t.app.background.idle();
    expect(
      t.graph!.items(SITE_ID, LISTS.accessRequests.displayName).filter((item) => item.fields.submissionKey === 'retry-1'),
    ).toHaveLength(1);
  });

  it('a new request saved while its audit entry could not be stored is told saved, and its audit entry is stored once after the answer', async () => {
    const form = {
      submissionKey: 'audit-later-0',
      url: 'https://example.org/audit-later-0',
      siteContent: 'Videos',
      reasons: 'Lessons',
      risksAndControls: 'Teacher screen only',
      scope: 'staff',
    };
    await t.app.background.idle();
    failAuditWrites(5);
    const response = await t.post(cardActionInvoke(alex, t.serviceUrl, 'form-audit-later-0', 'submitAccessRequest', form));
    expect(whatThePersonWasTold(response.body)).toBe('saved');
    await t.app.background.idle();
    t.graph!.stopFailing();
    const request = t
      .graph!.items(SITE_ID, LISTS.accessRequests.displayName)
      .find((item) => item.fields.submissionKey === 'audit-later-0')!;
    const audit = t.graph!.items(RECORDS_SITE_ID, LISTS.audit.displayName).map((item) => item.fields);
    expect(audit.filter((entry) => entry.recordId === request.id && entry.action === 'access-request.submitted')).toHaveLength(1);
    // It was left unstored in the click, and stored only after the answer.
    expect(
      t.logs.some((line) => line.level === 'error' && new RegExp(`new accessRequest ${request.id} could not all`).test(line.message)),
    ).toBe(true);
  });

  it('a decision whose first notice could not be stored in the click: planned again, stored once, sent, and not reported missing', async () => {
    const id = await requestWithTheLead('notice-later-1');
    // The first notice fails inside the decision's batch and at each of its own tries.
    failWritesTo(LISTS.outbox, 5);
    const response = await t.post(cardActionInvoke(megan, t.serviceUrl, `review-${id}`, 'forwardAccessRequest', { requestId: id }));
    expect(whatThePersonWasTold(response.body)).toBe('saved');
    await t.app.background.idle();
    t.graph!.stopFailing();
    expect(
      t.logs.some((line) => line.level === 'error' && new RegExp(`step on accessRequest ${id} could not all`).test(line.message)),
    ).toBe(true);
    expect(t.logs.some((line) => /Still not stored/.test(line.message))).toBe(false);
    const notices = t
      .graph!.items(RECORDS_SITE_ID, LISTS.outbox.displayName)
      .filter((item) => String(item.fields.run) === `step accessRequest ${id} v2`);
    const keys = notices.map((item) => String(item.fields.key));
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
    expect(notices.map((item) => item.fields.status).filter((status) => status === 'pending')).toEqual([]);
  });

  it('a decision saved while its audit entry could not be stored is told saved, and its audit entry is stored once after the answer', async () => {
    const form = {
      submissionKey: 'audit-later-1',
      url: 'https://example.org/audit-later',
      siteContent: 'Videos',
      reasons: 'Lessons',
      risksAndControls: 'Teacher screen only',
      scope: 'staff',
    };
    await t.post(cardActionInvoke(alex, t.serviceUrl, 'form-audit-later', 'submitAccessRequest', form));
    await t.app.background.idle();
    const request = t
      .graph!.items(SITE_ID, LISTS.accessRequests.displayName)
      .find((item) => item.fields.submissionKey === 'audit-later-1')!;
    // Every write to the audit log fails: inside the decision's batch, then each of its own tries.
    failAuditWrites(5);
    const response = await t.post(
      cardActionInvoke(megan, t.serviceUrl, `review-${request.id}`, 'forwardAccessRequest', { requestId: request.id }),
    );
    expect(whatThePersonWasTold(response.body)).toBe('saved');
    await t.app.background.idle();
    t.graph!.stopFailing();
    const forwarded = t.graph!.items(SITE_ID, LISTS.accessRequests.displayName).find((item) => item.id === request.id)!;
    expect(forwarded.fields.state).toBe('withHeadteacher');
    const audit = t.graph!.items(RECORDS_SITE_ID, LISTS.audit.displayName).map((item) => item.fields);
    expect(audit.filter((entry) => entry.recordId === request.id && entry.action === 'access-request.forward')).toHaveLength(1);
    expect(t.logs.some((line) => line.level === 'error' && /could not all be stored/.test(line.message))).toBe(true);
    expect(t.logs.some((line) => /Still not stored/.test(line.message))).toBe(false);
  });
});
