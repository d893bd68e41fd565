/**
 * The access matrix: every role (and the requester) × every card action and every API route,
 * through the real bot endpoint and HTTP API. The expected answers are the table below, written
 * from the policy, not taken from the permissions function under test; and the actions the server
 * consulted while the matrix ran are listed and checked against the permissions table, so an
 * action nobody exercises is noticed.
 */
import { newAccessRequest, type AccessRequestState } from '../../bot/src/domain/access/access-request';
import { newPostingRequest, type PostingState } from '../../bot/src/domain/posting/posting-request';
import type { PermissionState, PermissionType } from '../../bot/src/domain/permission/permission-request';
import { PERMISSION_WORKFLOWS } from '../../bot/src/domain/permission/permission-workflows';
import { permissionStore } from '../../bot/src/app/requests/permission-kind';
import * as permissions from '../../bot/src/domain/authorization/permissions';
import { PERMISSIONS, type Action } from '../../bot/src/domain/authorization/permissions';
import type { Person } from '../../bot/src/domain/people/person';
import { ROLES, type Role } from '../../bot/src/domain/people/role';
import { allText } from '../fixtures/cards';
import { cardActionInvoke, teamsUser, type TeamsUser } from '../fixtures/teams-activities';
import { TestApp } from '../fixtures/test-app';
import { SCHOOL_DAY } from '../fixtures/test-clock';
import { localDate } from '../../bot/src/domain/calendar/zoned-time';
import { jpegPhoto, pdfDocument, pngImage } from '../fixtures/media-files';
import { currentVersion } from '../../bot/src/domain/policies/policy-version';

type Holder = Role | 'requester';

/**
 * Who may do each thing, from the policy: each test person holds one role only ('requester' is a
 * staff member who made the request, or owns the account). Everyone not listed is refused.
 */
const ALLOWED: Record<string, readonly Holder[]> = {
  // s.9 and Appendix A: the online safety lead reviews, the headteacher decides, ICT opens the site.
  'accessRequest.submit': ['staff', 'requester'],
  'accessRequest.viewAll': ['onlineSafetyLead', 'headteacher', 'ictTechnician'],
  'accessRequest.forward': ['onlineSafetyLead'],
  'accessRequest.return': ['onlineSafetyLead'],
  'accessRequest.approve': ['headteacher'],
  'accessRequest.refuse': ['headteacher'],
  'accessRequest.markDone': ['ictTechnician'],
  'accessRequest.withdraw': ['requester'],
  'accessRequest.resubmit': ['requester'],
  'accessRequest.reblock': ['ictTechnician'],
  'accessRequest.setEnd': ['onlineSafetyLead'],
  // s.12: the audit log is the headteacher's to export.
  'audit.export': ['headteacher'],
  // s.4: staff check consent; the admin team keeps the register.
  'consent.viewClass': ['staff', 'requester'],
  'pupils.import': ['admin'],
  'consent.record': ['admin'],
  'consent.export': ['admin'],
  // s.4–6: staff ask, the headteacher decides; the DSL and designated staff look after the accounts.
  // s.5 and s.7: staff ask; only the headteacher permits; the online safety lead applies the network
  // controls; whoever was permitted to share a password changes it when the period ends.
  'staffPersonalAccount.submit': ['staff', 'requester'],
  'staffPersonalAccount.viewAll': ['headteacher', 'onlineSafetyLead'],
  'staffPersonalAccount.approve': ['headteacher'],
  'staffPersonalAccount.refuse': ['headteacher'],
  'staffPersonalAccount.complete': ['onlineSafetyLead'],
  'staffPersonalAccount.withdraw': ['requester'],
  'pupilWifi.submit': ['staff', 'requester'],
  'pupilWifi.viewAll': ['headteacher', 'onlineSafetyLead'],
  'pupilWifi.approve': ['headteacher'],
  'pupilWifi.refuse': ['headteacher'],
  'pupilWifi.complete': ['onlineSafetyLead'],
  'pupilWifi.withdraw': ['requester'],
  'accountPassword.submit': ['staff', 'requester'],
  'accountPassword.viewAll': ['headteacher', 'dsl'],
  'accountPassword.approve': ['headteacher'],
  'accountPassword.refuse': ['headteacher'],
  'accountPassword.complete': ['requester'],
  'accountPassword.withdraw': ['requester'],
  'postingRequest.submit': ['staff', 'requester'],
  'postingRequest.viewAll': ['headteacher', 'dsl', 'socialMediaStaff'],
  'postingRequest.approve': ['headteacher'],
  'postingRequest.refuse': ['headteacher'],
  'postingRequest.withdraw': ['requester'],
  'postingRequest.resubmit': ['requester'],
  'postingRequest.confirmPosted': ['requester'],
  // s.4: what will be posted is the requester's to change, until the headteacher decides.
  'postingRequest.changeMedia': ['requester'],
  // s.4: images only on school devices the online safety lead approved; staff see which.
  'device.view': ['staff', 'requester'],
  'device.manage': ['onlineSafetyLead'],
  'socialAccount.view': ['staff', 'requester'],
  'socialAccount.manage': ['dsl', 'socialMediaStaff'],
  'takedown.viewAll': ['dsl'],
  'takedown.close': ['requester', 'dsl'],
  // s.2, 8: the DSL, deputies and headteacher keep the log; the chair deals with concerns about the headteacher.
  // Anyone who has a concern should raise it (s.8): governors too. The data protection lead deals with breaches (s.4).
  'incident.report': [...ROLES, 'requester'],
  'incident.view': ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors', 'dataProtectionLead'],
  'incident.act': ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors', 'dataProtectionLead'],
  'incident.assign': ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors'],
  'incident.summary': ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors'],
  'incident.export': ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors'],
  // A pupil's chronology across incidents: those who keep the log (each seeing only what they may).
  'incident.pupilChronology': ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors'],
  // Evidence: added by whoever may act on the incident, opened by whoever may see it, removed by the DSL alone.
  'incident.evidence.add': ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors', 'dataProtectionLead'],
  'incident.evidence.open': ['dsl', 'deputyDsl', 'headteacher', 'chairOfGovernors', 'dataProtectionLead'],
  'incident.evidence.remove': ['dsl'],
  // A leaver's safeguarding file (KCSIE): the DSL and the deputies.
  'incident.transfer': ['dsl', 'deputyDsl'],
  // s.11: staff log their own training; the lead records and confirms it; the DSL requires refreshers.
  // s.2: governors keep their own online safety knowledge current, and log it like staff.
  'training.logOwn': ['staff', 'governor', 'chairOfGovernors', 'requester'],
  'training.viewAll': ['onlineSafetyLead', 'headteacher', 'dsl'],
  'training.record': ['onlineSafetyLead'],
  'training.confirm': ['onlineSafetyLead'],
  'training.requireRefresher': ['dsl'],
  // s.12: the headteacher records the policy's review.
  'policy.recordReview': ['headteacher'],
  // s.2, s.12: the school's policies are open to everyone it added; the headteacher publishes a
  // version; staff and governors sign that they read it; the lead and the headteacher see who has.
  'policy.library': [...ROLES, 'requester'],
  'policy.publishVersion': ['headteacher'],
  'policy.acknowledge': ['staff', 'governor', 'chairOfGovernors', 'requester'],
  'policy.readStatus': ['onlineSafetyLead', 'headteacher'],
  // s.12: the headteacher words the change for pupils and parents and records how they were told.
  'policy.tellPupilsAndParents': ['headteacher'],
  // School settings: the headteacher (who implements the policy, s.2) and the admin team keep the
  // school's details, the policy register and the term dates; the online safety lead keeps the
  // training requirements (s.11) with the headteacher. Nobody else opens the page.
  'settings.view': ['headteacher', 'admin', 'onlineSafetyLead'],
  'settings.school': ['headteacher', 'admin'],
  'settings.policies': ['headteacher', 'admin'],
  'settings.termDates': ['headteacher', 'admin'],
  'settings.trainingRequirements': ['onlineSafetyLead', 'headteacher'],
  // Going live: the people who set the school up (s.2: the headteacher, with the online safety lead and the school office).
  'readiness.view': ['headteacher', 'admin', 'onlineSafetyLead'],
  // s.2: the governing board oversees the policy; the headteacher reports to it.
  'governance.view': ['governor', 'chairOfGovernors', 'headteacher'],
  // DfE filtering and monitoring standards: the senior leaders who own filtering, with the governors, review it yearly.
  'filteringReview.view': ['headteacher', 'onlineSafetyLead', 'dsl', 'governor', 'chairOfGovernors'],
  // DfE filtering and monitoring standards: a senior leader and a governor review it together and record it; the
  // headteacher and the online safety lead own filtering (s.2, s.9). An agreed action is closed by the person given it
  // ('requester' here: the holder it was assigned to) or by them.
  'filteringReview.record': ['headteacher', 'onlineSafetyLead', 'governor', 'chairOfGovernors'],
  'filteringReview.closeAction': ['requester', 'headteacher', 'onlineSafetyLead'],
};

