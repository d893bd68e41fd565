/**
 * The access matrix, generated from the one permissions table: every role (and the requester)
 * × every card action and every API route, through the real bot endpoint and HTTP API.
 */
import { newAccessRequest, type AccessRequestState } from '../../bot/src/domain/access/access-request';
import { may, PERMISSIONS, type Action } from '../../bot/src/domain/authorization/permissions';
import type { Person } from '../../bot/src/domain/people/person';
import { ROLES, type Role } from '../../bot/src/domain/people/role';
import { allText } from '../fixtures/cards';
import { cardActionInvoke, teamsUser, type TeamsUser } from '../fixtures/teams-activities';
import { TestApp } from '../fixtures/test-app';

const FORM = { url: 'https://example.org/matrix', siteContent: 'Maths games', reasons: 'Year 3 lessons', risksAndControls: 'Adverts: teacher screen only' };

/** Each step's card verb, the state it acts on, and the typed data it needs. */
const STEPS: { action: Action; verb: string; from: AccessRequestState; data: Record<string, string> }[] = [
  { action: 'accessRequest.forward', verb: 'forwardAccessRequest', from: 'withOnlineSafetyLead', data: {} },
  { action: 'accessRequest.return', verb: 'returnAccessRequest', from: 'withOnlineSafetyLead', data: { note: 'Which page?' } },
  { action: 'accessRequest.approve', verb: 'approveAccessRequest', from: 'withHeadteacher', data: {} },
  { action: 'accessRequest.refuse', verb: 'refuseAccessRequest', from: 'withHeadteacher', data: { reasons: 'Not suitable' } },
  { action: 'accessRequest.markDone', verb: 'markAccessRequestDone', from: 'approved', data: {} },
  { action: 'accessRequest.withdraw', verb: 'withdrawAccessRequest', from: 'withHeadteacher', data: {} },
  { action: 'accessRequest.resubmit', verb: 'resubmitAccessRequest', from: 'returnedToRequester', data: FORM },
];

