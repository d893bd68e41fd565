/**
 * The *Waiting for me* page's API: the list, and the steps taken from the tab, through the same use
 * cases as the cards: the rules, the audit, the signatures, the notices in Teams and the
 * out-of-date check are the cards' own. A stale write is 409 with the record as it is now.
 */
import { newAccessRequest, type AccessRequestState } from '../../../bot/src/domain/access/access-request';
import type { Person } from '../../../bot/src/domain/people/person';
import { allText } from '../../fixtures/cards';
import { cardOf } from '../../fixtures/connector-stand-in';
import { teamsUser } from '../../fixtures/teams-activities';
import { TestApp } from '../../fixtures/test-app';

const isaiah = teamsUser('Isaiah Langer', '00000000-0000-0000-0000-0000000000023');
const alex = teamsUser('Alex Wilber', '00000000-0000-0000-0000-0000000000020');

type Json = Record<string, unknown> & {
  request?: Json & { state: string; version: number; steps: string[] };
  error?: string;
  fields?: Record<string, string>;
};

describe("waiting for me, in the tab's API", () => {
  let t: TestApp;
  let who: (name: string) => Person;

  beforeAll(async () => {
    t = await new TestApp().start();
    for (const user of [isaiah, alex]) await t.install(user);
    const people = (await t.app.stores.people.find({ limit: 50 })).items;
    who = (name) => people.find((person) => person.displayName === name)!;
  });
  afterAll(() => t.stop());

  const call = async (
    name: string,
    method: 'GET' | 'POST',
    path: string,
    body?: object,
  ): Promise<{ status: number; body: Json; headers: Headers }> => {
    const response = await fetch(`${t.app.url}${path}`, {
      method,
      headers: { 'x-demo-person': who(name).id, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const answer = { status: response.status, body: (await response.json()) as Json, headers: response.headers };
    await t.app.background.idle();
    return answer;
  };

  async function request(state: AccessRequestState, by = 'Priya Shah'): Promise<{ id: string; version: number }> {
    const requester = who(by);
    const draft = newAccessRequest(
      { url: 'https://example.org/maths', siteContent: 'Maths games', reasons: 'Year 3', risksAndControls: 'Adverts' },
      { personId: requester.id, name: requester.displayName },
      `api-${Math.random()}`,
      t.clock.now(),
    );
    const saved = await t.app.stores.accessRequests.insert({ ...draft, state });
    return { id: saved.id, version: saved.version };
  }

  it('lists what waits for the person with counts by kind, never kept by a browser', async () => {
    const { id } = await request('withHeadteacher');
    const answer = await call('Adele Vance', 'GET', '/api/waiting');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const items = answer.body.items as { reference: string; recordType: string; steps: string[]; title: string; from: string }[];
    expect(items[0]).toMatchObject({
      reference: `A-${id}`,
      recordType: 'accessRequest',
      steps: ['approve', 'refuse'],
      title: 'https://example.org/maths',
      from: 'Priya Shah',
    });
    expect(answer.body.counts).toEqual({
      accessRequest: 2,
      postingRequest: 1,
      takedown: 0,
      trainingRecord: 0,
      staffPersonalAccount: 0,
      pupilWifi: 0,
      accountPassword: 0,
      reviewAction: 0,
    });
    expect((await call('Priya Shah', 'GET', '/api/waiting')).body.items).toEqual([]);
  });

  it('approves from the tab as the card does: signed, audited, and the ICT technician asked in Teams', async () => {
    const { id, version } = await request('withHeadteacher');
    const before = t.connector.sent.length;
    const answer = await call('Adele Vance', 'POST', `/api/access-requests/${id}/steps`, {
      verb: 'approve',
      reasons: 'Curriculum content.',
      version,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.request).toMatchObject({
      state: 'approved',
      stateLabel: 'Approved — waiting for ICT',
      steps: [],
      decision: { approved: true, reasons: 'Curriculum content.', signedBy: 'Adele Vance' },
    });
    expect((await t.app.stores.audit.forRecord('accessRequest', id)).map((entry) => entry.action)).toContain('access-request.approve');
    const toIsaiah = t.connector.sent.slice(before).filter((entry) => entry.conversationId === isaiah.conversationId);
    expect(allText(cardOf(toIsaiah[0]))).toMatch(/please open this site on the school filter/);
  });

  it('refuses a refusal without reasons, by its field, and changes nothing', async () => {
    const { id, version } = await request('withHeadteacher');
    const answer = await call('Adele Vance', 'POST', `/api/access-requests/${id}/steps`, { verb: 'refuse', reasons: '  ', version });
    expect(answer.status).toBe(422);
    expect(answer.body.fields).toEqual({ reasons: expect.stringMatching(/A refusal needs reasons/) });
    expect((await t.app.stores.accessRequests.get(id))!.state).toBe('withHeadteacher');
  });

  it('answers a page that showed an older version with 409 and the request as it is now', async () => {
    const { id, version } = await request('withOnlineSafetyLead');
    const lead = await call('Megan Bowen', 'POST', `/api/access-requests/${id}/steps`, { verb: 'forward', reasons: 'Fine.', version });
    expect(lead.status).toBe(200);
    const stale = await call('Megan Bowen', 'POST', `/api/access-requests/${id}/steps`, {
      verb: 'return',
      reasons: 'Which page?',
      version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.request).toMatchObject({ state: 'withHeadteacher', leadReview: { outcome: 'forwarded', signedBy: 'Megan Bowen' } });
    expect(stale.body.error).toBe('This request is already "With the headteacher", so nothing was changed.');

    // Changed without moving on (as when the record is saved again): still not acted on unseen.
    const current = (await t.app.stores.accessRequests.get(id))!;
    await t.app.stores.accessRequests.update(current);
    const unseen = await call('Adele Vance', 'POST', `/api/access-requests/${id}/steps`, { verb: 'approve', version: current.version });
    expect(unseen.status).toBe(409);
    expect(unseen.body.error).toMatch(/Someone else changed this a moment ago, so nothing was changed/);
    expect(unseen.body.request).toMatchObject({ state: 'withHeadteacher', version: current.version + 1 });
  });

  it('answers 409 when the requester withdrew it meanwhile, even with the version the headteacher saw', async () => {
    const { id, version } = await request('withHeadteacher', 'Alex Wilber');
    expect((await call('Alex Wilber', 'POST', `/api/access-requests/${id}/steps`, { verb: 'withdraw', version })).status).toBe(200);
    const late = await call('Adele Vance', 'POST', `/api/access-requests/${id}/steps`, { verb: 'approve', version: version + 1 });
    expect(late.status).toBe(409);
    expect(late.body.request).toMatchObject({ state: 'withdrawn' });
  });

  it('refuses someone who may not take the step (403, audited) and a resubmission, which needs the form in the chat (400)', async () => {
    const { id, version } = await request('withHeadteacher');
    expect((await call('Priya Shah', 'POST', `/api/access-requests/${id}/steps`, { verb: 'approve', version })).status).toBe(403);
    expect((await t.app.stores.audit.forRecord('accessRequest', id)).map((entry) => entry.action)).toEqual([
      'access-request.approve.denied',
    ]);
    expect((await call('Priya Shah', 'POST', `/api/access-requests/${id}/steps`, { verb: 'resubmit', version })).status).toBe(400);
    expect((await call('Adele Vance', 'POST', `/api/access-requests/${id}/steps`, { verb: 'approve' })).status).toBe(400);
  });

  it('refuses hidden characters in what was typed, as the card does', async () => {
    const { id, version } = await request('withHeadteacher');
    const answer = await call('Adele Vance', 'POST', `/api/access-requests/${id}/steps`, {
      verb: 'refuse',
      reasons: 'Not \u202Esuitable',
      version,
    });
    expect(answer.status).toBe(422);
    expect(Object.keys(answer.body.fields!)).toEqual(['reasons']);
  });

  it('shows an access request to those who may see it, with the steps each may take', async () => {
    const { id } = await request('withOnlineSafetyLead');
    expect((await call('Priya Shah', 'GET', `/api/access-requests/${id}`)).body).toMatchObject({
      reference: `A-${id}`,
      steps: ['withdraw'],
      stateLabel: 'With the online safety lead',
    });
    expect((await call('Megan Bowen', 'GET', `/api/access-requests/${id}`)).body).toMatchObject({ steps: ['forward', 'return'] });
    expect((await call('Alex Wilber', 'GET', `/api/access-requests/${id}`)).status).toBe(403);
    expect((await call('Alex Wilber', 'GET', '/api/access-requests/99999')).status).toBe(404);
  });

  it('decides a request to post from the tab, refusing a refusal without reasons', async () => {
    const posting = (await t.app.stores.postingRequests.find({ where: { state: 'withHeadteacher' }, limit: 1 })).items[0]!;
    const shown = await call('Adele Vance', 'GET', `/api/posting-requests/${posting.id}`);
    expect(shown.body).toMatchObject({ steps: ['approve', 'refuse'] });
    expect(
      (await call('Adele Vance', 'POST', `/api/posting-requests/${posting.id}/steps`, { verb: 'refuse', version: posting.version })).status,
    ).toBe(422);
    const refused = await call('Adele Vance', 'POST', `/api/posting-requests/${posting.id}/steps`, {
      verb: 'refuse',
      reasons: 'Not this week.',
      version: posting.version,
    });
    expect(refused.status).toBe(200);
    expect(refused.body.request).toMatchObject({ state: 'refused', steps: [] });
    const [audit] = (await t.app.stores.audit.forRecord('postingRequest', posting.id)).filter(
      (entry) => entry.action === 'posting-request.refuse',
    );
    expect(audit!.actorName).toBe('Adele Vance');
  });

  it('closes a takedown task from the tab: a reason when it cannot be removed, and 409 once it is closed', async () => {
    const owner = who('Patti Fernandez');
    const task = await t.app.stores.takedowns.insert({
      postId: '1',
      pupilId: '1',
      media: 'images',
      noticeId: '1',
      ownerId: owner.id,
      status: 'to do',
      reason: '',
      updatedAt: t.clock.now().toISOString(),
    });
    expect((await call('Patti Fernandez', 'GET', '/api/waiting')).body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ reference: `T-${task.id}`, steps: ['removed', 'cannotBeRemoved'] })]),
    );
    expect((await call('Priya Shah', 'POST', `/api/takedowns/${task.id}/steps`, { verb: 'removed', version: task.version })).status).toBe(
      403,
    );
    const noReason = await call('Patti Fernandez', 'POST', `/api/takedowns/${task.id}/steps`, {
      verb: 'cannotBeRemoved',
      reasons: '',
      version: task.version,
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.fields).toEqual({ reasons: expect.stringMatching(/Say why the post cannot be removed/) });
    const closed = await call('Patti Fernandez', 'POST', `/api/takedowns/${task.id}/steps`, {
      verb: 'cannotBeRemoved',
      reasons: 'The platform deleted the account.',
      version: task.version,
    });
    expect(closed.status).toBe(200);
    expect(closed.body.task).toMatchObject({ status: 'cannot be removed', reason: 'The platform deleted the account.' });
    const again = await call('Patti Fernandez', 'POST', `/api/takedowns/${task.id}/steps`, { verb: 'removed', version: task.version });
    expect(again.status).toBe(409);
    expect(again.body.task).toMatchObject({ status: 'cannot be removed' });
  });
});