/**
 * Which kinds of incident each holder may see (s.8): never a concern about the headteacher for the headteacher; breaches for the data
 * protection lead (s.4).
 */
const SEES_INCIDENT: Record<'ordinary' | 'aboutHead' | 'breach', readonly Holder[]> = {
  ordinary: ['dsl', 'deputyDsl', 'headteacher'],
  aboutHead: ['dsl', 'deputyDsl', 'chairOfGovernors'],
  breach: ['dsl', 'deputyDsl', 'headteacher', 'dataProtectionLead'],
};

const allowed = (what: string, holder: Holder) => ALLOWED[what]!.includes(holder);

const FORM = {
  url: 'https://example.org/matrix',
  siteContent: 'Maths games',
  reasons: 'Year 3 lessons',
  risksAndControls: 'Adverts: teacher screen only',
  scope: 'staff',
};

/** Each step's card verb, the state it acts on, and the typed data it needs. */
const STEPS: { action: Action; verb: string; from: AccessRequestState; data: Record<string, string> }[] = [
  { action: 'accessRequest.forward', verb: 'forwardAccessRequest', from: 'withOnlineSafetyLead', data: {} },
  { action: 'accessRequest.return', verb: 'returnAccessRequest', from: 'withOnlineSafetyLead', data: { note: 'Which page?' } },
  { action: 'accessRequest.approve', verb: 'approveAccessRequest', from: 'withHeadteacher', data: {} },
  { action: 'accessRequest.refuse', verb: 'refuseAccessRequest', from: 'withHeadteacher', data: { reasons: 'Not suitable' } },
  { action: 'accessRequest.markDone', verb: 'markAccessRequestDone', from: 'approved', data: {} },
  { action: 'accessRequest.reblock', verb: 'reblockAccessRequest', from: 'unblocked', data: {} },
  { action: 'accessRequest.setEnd', verb: 'setAccessRequestEnd', from: 'unblocked', data: { endDate: '2026-12-18' } },
  { action: 'accessRequest.withdraw', verb: 'withdrawAccessRequest', from: 'withHeadteacher', data: {} },
  { action: 'accessRequest.resubmit', verb: 'resubmitAccessRequest', from: 'returnedToRequester', data: FORM },
];

/** The test app's school day: requests to post are for today. */
const today = localDate(SCHOOL_DAY);

/** Each posting step's verb, the state it acts on, and the typed data it needs (the account is added later). */
const POSTING_STEPS: { action: Action; verb: string; from: PostingState; data: Record<string, string> }[] = [
  { action: 'postingRequest.approve', verb: 'approvePostingRequest', from: 'withHeadteacher', data: {} },
  { action: 'postingRequest.refuse', verb: 'refusePostingRequest', from: 'withHeadteacher', data: { reasons: 'Not this week' } },
  { action: 'postingRequest.withdraw', verb: 'withdrawPostingRequest', from: 'withHeadteacher', data: {} },
  {
    action: 'postingRequest.resubmit',
    verb: 'resubmitPostingRequest',
    from: 'checksFailed',
    data: { kind: 'parentReminder', text: 'Trip slips back by Friday, please.', postingDate: today },
  },
  { action: 'postingRequest.confirmPosted', verb: 'confirmPosted', from: 'approved', data: { link: 'https://x.example/status/7' } },
];

/** Each permission step's card verb and API verb, the state it acts on, and the typed data it needs. */
const PERMISSION_STEPS = (['staffPersonalAccount', 'pupilWifi', 'accountPassword'] as const).flatMap((type) => {
  const name = `${type.charAt(0).toUpperCase()}${type.slice(1)}`;
  return [
    { type, action: `${type}.approve` as Action, step: 'approve', verb: `approve${name}`, from: 'withHeadteacher' as const, data: {} },
    {
      type,
      action: `${type}.refuse` as Action,
      step: 'refuse',
      verb: `refuse${name}`,
      from: 'withHeadteacher' as const,
      data: { reasons: 'Not this term' },
    },
    { type, action: `${type}.complete` as Action, step: 'complete', verb: `complete${name}`, from: 'approved' as const, data: {} },
    { type, action: `${type}.withdraw` as Action, step: 'withdraw', verb: `withdraw${name}`, from: 'withHeadteacher' as const, data: {} },
  ];
});