describe('the access matrix (from PERMISSIONS)', () => {
  let t: TestApp;
  const people = new Map<Role | 'requester', { person: Person; user: TeamsUser }>();

  beforeAll(async () => {
    t = await new TestApp().start();
    for (const [index, holder] of [...ROLES, 'requester' as const].entries()) {
      const aad = `aaaaaaaa-0000-0000-0000-${String(index + 1).padStart(12, '0')}`;
      const roles: Role[] = holder === 'requester' ? ['staff'] : [holder];
      const person = await t.app.stores.people.insert({ displayName: `Only ${holder}`, aadObjectId: aad, roles });
      people.set(holder, { person, user: teamsUser(`Only ${holder}`, aad) });
    }
  });
  afterAll(() => t.stop());

  const holders = [...ROLES, 'requester' as const];

  async function requestIn(state: AccessRequestState): Promise<string> {
    const requester = people.get('requester')!.person;
    const draft = newAccessRequest(FORM, { personId: requester.id, name: requester.displayName }, `matrix-${Math.random()}`, new Date());
    return (await t.app.stores.accessRequests.insert({ ...draft, state })).id;
  }

  describe.each(STEPS)('card action $verb', ({ action, verb, from, data }) => {
    it.each(holders)('by %s', async (holder) => {
      const requestId = await requestIn(from);
      const { person, user } = people.get(holder)!;
      const requesterId = people.get('requester')!.person.id;
      await t.click(user, `card-${requestId}`, verb, { requestId, ...data });
      const after = await t.app.stores.accessRequests.get(requestId);
      expect({ holder, changed: after!.state !== from }).toEqual({ holder, changed: may(person, action, requesterId) });
    });
  });

  it.each(holders)('submitting a request as %s', async (holder) => {
    const { person, user } = people.get(holder)!;
    const response = await t.post(cardActionInvoke(user, t.serviceUrl, 'form', 'submitAccessRequest', { submissionKey: `matrix-submit-${holder}`, ...FORM }));
    const saved = /Saved as request/.test(allText((response.body as { value: Record<string, unknown> }).value));
    expect({ holder, saved }).toEqual({ holder, saved: may(person, 'accessRequest.submit') });
  });

  it.each(holders)('asking for a class\'s photo consent as %s', async (holder) => {
    const { person, user } = people.get(holder)!;
    await t.install(user);
    const shown = /Photo and video consent — 4B/.test(allText((await t.say(user, 'consent 4B')).card));
    expect({ holder, shown }).toEqual({ holder, shown: may(person, 'consent.viewClass') });
  });

  const api = (holder: Role | 'requester', path: string) => fetch(`${t.app.url}${path}`, { headers: { 'x-demo-person': people.get(holder)!.person.id } });

  it.each(holders)('GET /api/access-requests as %s shows all requests only to those who may see all', async (holder) => {
    const response = await api(holder, '/api/access-requests');
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { requesterName: string }[] };
    const othersShown = items.some((item) => item.requesterName !== people.get(holder)!.person.displayName);
    expect({ holder, othersShown }).toEqual({ holder, othersShown: may(people.get(holder)!.person, 'accessRequest.viewAll') });
  });

  it.each(holders)('GET /api/audit.csv as %s', async (holder) => {
    const response = await api(holder, '/api/audit.csv');
    const allowed = may(people.get(holder)!.person, 'audit.export');
    expect({ holder, status: response.status }).toEqual({ holder, status: allowed ? 200 : 403 });
    if (allowed) expect(await response.text()).toMatch(/^"When","Who","Action"/);
  });

  it.each(holders)('POST /api/pupils/import as %s', async (holder) => {
    const response = await fetch(`${t.app.url}/api/pupils/import`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-demo-person': people.get(holder)!.person.id }, body: JSON.stringify({ csv: 'UPN,Name,Reg Group,Year,Admission Date' }) });
    const allowed = may(people.get(holder)!.person, 'pupils.import');
    expect({ holder, status: response.status }).toEqual({ holder, status: allowed ? 200 : 403 });
  });

  /** An import by the admin team's holder that changes nothing: every pupil as they are. */
  let adminsJob: Promise<string> | undefined;
  const startAdminsJob = async () => {
    const pupils = (await t.app.stores.pupils.find({ limit: 500 })).items;
    const csv = ['UPN,Name,Reg Group,Year,Admission Date', ...pupils.map((pupil) => [pupil.misReference, pupil.displayName, pupil.className, pupil.yearGroup, pupil.onRollFrom].map((cell) => `"${cell}"`).join(','))].join('\n');
    const response = await fetch(`${t.app.url}/api/pupils/import`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-demo-person': people.get('admin')!.person.id }, body: JSON.stringify({ csv, apply: true }) });
    expect(response.status).toBe(202);
    return response.headers.get('location')!;
  };

  it.each(holders)('GET /api/pupils/import/{jobId} as %s (the job is the admin holder\'s)', async (holder) => {
    const location = await (adminsJob ??= startAdminsJob());
    const allowed = may(people.get(holder)!.person, 'pupils.import');
    expect({ holder, status: (await api(holder, location)).status }).toEqual({ holder, status: allowed ? 200 : 403 });
  });

  it.each(holders)('GET /api/consent.csv as %s', async (holder) => {
    const response = await api(holder, '/api/consent.csv?className=4B');
    const allowed = may(people.get(holder)!.person, 'consent.export');
    expect({ holder, status: response.status }).toEqual({ holder, status: allowed ? 200 : 403 });
    if (allowed) expect(await response.text()).toMatch(/^"Pupil","Class","Images as at/);
  });

  it.each(holders)('the consent register\'s GET routes as %s', async (holder) => {
    const pupil = (await t.app.stores.pupils.find({ where: { className: '4B' }, limit: 1 })).items[0]!;
    const allowed = may(people.get(holder)!.person, 'consent.viewClass');
    for (const path of ['/api/classes', '/api/consent?className=4B', `/api/pupils/${pupil.id}/consent`]) {
      expect({ holder, path, status: (await api(holder, path)).status }).toEqual({ holder, path, status: allowed ? 200 : 403 });
    }
  });

  it.each(holders)('POST /api/consent as %s', async (holder) => {
    const pupil = (await t.app.stores.pupils.find({ where: { className: '6A' }, limit: 1 })).items[0]!;
    const response = await fetch(`${t.app.url}/api/consent`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-demo-person': people.get(holder)!.person.id }, body: JSON.stringify({ pupilId: pupil.id, media: 'videos', decision: 'given', effectiveFrom: '2026-01-05', source: 'consent form' }) });
    const allowed = may(people.get(holder)!.person, 'consent.record');
    expect({ holder, status: response.status }).toEqual({ holder, status: allowed ? 201 : 403 });
  });

  it('audits every refusal without the record\'s contents', async () => {
    const denials = (await t.app.stores.audit.page({ limit: 1000 })).items.filter((entry) => entry.action.endsWith('.denied'));
    expect(denials.length).toBeGreaterThan(10);
    expect(JSON.stringify(denials)).not.toMatch(/Maths games|example\.org/);
  });

  it('covers every action in the table', () => {
    const covered = new Set<string>([...STEPS.map((step) => step.action), 'accessRequest.submit', 'accessRequest.viewAll', 'audit.export', 'consent.viewClass', 'pupils.import', 'consent.record', 'consent.export']);
    expect(Object.keys(PERMISSIONS).filter((action) => !covered.has(action))).toEqual([]);
  });
});