describe('the access matrix (expected answers from the policy)', () => {
  let t: TestApp;
  const people = new Map<Role | 'requester', { person: Person; user: TeamsUser }>();

  /** Every action the server consulted the permissions table about while the matrix ran. */
  const consulted = new Set<Action>();
  beforeAll(async () => {
    const may = permissions.may;
    jest.spyOn(permissions, 'may').mockImplementation((person, action, relatedId) => {
      consulted.add(action);
      return may(person, action, relatedId);
    });
    t = await new TestApp().start();
    for (const [index, holder] of [...ROLES, 'requester' as const].entries()) {
      const aad = `aaaaaaaa-0000-0000-0000-${String(index + 1).padStart(12, '0')}`;
      const roles: Role[] = holder === 'requester' ? ['staff'] : [holder];
      const person = await t.app.stores.people.insert({ displayName: `Only ${holder}`, aadObjectId: aad, roles });
      people.set(holder, { person, user: teamsUser(`Only ${holder}`, aad) });
    }
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.stop();
  });

  const holders = [...ROLES, 'requester' as const];

  async function requestIn(state: AccessRequestState): Promise<string> {
    const requester = people.get('requester')!.person;
    const draft = newAccessRequest(
      { ...FORM, scope: { kind: 'staff' } },
      { personId: requester.id, name: requester.displayName },
      `matrix-${Math.random()}`,
      t.clock.now(),
    );
    return (await t.app.stores.accessRequests.insert({ ...draft, state })).id;
  }

  describe.each(STEPS)('card action $verb', ({ action, verb, from, data }) => {
    it.each(holders)('by %s', async (holder) => {
      const requestId = await requestIn(from);
      const { user } = people.get(holder)!;
      await t.click(user, `card-${requestId}`, verb, { requestId, ...data });
      const after = await t.app.stores.accessRequests.get(requestId);
      // Setting an unblock's last day keeps its state: any step taken adds a line to the history.
      expect({ holder, changed: after!.history.length > 1 }).toEqual({ holder, changed: allowed(action, holder) });
    });
  });

  async function postingRequestIn(state: PostingState): Promise<{ requestId: string; accountId: string }> {
    const requester = people.get('requester')!.person;
    const accountId = (await t.app.stores.socialAccounts.find({ limit: 1 })).items[0]!.id;
    const details = {
      kind: 'parentReminder' as const,
      accountId,
      accountLabel: 'X @RiversidePrimary',
      text: 'Reminder: trip slips',
      media: [],
      pupils: [],
      groupLabel: '',
      facesBlurred: false,
      postingDate: today,
    };
    const draft = newPostingRequest(
      details,
      [],
      { personId: requester.id, name: requester.displayName },
      `matrix-post-${Math.random()}`,
      t.clock.now(),
    );
    return { requestId: (await t.app.stores.postingRequests.insert({ ...draft, state })).id, accountId };
  }

  describe.each(POSTING_STEPS)('card action $verb', ({ action, verb, from, data }) => {
    it.each(holders)('by %s', async (holder) => {
      const { requestId, accountId } = await postingRequestIn(from);
      const { user } = people.get(holder)!;
      await t.click(user, `posting-${requestId}`, verb, { requestId, accountId, ...data });
      const after = await t.app.stores.postingRequests.get(requestId);
      expect({ holder, changed: after!.state !== from }).toEqual({ holder, changed: allowed(action, holder) });
    });
  });

  async function permissionIn(type: PermissionType, state: PermissionState): Promise<string> {
    const requester = people.get('requester')!.person;
    const draft = PERMISSION_WORKFLOWS[type].submission.open(
      { platform: 'Padlet', until: today },
      { personId: requester.id, name: requester.displayName },
      `matrix-permission-${Math.random()}`,
      t.clock.now(),
    );
    return (await permissionStore(t.app.stores.permissionRequests, type).insert({ ...draft, state })).id;
  }

  describe.each(PERMISSION_STEPS)('card action $verb', ({ type, action, verb, from, data }) => {
    it.each(holders)('by %s', async (holder) => {
      const requestId = await permissionIn(type, from);
      await t.click(people.get(holder)!.user, `permission-${requestId}`, verb, { requestId, ...data });
      const after = await permissionStore(t.app.stores.permissionRequests, type).get(requestId);
      expect({ holder, changed: after!.state !== from }).toEqual({ holder, changed: allowed(action, holder) });
    });
  });

  describe.each(['staffPersonalAccount', 'pupilWifi', 'accountPassword'] as const)('%s', (type) => {
    const name = `${type.charAt(0).toUpperCase()}${type.slice(1)}`;
    it.each(holders)("seeing someone's request as %s", async (holder) => {
      const requestId = await permissionIn(type, 'withHeadteacher');
      const card = await t.click(people.get(holder)!.user, `permission-${requestId}`, `refresh${name}`, { requestId });
      const shown = !/You don't have access/.test(allText(card));
      expect({ holder, shown }).toEqual({ holder, shown: holder === 'requester' || allowed(`${type}.viewAll`, holder) });
    });

    it.each(holders)('asking for one as %s', async (holder) => {
      const accountId = (await t.app.stores.socialAccounts.find({ limit: 1 })).items[0]!.id;
      const staffId = people.get('staff')!.person.id;
      const forms = {
        staffPersonalAccount: { where: 'schoolWifi', platform: 'YouTube', purpose: 'Year 4 computing', lasts: 'standing' },
        pupilWifi: {
          className: '4B',
          platform: 'Padlet',
          purpose: 'Book reviews',
          startDate: today,
          endDate: today,
          supervisorId: staffId,
        },
        accountPassword: { accountId, sharedWithId: staffId, reason: 'Cover', until: today },
      };
      const response = await t.post(
        cardActionInvoke(people.get(holder)!.user, t.serviceUrl, 'form', `submit${name}`, {
          submissionKey: `matrix-${type}-${holder}`,
          ...forms[type],
        }),
      );
      const saved = /Saved as request/.test(allText((response.body as { value: Record<string, unknown> }).value));
      expect({ holder, saved }).toEqual({ holder, saved: allowed(`${type}.submit`, holder) });
    });
  });

  it.each(holders)("seeing someone's posting request as %s", async (holder) => {
    const { requestId } = await postingRequestIn('withHeadteacher');
    const { user } = people.get(holder)!;
    const card = await t.click(user, `posting-${requestId}`, 'refreshPostingRequest', { requestId });
    const shown = !/You don't have access/.test(allText(card));
    expect({ holder, shown }).toEqual({ holder, shown: holder === 'requester' || allowed('postingRequest.viewAll', holder) });
  });

  it.each(holders)('asking permission to post as %s', async (holder) => {
    const { user } = people.get(holder)!;
    const accountId = (await t.app.stores.socialAccounts.find({ limit: 1 })).items[0]!.id;
    const response = await t.post(
      cardActionInvoke(user, t.serviceUrl, 'form', 'submitPostingRequest', {
        submissionKey: `matrix-post-submit-${holder}`,
        kind: 'parentReminder',
        accountId,
        text: 'Reminder: trip slips',
        postingDate: today,
      }),
    );
    const saved =
      /Saved as request/.test(allText((response.body as { value: Record<string, unknown> }).value)) ||
      /Every check passed/.test(allText((response.body as { value: Record<string, unknown> }).value));
    expect({ holder, saved }).toEqual({ holder, saved: allowed('postingRequest.submit', holder) });
  });

  async function takedownOwnedByRequester(): Promise<string> {
    const owner = people.get('requester')!.person;
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
    return task.id;
  }

  it.each(holders)('closing a takedown task owned by the requester, as %s', async (holder) => {
    const taskId = await takedownOwnedByRequester();
    const { user } = people.get(holder)!;
    await t.click(user, `takedown-${taskId}`, 'takedownRemoved', { taskId });
    const closed = (await t.app.stores.takedowns.get(taskId))!.status !== 'to do';
    expect({ holder, closed }).toEqual({ holder, closed: allowed('takedown.close', holder) });
  });

  it.each(holders)('seeing a takedown task owned by someone else, as %s', async (holder) => {
    const taskId = await takedownOwnedByRequester();
    const { user } = people.get(holder)!;
    const card = await t.click(user, `takedown-${taskId}`, 'refreshTakedown', { taskId });
    const shown = !/You don't have access/.test(allText(card));
    expect({ holder, shown }).toEqual({ holder, shown: holder === 'requester' || allowed('takedown.viewAll', holder) });
  });

  it.each(holders)('the school accounts register as %s', async (holder) => {
    const { person } = people.get(holder)!;
    const read = await api(holder, '/api/social-accounts');
    expect({ holder, status: read.status }).toEqual({ holder, status: allowed('socialAccount.view', holder) ? 200 : 403 });
    const owner = (await t.app.stores.people.find({ limit: 50 })).items.find((candidate) => candidate.roles.includes('dsl'))!;
    const account = {
      platform: 'Facebook',
      handle: `Riverside ${holder}`,
      purpose: 'News',
      reason: 'Parents use Facebook',
      ownerId: owner.id,
      schoolEmail: 'office@riverside.example',
      successMeasure: 'Survey',
    };
    const write = await fetch(`${t.app.url}/api/social-accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-person': person.id },
      body: JSON.stringify(account),
    });
    expect({ holder, status: write.status }).toEqual({ holder, status: allowed('socialAccount.manage', holder) ? 201 : 403 });
    const existing = (await t.app.stores.socialAccounts.find({ limit: 1 })).items[0]!;
    const change = await fetch(`${t.app.url}/api/social-accounts/${existing.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-demo-person': person.id },
      body: JSON.stringify({ ...existing, version: existing.version }),
    });
    expect({ holder, status: change.status }).toEqual({ holder, status: allowed('socialAccount.manage', holder) ? 200 : 403 });
  });

  it('a refusal says who may, in the policy words (s.4: devices are approved by the online safety lead)', async () => {
    const approve = await send('staff', '/api/devices', { name: 'Refused iPad', type: 'tablet', approvedOn: '2026-09-01' });
    expect({ status: approve.status, body: await approve.json() }).toEqual({
      status: 403,
      body: { error: 'Only the online safety lead can approve or retire a device (Social Media Policy, section 4).' },
    });
  });

  it.each(holders)('the approved devices (GET, approve, retire) as %s', async (holder) => {
    const person = people.get(holder)!.person;
    expect({ holder, list: (await api(holder, '/api/devices')).status }).toEqual({
      holder,
      list: allowed('device.view', holder) ? 200 : 403,
    });
    const approve = await send(holder, '/api/devices', { name: `Matrix iPad ${holder}`, type: 'tablet', approvedOn: '2026-09-01' });
    expect({ holder, approve: approve.status }).toEqual({ holder, approve: allowed('device.manage', holder) ? 201 : 403 });
    const device = await t.app.stores.devices.insert({
      name: `Matrix camera ${holder}`,
      type: 'camera',
      approvedById: person.id,
      approvedByName: person.displayName,
      approvedOn: '2026-09-01',
      active: true,
    });
    const retire = await send(holder, `/api/devices/${device.id}/retire`, { version: device.version });
    expect({ holder, retire: retire.status }).toEqual({ holder, retire: allowed('device.manage', holder) ? 200 : 403 });
  });

  it.each(holders)('a request to post in the tab, and attaching a photo to it, as %s', async (holder) => {
    const { requestId } = await postingRequestIn('checksFailed');
    const seen = await api(holder, `/api/posting-requests/${requestId}`);
    expect({ holder, seen: seen.status }).toEqual({
      holder,
      seen: holder === 'requester' || allowed('postingRequest.viewAll', holder) ? 200 : 403,
    });
    const photo = jpegPhoto(16, 16);
    const upload = await fetch(`${t.app.url}/api/posting-requests/${requestId}/media`, {
      method: 'POST',
      headers: { 'x-demo-person': people.get(holder)!.person.id, 'content-type': 'image/jpeg', 'x-file-name': 'matrix.jpg' },
      body: photo,
    });
    expect({ holder, upload: upload.status }).toEqual({ holder, upload: allowed('postingRequest.changeMedia', holder) ? 201 : 403 });
  });

  it.each(holders)('submitting a request as %s', async (holder) => {
    const { user } = people.get(holder)!;
    const response = await t.post(
      cardActionInvoke(user, t.serviceUrl, 'form', 'submitAccessRequest', { submissionKey: `matrix-submit-${holder}`, ...FORM }),
    );
    const saved = /Saved as request/.test(allText((response.body as { value: Record<string, unknown> }).value));
    expect({ holder, saved }).toEqual({ holder, saved: allowed('accessRequest.submit', holder) });
  });

  it.each(holders)("asking for a class's photo consent as %s", async (holder) => {
    const { user } = people.get(holder)!;
    await t.install(user);
    const shown = /Photo and video consent — 4B/.test(allText((await t.say(user, 'consent 4B')).card));
    expect({ holder, shown }).toEqual({ holder, shown: allowed('consent.viewClass', holder) });
  });

  const api = (holder: Role | 'requester', path: string) =>
    fetch(`${t.app.url}${path}`, { headers: { 'x-demo-person': people.get(holder)!.person.id } });
  const send = (holder: Role | 'requester', path: string, body: unknown) =>
    fetch(`${t.app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-person': people.get(holder)!.person.id },
      body: JSON.stringify(body),
    });

  it.each(holders)('GET /api/access-requests as %s shows all requests only to those who may see all', async (holder) => {
    const response = await api(holder, '/api/access-requests');
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { requesterName: string }[] };
    const othersShown = items.some((item) => item.requesterName !== people.get(holder)!.person.displayName);
    expect({ holder, othersShown }).toEqual({ holder, othersShown: allowed('accessRequest.viewAll', holder) });
  });

  it.each(holders)('GET /api/audit.csv as %s', async (holder) => {
    const response = await api(holder, '/api/audit.csv');
    const permitted = allowed('audit.export', holder);
    expect({ holder, status: response.status }).toEqual({ holder, status: permitted ? 200 : 403 });
    const csv = /^"When","Who","Action"/.test(await response.text());
    expect({ holder, csv }).toEqual({ holder, csv: permitted });
  });

  it.each(holders)('POST /api/pupils/import as %s', async (holder) => {
    const response = await fetch(`${t.app.url}/api/pupils/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-person': people.get(holder)!.person.id },
      body: JSON.stringify({ csv: 'UPN,Name,Reg Group,Year,Admission Date' }),
    });
    const permitted = allowed('pupils.import', holder);
    expect({ holder, status: response.status }).toEqual({ holder, status: permitted ? 200 : 403 });
  });

  /** An import by the admin team's holder that changes nothing: every pupil as they are. */
  let adminsJob: Promise<string> | undefined;
  const startAdminsJob = async () => {
    const pupils = (await t.app.stores.pupils.find({ limit: 500 })).items;
    const csv = [
      'UPN,Name,Reg Group,Year,Admission Date',
      ...pupils.map((pupil) =>
        [pupil.misReference, pupil.displayName, pupil.className, pupil.yearGroup, pupil.onRollFrom].map((cell) => `"${cell}"`).join(','),
      ),
    ].join('\n');
    const response = await fetch(`${t.app.url}/api/pupils/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-person': people.get('admin')!.person.id },
      body: JSON.stringify({ csv, apply: true }),
    });
    expect(response.status).toBe(202);
    return response.headers.get('location')!;
  };

  it.each(holders)("GET /api/pupils/import/{jobId} as %s (the job is the admin holder's)", async (holder) => {
    const location = await (adminsJob ??= startAdminsJob());
    const permitted = allowed('pupils.import', holder);
    expect({ holder, status: (await api(holder, location)).status }).toEqual({ holder, status: permitted ? 200 : 403 });
  });

  it.each(holders)('GET /api/consent.csv as %s', async (holder) => {
    const response = await api(holder, '/api/consent.csv?className=4B');
    const permitted = allowed('consent.export', holder);
    expect({ holder, status: response.status }).toEqual({ holder, status: permitted ? 200 : 403 });
    const csv = /^"Pupil","Class","Images as at/.test(await response.text());
    expect({ holder, csv }).toEqual({ holder, csv: permitted });
  });

  it.each(holders)("the consent register's GET routes as %s", async (holder) => {
    const pupil = (await t.app.stores.pupils.find({ where: { className: '4B' }, limit: 1 })).items[0]!;
    const permitted = allowed('consent.viewClass', holder);
    for (const path of ['/api/classes', '/api/consent?className=4B', `/api/pupils/${pupil.id}/consent`]) {
      expect({ holder, path, status: (await api(holder, path)).status }).toEqual({ holder, path, status: permitted ? 200 : 403 });
    }
  });

  it.each(holders)('POST /api/consent as %s', async (holder) => {
    const pupil = (await t.app.stores.pupils.find({ where: { className: '6A' }, limit: 1 })).items[0]!;
    const response = await fetch(`${t.app.url}/api/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-person': people.get(holder)!.person.id },
      body: JSON.stringify({ pupilId: pupil.id, media: 'videos', decision: 'given', effectiveFrom: '2026-01-05', source: 'consent form' }),
    });
    const permitted = allowed('consent.record', holder);
    expect({ holder, status: response.status }).toEqual({ holder, status: permitted ? 201 : 403 });
  });

  it.each(holders)("the Training tab's routes as %s", async (holder) => {
    const person = people.get(holder)!.person;
    const overview = (await (await api(holder, '/api/training')).json()) as { rows: { subjectId: string }[] };
    expect({ holder, othersShown: overview.rows.some((row) => row.subjectId !== person.id) }).toEqual({
      holder,
      othersShown: allowed('training.viewAll', holder),
    });
    expect({ holder, csv: (await api(holder, '/api/training.csv')).status }).toEqual({
      holder,
      csv: allowed('training.viewAll', holder) ? 200 : 403,
    });
    const staffId = people.get('staff')!.person.id;
    const session = await send(holder, '/api/training/sessions', {
      requirementId: 'staff-online-safety',
      completedOn: '2026-11-20',
      evidence: 'INSET',
      subjectIds: [staffId],
    });
    expect({ holder, session: session.status }).toEqual({ holder, session: allowed('training.record', holder) ? 201 : 403 });
    const own = await send(holder, '/api/training/mine', { completedOn: '2026-11-20', evidence: '' });
    expect({ holder, own: own.status }).toEqual({ holder, own: allowed('training.logOwn', holder) ? 201 : 403 });
    const claim = await t.app.stores.trainingRecords.insert({
      requirementId: 'staff-online-safety',
      audience: 'staff',
      subjectId: staffId,
      subjectName: 'Only staff',
      completedOn: '2026-11-20',
      evidence: '',
      recordedById: staffId,
      recordedByName: 'Only staff',
      recordedAt: t.clock.now().toISOString(),
      status: 'awaitingConfirmation',
    });
    const decision = await send(holder, `/api/training/records/${claim.id}/decision`, { decision: 'confirm' });
    expect({ holder, decision: decision.status }).toEqual({ holder, decision: allowed('training.confirm', holder) ? 200 : 403 });
    const refresher = await send(holder, '/api/training/refreshers', {
      title: 'Sharing images after an incident',
      audience: 'staff',
      group: 'all',
      dueOn: '2099-01-31',
    });
    expect({ holder, refresher: refresher.status }).toEqual({
      holder,
      refresher: allowed('training.requireRefresher', holder) ? 201 : 403,
    });
  });

  it.each(holders)('POST /api/policies/:id/review as %s', async (holder) => {
    const policy = (await t.app.stores.policies.find({ limit: 1 })).items[0]!;
    const response = await send(holder, `/api/policies/${policy.id}/review`, { reviewId: 'review-1', reviewedOn: '2026-11-20' });
    expect({ holder, status: response.status }).toEqual({ holder, status: allowed('policy.recordReview', holder) ? 200 : 403 });
    await t.app.background.idle();
  });

  it.each(holders)("the policy library's routes as %s", async (holder) => {
    const policy = (await t.app.stores.policies.find({ limit: 1 })).items[0]!;
    const headers = { 'x-demo-person': people.get(holder)!.person.id };
    const details = { number: `m-${holder}`, approvedOn: today, changes: 'Matrix check', mustRead: 'staffAndGovernors' };
    const published = await fetch(`${t.app.url}/api/policy-library/${policy.id}/versions`, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/octet-stream',
        'x-file-name': 'policy.pdf',
        'x-version-details': encodeURIComponent(JSON.stringify(details)),
      },
      body: pdfDocument(),
    });
    expect({ holder, publish: published.status }).toEqual({ holder, publish: allowed('policy.publishVersion', holder) ? 201 : 403 });
    await t.app.background.idle();
    if ((await t.app.stores.policyVersions.find({ limit: 1 })).items.length === 0) {
      await t.app.stores.policyVersions.insert({
        policyId: policy.id,
        number: 'm-0',
        approvedOn: today,
        approvedById: '0',
        approvedByName: 'Matrix',
        changes: 'Matrix',
        file: { name: 'p.pdf', format: 'pdf', bytes: 1, storageKey: 'missing.pdf' },
        mustRead: 'staffAndGovernors',
        publishedAt: t.clock.now().toISOString(),
        confirmations: [],
      });
    }
    const current = currentVersion((await t.app.stores.policyVersions.find({ where: { policyId: policy.id }, limit: 50 })).items)!;
    const library = await fetch(`${t.app.url}/api/policy-library`, { headers });
    expect({ holder, library: library.status }).toEqual({ holder, library: allowed('policy.library', holder) ? 200 : 403 });
    const signed = await fetch(`${t.app.url}/api/policy-library/versions/${current.id}/read`, { method: 'POST', headers });
    expect({ holder, sign: signed.status }).toEqual({ holder, sign: allowed('policy.acknowledge', holder) ? 200 : 403 });
    const readers = await fetch(`${t.app.url}/api/policy-library/versions/${current.id}/readers`, { headers });
    expect({ holder, readers: readers.status }).toEqual({ holder, readers: allowed('policy.readStatus', holder) ? 200 : 403 });
    const told = await send(holder, `/api/policy-library/versions/${current.id}/telling/sent`, {
      audience: 'parents',
      how: 'website',
      on: today,
    });
    expect({ holder, told: told.status }).toEqual({ holder, told: allowed('policy.tellPupilsAndParents', holder) ? 201 : 403 });
  });

  it.each(holders)('the School settings routes as %s', async (holder) => {
    const write = (method: 'POST' | 'PUT', path: string, body: object) =>
      fetch(`${t.app.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-demo-person': people.get(holder)!.person.id },
        body: JSON.stringify(body),
      });
    const status = (action: string, yes: number) => (allowed(action, holder) ? yes : 403);
    expect({ holder, view: (await api(holder, '/api/settings')).status }).toEqual({ holder, view: status('settings.view', 200) });
    const school = (await t.app.stores.school.find({ limit: 1 })).items[0]!;
    const named = await write('PUT', '/api/settings/school', {
      name: `Riverside (${holder})`,
      contactForAccess: 'the office',
      version: school.version,
    });
    expect({ holder, school: named.status }).toEqual({ holder, school: status('settings.school', 200) });
    const policy = await write('POST', '/api/settings/policies', {
      title: `E-safety charter (${holder})`,
      owner: 'Headteacher',
      approvedOn: '',
      reviews: [],
    });
    expect({ holder, policy: policy.status }).toEqual({ holder, policy: status('settings.policies', 201) });
    const dates = (await t.app.stores.termDates.find({ limit: 1 })).items[0]!;
    const entries = [
      ...dates.terms.map((term) => ({ kind: 'term', ...term })),
      ...dates.closures.map((closure) => ({ kind: 'closure', ...closure })),
    ];
    expect({ holder, termDates: (await write('PUT', '/api/settings/term-dates', { entries, version: dates.version })).status }).toEqual({
      holder,
      termDates: status('settings.termDates', 200),
    });
    const preview = await write('POST', '/api/settings/term-dates/import', { csv: 'Autumn term,01/09/2028,15/12/2028,term' });
    expect({ holder, preview: preview.status }).toEqual({ holder, preview: status('settings.termDates', 200) });
    const requirement = await write('POST', '/api/settings/training-requirements', {
      title: `Governors' online safety (${holder})`,
      audience: 'staff',
      roles: ['governor'],
      frequency: 'every',
      months: 12,
      policy: 's.2',
    });
    expect({ holder, requirement: requirement.status }).toEqual({ holder, requirement: status('settings.trainingRequirements', 201) });
  });

  it.each(holders)('the go-live checklist (/api/readiness and /healthz?detail) as %s', async (holder) => {
    for (const path of ['/api/readiness', '/healthz?detail']) {
      const response = await api(holder, path);
      expect({ holder, path, status: response.status }).toEqual({ holder, path, status: allowed('readiness.view', holder) ? 200 : 403 });
    }
  });

  it.each(holders)('the Governance page (/api/governance) as %s', async (holder) => {
    const response = await api(holder, '/api/governance');
    expect({ holder, status: response.status }).toEqual({ holder, status: allowed('governance.view', holder) ? 200 : 403 });
  });

  it.each(holders)('the filtering and monitoring review pack (/api/filtering-review) as %s', async (holder) => {
    const response = await api(holder, '/api/filtering-review?year=2025-26');
    expect({ holder, status: response.status }).toEqual({ holder, status: allowed('filteringReview.view', holder) ? 200 : 403 });
  });

  it.each(holders)('recording the filtering review, and marking an agreed action done, as %s', async (holder) => {
    const post = (path: string, body: object) =>
      fetch(`${t.app.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-demo-person': people.get(holder)!.person.id },
        body: JSON.stringify(body),
      });
    // Each holder records a year of their own, so that nobody's recording is one made meanwhile.
    const first = 2000 + holders.indexOf(holder);
    const recorded = await post('/api/filtering-review/record', {
      year: `${first}-${String((first + 1) % 100).padStart(2, '0')}`,
      reviewedOn: today,
      seniorLeaderId: people.get('headteacher')!.person.id,
      governorId: people.get('governor')!.person.id,
      outcome: 'Filtering and monitoring work as intended.',
      actions: [{ description: 'Check the guest Wi-Fi', assigneeId: people.get('requester')!.person.id, due: '2026-12-04' }],
    });
    expect({ holder, record: recorded.status }).toEqual({ holder, record: allowed('filteringReview.record', holder) ? 201 : 403 });
    const requester = people.get('requester')!.person;
    const task = await t.app.stores.reviewActions.insert({
      year: '1999-00',
      reviewId: 'matrix',
      taskKey: `matrix|${holder}`,
      description: 'Check the guest Wi-Fi',
      assigneeId: requester.id,
      assigneeName: requester.displayName,
      due: '2026-12-04',
      status: 'open',
      createdAt: t.clock.now().toISOString(),
      updatedAt: t.clock.now().toISOString(),
    });
    const done = await post(`/api/review-actions/${task.id}/steps`, { verb: 'done', note: 'Checked.', version: task.version });
    expect({ holder, done: done.status }).toEqual({ holder, done: allowed('filteringReview.closeAction', holder) ? 200 : 403 });
  });

  describe("the steps from the tab (Waiting for me and each request's page): the same rules as the cards", () => {
    const post = (holder: Holder, path: string, body: object) =>
      fetch(`${t.app.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-demo-person': people.get(holder)!.person.id },
        body: JSON.stringify(body),
      });
    const typed: Record<string, string> = { return: 'Which page?', refuse: 'Not suitable', confirmPosted: 'https://x.example/status/8' };
    const verbOf = (action: Action) => action.split('.')[1]!;

    describe.each(STEPS.filter((step) => step.action !== 'accessRequest.resubmit'))(
      'POST /api/access-requests/:id/steps for $action',
      ({ action, from }) => {
        it.each(holders)('by %s', async (holder) => {
          const requestId = await requestIn(from);
          const { version } = (await t.app.stores.accessRequests.get(requestId))!;
          const response = await post(holder, `/api/access-requests/${requestId}/steps`, {
            verb: verbOf(action),
            reasons: typed[verbOf(action)] ?? '',
            endDate: '2026-12-18',
            version,
          });
          expect({ holder, status: response.status }).toEqual({ holder, status: allowed(action, holder) ? 200 : 403 });
          await t.app.background.idle();
        });
      },
    );

    describe.each(POSTING_STEPS.filter((step) => step.action !== 'postingRequest.resubmit'))(
      'POST /api/posting-requests/:id/steps for $action',
      ({ action, from }) => {
        it.each(holders)('by %s', async (holder) => {
          const { requestId } = await postingRequestIn(from);
          const { version } = (await t.app.stores.postingRequests.get(requestId))!;
          const verb = verbOf(action);
          const response = await post(holder, `/api/posting-requests/${requestId}/steps`, {
            verb,
            ...(verb === 'confirmPosted' ? { link: typed.confirmPosted } : { reasons: typed[verb] ?? '' }),
            version,
          });
          expect({ holder, status: response.status }).toEqual({ holder, status: allowed(action, holder) ? 200 : 403 });
          await t.app.background.idle();
        });
      },
    );

    describe.each(PERMISSION_STEPS)('POST /api/permissions/…/:id/steps for $action', ({ type, action, step, from, data }) => {
      it.each(holders)('by %s', async (holder) => {
        const requestId = await permissionIn(type, from);
        const { version } = (await permissionStore(t.app.stores.permissionRequests, type).get(requestId))!;
        const path = type.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
        const response = await post(holder, `/api/permissions/${path}/${requestId}/steps`, {
          verb: step,
          reasons: (data as { reasons?: string }).reasons ?? '',
          version,
        });
        expect({ holder, status: response.status }).toEqual({ holder, status: allowed(action, holder) ? 200 : 403 });
        await t.app.background.idle();
      });
    });

    it.each(holders)('POST /api/takedowns/:id/steps on a task owned by the requester, as %s', async (holder) => {
      const taskId = await takedownOwnedByRequester();
      const response = await post(holder, `/api/takedowns/${taskId}/steps`, { verb: 'removed', version: 1 });
      expect({ holder, status: response.status }).toEqual({ holder, status: allowed('takedown.close', holder) ? 200 : 403 });
      await t.app.background.idle();
    });

    it.each(holders)("GET /api/access-requests/:id (someone's request) as %s", async (holder) => {
      const requestId = await requestIn('withOnlineSafetyLead');
      const seen = await api(holder, `/api/access-requests/${requestId}`);
      expect({ holder, status: seen.status }).toEqual({
        holder,
        status: holder === 'requester' || allowed('accessRequest.viewAll', holder) ? 200 : 403,
      });
    });

    it.each(holders)('GET /api/waiting as %s lists a request only for whoever may take the step it waits for', async (holder) => {
      const waitingFor = {
        withOnlineSafetyLead: await requestIn('withOnlineSafetyLead'),
        withHeadteacher: await requestIn('withHeadteacher'),
        approved: await requestIn('approved'),
        returnedToRequester: await requestIn('returnedToRequester'),
      };
      const response = await api(holder, '/api/waiting');
      expect(response.status).toBe(200);
      // Ids are per kind of record: another kind's record may have the same number.
      const listed = new Set(
        ((await response.json()) as { items: { recordType: string; recordId: string }[] }).items
          .filter((item) => item.recordType === 'accessRequest')
          .map((item) => item.recordId),
      );
      expect({ holder, listed: Object.fromEntries(Object.entries(waitingFor).map(([state, id]) => [state, listed.has(id)])) }).toEqual({
        holder,
        listed: {
          withOnlineSafetyLead: allowed('accessRequest.forward', holder),
          withHeadteacher: allowed('accessRequest.approve', holder),
          approved: allowed('accessRequest.markDone', holder),
          returnedToRequester: allowed('accessRequest.resubmit', holder),
        },
      });
    });
  });

  describe('the incident log (s.8: the DSL, deputies and headteacher; the chair for concerns about the headteacher)', () => {
    const SECRET = 'Matrix secret: a pupil shared images';
    const ids = { ordinary: '', aboutHead: '', breach: '' };
    let pupilId = '';
    const send = (holder: Role | 'requester', method: 'GET' | 'POST', path: string, body?: object) =>
      fetch(`${t.app.url}${path}`, {
        method,
        headers: { 'x-demo-person': people.get(holder)!.person.id, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });

    beforeAll(async () => {
      const base = {
        whatHappened: SECRET,
        occurredOn: '2026-11-20',
        where: 'platform' as const,
        platform: 'Snapchat',
        reporterId: 'x',
        reporterName: 'Reporter',
        reportedAt: t.clock.now().toISOString(),
        status: 'new' as const,
        updatedAt: t.clock.now().toISOString(),
      };
      ids.ordinary = (
        await t.app.stores.incidents.insert({
          ...base,
          submissionKey: 'matrix-ordinary',
          involved: 'pupil',
          category: 'pupilDisclosure',
          routedTo: 'dsl',
          aboutHeadteacher: false,
          assigneeId: 'nobody',
        })
      ).id;
      ids.aboutHead = (
        await t.app.stores.incidents.insert({
          ...base,
          submissionKey: 'matrix-head',
          involved: 'headteacher',
          category: 'other',
          routedTo: 'chairOfGovernors',
          aboutHeadteacher: true,
          assigneeId: 'nobody',
        })
      ).id;
      ids.breach = (
        await t.app.stores.incidents.insert({
          ...base,
          submissionKey: 'matrix-breach',
          involved: 'pupil',
          category: 'dataProtectionBreach',
          routedTo: 'dataProtectionLead',
          aboutHeadteacher: false,
          assigneeId: 'nobody',
        })
      ).id;
      // One pupil linked to every kind: a chronology shows only the kinds its viewer may see.
      const pupil = (await t.app.stores.pupils.find({ where: { className: '4B' }, limit: 1 })).items[0]!;
      pupilId = pupil.id;
      for (const kind of ['ordinary', 'aboutHead', 'breach'] as const) {
        await t.app.stores.incidentLinks.insert({
          incidentId: ids[kind],
          kind: 'pupil',
          linkKey: `${ids[kind]}|pupil|${pupil.id}`,
          pupilId: pupil.id,
          name: pupil.displayName,
          className: pupil.className,
          yearGroup: pupil.yearGroup,
          role: 'witness',
          linked: true,
          updatedAt: t.clock.now().toISOString(),
        });
        await t.app.stores.incidentChronology.append({
          incidentId: ids[kind],
          at: t.clock.now().toISOString(),
          byId: 'x',
          byName: 'Someone',
          kind: 'action',
          text: `Matrix secret step (${kind})`,
        });
      }
    });

    const kinds = ['ordinary', 'aboutHead', 'breach'] as const;
    const seen = (holder: Holder, kind: (typeof kinds)[number]) => SEES_INCIDENT[kind].includes(holder);
    /** Someone who uses the log is told an incident they may not see does not exist; anyone else is refused. */
    const hidden = (holder: Holder) => (allowed('incident.view', holder) ? 404 : 403);

    it('spells out the headteacher case', () => {
      expect([seen('headteacher', 'ordinary'), seen('headteacher', 'aboutHead')]).toEqual([true, false]);
      expect([seen('chairOfGovernors', 'ordinary'), seen('chairOfGovernors', 'aboutHead')]).toEqual([false, true]);
      expect([seen('dsl', 'aboutHead'), seen('deputyDsl', 'aboutHead'), seen('staff', 'ordinary')]).toEqual([true, true, false]);
    });

    it.each(holders)('GET /api/incidents as %s lists only the incidents they may see', async (holder) => {
      const response = await send(holder, 'GET', '/api/incidents');
      const permitted = allowed('incident.view', holder);
      expect({ holder, status: response.status }).toEqual({ holder, status: permitted ? 200 : 403 });
      if (!permitted) return;
      const listed = ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
      expect({
        holder,
        ordinary: listed.includes(ids.ordinary),
        aboutHead: listed.includes(ids.aboutHead),
        breach: listed.includes(ids.breach),
      }).toEqual({ holder, ordinary: seen(holder, 'ordinary'), aboutHead: seen(holder, 'aboutHead'), breach: seen(holder, 'breach') });
    });

    it.each(holders)('GET /api/incidents/:id as %s', async (holder) => {
      for (const kind of kinds) {
        const response = await send(holder, 'GET', `/api/incidents/${ids[kind]}`);
        expect({ holder, kind, status: response.status }).toEqual({ holder, kind, status: seen(holder, kind) ? 200 : hidden(holder) });
        expect({ holder, kind, shown: (await response.text()).includes('Matrix secret') }).toEqual({
          holder,
          kind,
          shown: seen(holder, kind),
        });
      }
    });

    it.each(holders)('POST /api/incidents/:id/steps (add an action, assign) as %s', async (holder) => {
      const dsl = people.get('dsl')!.person;
      for (const kind of kinds) {
        const action = await send(holder, 'POST', `/api/incidents/${ids[kind]}/steps`, { type: 'action', text: `Checked by ${holder}` });
        const mayAct = seen(holder, kind) && allowed('incident.act', holder);
        expect({ holder, kind, status: action.status }).toEqual({
          holder,
          kind,
          status: mayAct ? 201 : seen(holder, kind) ? 403 : hidden(holder),
        });
        const assign = await send(holder, 'POST', `/api/incidents/${ids[kind]}/steps`, { type: 'assign', personId: dsl.id });
        const mayAssign = seen(holder, kind) && allowed('incident.assign', holder);
        expect({ holder, kind, status: assign.status }).toEqual({
          holder,
          kind,
          status: mayAssign ? 201 : seen(holder, kind) ? 403 : hidden(holder),
        });
        // Put it back with nobody, so the other holders' checks start from the same incident.
        const current = (await t.app.stores.incidents.get(ids[kind]))!;
        await t.app.stores.incidents.update({ ...current, assigneeId: 'nobody' });
      }
    });

    it.each(holders)(
      "GET /api/incidents/pupils/:id (a pupil's chronology) as %s shows only the incidents they may see, leaving the rest out without a trace",
      async (holder) => {
        const response = await send(holder, 'GET', `/api/incidents/pupils/${pupilId}`);
        const permitted = allowed('incident.pupilChronology', holder);
        expect({ holder, status: response.status }).toEqual({ holder, status: permitted ? 200 : 403 });
        const text = await response.text();
        for (const kind of kinds) {
          const shown = permitted && seen(holder, kind);
          expect({ holder, kind, shown: text.includes(`Matrix secret step (${kind})`) }).toEqual({ holder, kind, shown });
          expect({ holder, kind, reference: text.includes(`C-${ids[kind].padStart(5, '0')}`) }).toEqual({ holder, kind, reference: shown });
        }
      },
    );

    it.each(holders)('GET /api/incidents/roster (the pupils to link) as %s', async (holder) => {
      const response = await send(holder, 'GET', '/api/incidents/roster');
      expect({ holder, status: response.status }).toEqual({ holder, status: allowed('incident.view', holder) ? 200 : 403 });
    });

    it.each(holders)('POST /api/incidents/:id/steps (link a pupil) as %s', async (holder) => {
      for (const kind of kinds) {
        const response = await send(holder, 'POST', `/api/incidents/${ids[kind]}/steps`, {
          type: 'link',
          who: { name: `Matrix parent ${holder}` },
          role: 'other',
        });
        const mayAct = seen(holder, kind) && allowed('incident.act', holder);
        expect({ holder, kind, status: response.status }).toEqual({
          holder,
          kind,
          status: mayAct ? 201 : seen(holder, kind) ? 403 : hidden(holder),
        });
      }
    });

    it.each(holders)('evidence files (attach, open, remove) as %s', async (holder) => {
      const upload = (as: Role | 'requester', id: string) =>
        fetch(`${t.app.url}/api/incidents/${id}/evidence`, {
          method: 'POST',
          headers: { 'x-demo-person': people.get(as)!.person.id, 'x-file-name': 'matrix.png' },
          body: pngImage(8, 8),
        });
      for (const kind of kinds) {
        const file = ((await (await upload('dsl', ids[kind])).json()) as { file: { id: string } }).file;
        const opened = await send(holder, 'GET', `/api/incidents/${ids[kind]}/evidence/${file.id}`);
        expect({ holder, kind, status: opened.status }).toEqual({
          holder,
          kind,
          status: seen(holder, kind) && allowed('incident.evidence.open', holder) ? 200 : seen(holder, kind) ? 403 : hidden(holder),
        });
        const added = await upload(holder, ids[kind]);
        expect({ holder, kind, status: added.status }).toEqual({
          holder,
          kind,
          status: seen(holder, kind) && allowed('incident.evidence.add', holder) ? 201 : seen(holder, kind) ? 403 : hidden(holder),
        });
        const removed = await send(holder, 'POST', `/api/incidents/${ids[kind]}/evidence/${file.id}/remove`, { reason: 'Matrix check' });
        expect({ holder, kind, status: removed.status }).toEqual({
          holder,
          kind,
          status: seen(holder, kind) && allowed('incident.evidence.remove', holder) ? 200 : seen(holder, kind) ? 403 : hidden(holder),
        });
      }
    });

    it.each(holders)(
      "a leaver's safeguarding file (list, PDF, zip, record it sent) as %s: only what they may see goes in the file",
      async (holder) => {
        const pupil = (await t.app.stores.pupils.get(pupilId))!;
        if (!pupil.onRollTo) await t.app.stores.pupils.update({ ...pupil, onRollTo: '2026-11-20' });
        if ((await t.app.stores.pupilTransfers.find({ where: { pupilId }, limit: 1 })).items.length === 0) {
          await t.app.stores.pupilTransfers.insert({
            pupilId,
            status: 'toSend',
            leftOn: '2026-11-20',
            createdAt: t.clock.now().toISOString(),
            updatedAt: t.clock.now().toISOString(),
          });
        }
        const permitted = allowed('incident.transfer', holder);
        expect({ holder, status: (await send(holder, 'GET', '/api/incidents/transfers')).status }).toEqual({
          holder,
          status: permitted ? 200 : 403,
        });
        for (const extension of ['pdf', 'zip']) {
          const file = await send(holder, 'GET', `/api/incidents/transfers/${pupilId}/file.${extension}`);
          expect({ holder, extension, status: file.status }).toEqual({ holder, extension, status: permitted ? 200 : 403 });
        }
        // Nothing but the version: refused as incomplete to those who may record it, as not theirs to anyone else.
        const recorded = await send(holder, 'POST', `/api/incidents/transfers/${pupilId}/sent`, { version: 1 });
        expect({ holder, status: recorded.status }).toEqual({ holder, status: permitted ? 400 : 403 });
      },
    );

    it.each(holders)('GET /api/incidents.csv and /api/incidents/summary as %s', async (holder) => {
      expect({ holder, status: (await send(holder, 'GET', '/api/incidents.csv')).status }).toEqual({
        holder,
        status: allowed('incident.export', holder) ? 200 : 403,
      });
      const summary = await send(holder, 'GET', '/api/incidents/summary');
      expect({ holder, status: summary.status }).toEqual({ holder, status: allowed('incident.summary', holder) ? 200 : 403 });
      expect(await summary.text()).not.toMatch(/Matrix secret|Reporter/);
    });

    it.each(holders)('reporting a concern in the bot as %s', async (holder) => {
      const { user } = people.get(holder)!;
      const response = await t.post(
        cardActionInvoke(user, t.serviceUrl, 'form', 'reportConcern', {
          submissionKey: `matrix-concern-${holder}`,
          whatHappened: 'Something worrying',
          occurredOn: '2026-11-20',
          where: 'platform',
          involved: 'unknown',
          category: 'other',
        }),
      );
      const saved = /saved as C-\d{5}/.test(allText((response.body as { value: Record<string, unknown> }).value));
      expect({ holder, saved }).toEqual({ holder, saved: allowed('incident.report', holder) });
    });

    it("audits a staff member's direct call for an incident, without its contents", async () => {
      await send('staff', 'GET', `/api/incidents/${ids.ordinary}`);
      const denials = (await t.app.stores.audit.forRecord('incident', ids.ordinary)).filter(
        (entry) => entry.action === 'incident.view.denied' && entry.actorId === people.get('staff')!.person.id,
      );
      expect(denials.length).toBeGreaterThan(0);
      expect(JSON.stringify(denials)).not.toMatch(/Matrix secret|Snapchat/);
    });
  });

  it("audits every refusal without the record's contents", async () => {
    const denials = (await t.app.stores.audit.page({ limit: 1000 })).items.filter((entry) => entry.action.endsWith('.denied'));
    expect(denials.length).toBeGreaterThan(10);
    expect(JSON.stringify(denials)).not.toMatch(/Maths games|example\.org/);
  });

  it('exercised every action of the permissions table, and the table above names each of them', () => {
    const exercised = [...consulted].sort();
    // The list, for whoever reads the test output: what the server checked while the matrix ran.
    expect(exercised).toEqual(Object.keys(PERMISSIONS).sort());
    expect(Object.keys(ALLOWED).sort()).toEqual(exercised);
  });
});
