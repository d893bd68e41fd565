/**
 * Social Media Policy s.9 and Appendix A: "Requests may be made to access erroneously blocked
 * content by submitting a blocked content access form to the online safety lead, which will be
 * approved by the headteacher." The ICT technician then updates the filter (s.2, ICT technicians).
 */
import {
  ACCESS_REQUEST_STATES,
  newAccessRequest,
  type AccessAction,
  type AccessActionType,
  type AccessRequest,
  type AccessRequestState,
} from '../../../../bot/src/domain/access/access-request';
import { ACCESS_WORKFLOW } from '../../../../bot/src/domain/access/access-workflow';
import {
  applyStep,
  awaitedIn,
  isFinished,
  maySeeRequest,
  stateLabel,
  stepsFor,
  toldAfter,
} from '../../../../bot/src/domain/workflow/workflow-rules';
import type { Person } from '../../../../bot/src/domain/people/person';
import { ROLES, type Role } from '../../../../bot/src/domain/people/role';

const NOW = new Date('2026-11-24T10:30:00Z');
const PERIOD = { from: '2026-11-24', to: '2026-12-18' };
const INPUT = {
  url: 'https://example.org/',
  siteContent: 'Videos',
  reasons: 'Lessons',
  risksAndControls: 'Teacher screen only',
  period: PERIOD,
  scope: { kind: 'class' as const, group: '3B' },
};
const requester: Person = { id: 'p-requester', displayName: 'Priya Shah', roles: ['staff'], aadObjectId: 'aad-requester' };
const holderOf = (role: Role): Person => ({ id: `p-${role}`, displayName: `The ${role}`, roles: [role], aadObjectId: `aad-${role}` });

const ACTIONS: Record<AccessActionType, AccessAction> = {
  forward: { type: 'forward', note: 'fine' },
  return: { type: 'return', note: 'Please give the full URL' },
  approve: { type: 'approve', reasons: 'Curriculum' },
  refuse: { type: 'refuse', reasons: 'Not suitable' },
  markDone: { type: 'markDone', note: 'Allowed on filter' },
  withdraw: { type: 'withdraw' },
  resubmit: { type: 'resubmit', input: { ...INPUT, url: 'https://example.org/page' } },
  reblock: { type: 'reblock', note: 'Removed from the allow list' },
  setEnd: { type: 'setEnd', endDate: '2026-12-01' },
};

/** Every step the policy allows: [from, step, who, to]. Anything not listed must be refused. */
const ALLOWED: [AccessRequestState, AccessActionType, Role | 'requester', AccessRequestState][] = [
  ['withOnlineSafetyLead', 'forward', 'onlineSafetyLead', 'withHeadteacher'],
  ['withOnlineSafetyLead', 'return', 'onlineSafetyLead', 'returnedToRequester'],
  ['withHeadteacher', 'approve', 'headteacher', 'approved'],
  ['withHeadteacher', 'refuse', 'headteacher', 'refused'],
  ['approved', 'markDone', 'ictTechnician', 'unblocked'],
  ['withOnlineSafetyLead', 'withdraw', 'requester', 'withdrawn'],
  ['returnedToRequester', 'withdraw', 'requester', 'withdrawn'],
  ['withHeadteacher', 'withdraw', 'requester', 'withdrawn'],
  ['returnedToRequester', 'resubmit', 'requester', 'withOnlineSafetyLead'],
  ['unblocked', 'reblock', 'ictTechnician', 'reblocked'],
  ['unblocked', 'setEnd', 'onlineSafetyLead', 'unblocked'],
];

/** Who may take a step at all, whatever the state. */
const STEP_OWNER: Record<AccessActionType, Role | 'requester'> = {
  forward: 'onlineSafetyLead',
  return: 'onlineSafetyLead',
  approve: 'headteacher',
  refuse: 'headteacher',
  markDone: 'ictTechnician',
  withdraw: 'requester',
  resubmit: 'requester',
  reblock: 'ictTechnician',
  setEnd: 'onlineSafetyLead',
};

function requestIn(state: AccessRequestState): AccessRequest {
  return {
    ...newAccessRequest(INPUT, { personId: requester.id, name: requester.displayName }, 'key-1', new Date('2026-11-20T09:00:00Z')),
    id: '7',
    state,
  };
}

const ACTORS: [Role | 'requester', Person][] = [['requester', requester], ...ROLES.map((role): [Role, Person] => [role, holderOf(role)])];

const cases = ACCESS_REQUEST_STATES.flatMap((state) =>
  (Object.keys(ACTIONS) as AccessActionType[]).flatMap((step) => ACTORS.map(([who, person]) => ({ state, step, who, person }))),
);

describe('every state × step × role (s.9, Appendix A)', () => {
  it.each(cases)('$state, $step by $who', ({ state, step, who, person }) => {
    const allowed = ALLOWED.find(([from, s, w]) => from === state && s === step && w === who);
    const result = applyStep(ACCESS_WORKFLOW, requestIn(state), ACTIONS[step], person, NOW);
    if (allowed) {
      expect(result).toMatchObject({ ok: true, request: { state: allowed[3] } });
    } else if (STEP_OWNER[step] !== who) {
      expect(result).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: 'not-now' } });
    }
  });

  it('offers each person exactly the steps they could take', () => {
    for (const { state, person, who } of cases) {
      const expected = ALLOWED.filter(([from, , w]) => from === state && w === who)
        .map(([, step]) => step)
        .sort();
      expect(stepsFor(ACCESS_WORKFLOW, requestIn(state), person).sort()).toEqual(expected);
    }
  });
});

describe('signatures, reasons and history', () => {
  const lead = holderOf('onlineSafetyLead');
  const head = holderOf('headteacher');

  it.each([
    ['refuse', { type: 'refuse', reasons: '   ' }, 'withHeadteacher', head],
    ['refuse', { type: 'refuse' }, 'withHeadteacher', head],
    ['return', { type: 'return', note: '' }, 'withOnlineSafetyLead', lead],
  ] as [string, AccessAction, AccessRequestState, Person][])(
    'a %s without reasons is refused (Appendix A "Reasons")',
    (_name, action, state, actor) => {
      expect(applyStep(ACCESS_WORKFLOW, requestIn(state), action, actor, NOW)).toMatchObject({
        ok: false,
        error: { code: 'invalid-field' },
      });
    },
  );

  it('an approval may be given without reasons', () => {
    expect(applyStep(ACCESS_WORKFLOW, requestIn('withHeadteacher'), { type: 'approve' }, head, NOW)).toMatchObject({
      ok: true,
      request: { decision: { approved: true, reasons: '' } },
    });
  });

  it('the decision is signed with the name, Entra identity, date and time (Appendix A "Signature")', () => {
    const result = applyStep(ACCESS_WORKFLOW, requestIn('withHeadteacher'), { type: 'refuse', reasons: 'Social media site' }, head, NOW);
    expect(result).toMatchObject({
      ok: true,
      request: {
        state: 'refused',
        decision: {
          approved: false,
          reasons: 'Social media site',
          signature: { personId: head.id, name: head.displayName, aadObjectId: head.aadObjectId, at: NOW.toISOString() },
        },
      },
    });
  });

  it('each step is added to the history; the original request is not changed', () => {
    const original = requestIn('withOnlineSafetyLead');
    const result = applyStep(ACCESS_WORKFLOW, original, { type: 'forward', note: 'ok', addedRisksAndControls: 'Supervise' }, lead, NOW);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.request.history.map((entry) => entry.step)).toEqual(['submit', 'forward']);
    expect(result.request.leadReview).toMatchObject({ outcome: 'forwarded', addedRisksAndControls: 'Supervise' });
    expect(original.history).toHaveLength(1);
    expect(original.state).toBe('withOnlineSafetyLead');
  });

  it('a resubmission replaces the form fields and goes back to the online safety lead', () => {
    const result = applyStep(ACCESS_WORKFLOW, requestIn('returnedToRequester'), ACTIONS.resubmit, requester, NOW);
    expect(result).toMatchObject({ ok: true, request: { url: 'https://example.org/page', state: 'withOnlineSafetyLead' } });
  });

  it('a person holding the role who also made the request may not decide it: nobody decides their own request', () => {
    const leadRequester: Person = { ...lead, id: requester.id };
    const result = applyStep(ACCESS_WORKFLOW, requestIn('withOnlineSafetyLead'), ACTIONS.forward, leadRequester, NOW);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not-permitted',
        message: expect.stringMatching(
          /Nobody decides on their own request or record, so you cannot send this request to the headteacher: another online safety lead does, or the headteacher if there is none/,
        ),
      },
    });
  });
});

describe('who is told after each step (s.9: the requester is told at each step)', () => {
  it.each([
    ['submit', ['onlineSafetyLead'], []],
    ['forward', ['headteacher'], ['requester']],
    ['return', ['requester'], []],
    ['approve', ['ictTechnician'], ['requester']],
    ['refuse', [], ['requester']],
    ['markDone', [], ['requester']],
    ['resubmit', ['onlineSafetyLead'], []],
    ['reblock', [], ['requester']],
    ['setEnd', [], []],
  ] as const)('after %s: asked to act %j, informed %j', (step, act, informed) => {
    expect(toldAfter(ACCESS_WORKFLOW, requestIn('withOnlineSafetyLead'), step)).toEqual({ act, informed });
  });
});

describe('what a request waits for ("waiting for me")', () => {
  // Withdrawing is always the requester's to choose: it never makes a request wait for them.
  it.each<[AccessRequestState, AccessActionType[]]>([
    ['withOnlineSafetyLead', ['forward', 'return']],
    ['returnedToRequester', ['resubmit']],
    ['withHeadteacher', ['approve', 'refuse']],
    ['approved', ['markDone']],
    ['refused', []],
    // An open unblock waits on nobody until its last day: then the daily job asks the ICT technician.
    ['unblocked', []],
    ['withdrawn', []],
    ['reblocked', []],
  ])('%s waits for %j', (state, awaited) => {
    expect(awaitedIn(ACCESS_WORKFLOW, state)).toEqual(awaited);
  });
});

describe('the period and who the site is opened for', () => {
  const head = holderOf('headteacher');
  const lead = holderOf('onlineSafetyLead');
  const ict = holderOf('ictTechnician');

  // [the last day the headteacher types, the period saved]: only ever shorter, never before its first day.
  it.each([
    ['', PERIOD],
    ['2026-12-04', { from: '2026-11-24', to: '2026-12-04' }],
    ['2026-11-24', { from: '2026-11-24', to: '2026-11-24' }],
    ['2026-12-18', PERIOD],
  ])('the headteacher approving with the last day %p saves %j', (endDate, period) => {
    expect(applyStep(ACCESS_WORKFLOW, requestIn('withHeadteacher'), { type: 'approve', endDate }, head, NOW)).toMatchObject({
      ok: true,
      request: { state: 'approved', period },
    });
  });

  // A day the headteacher typed is refused on its field, not quietly ignored: they would think the site closes then.
  it.each([
    ['2027-01-08', 'The last day can only be sooner than 18 December 2026; a longer unblock is a new request.'],
    ['2026-11-23', 'The last day cannot be before the first day, 24 November 2026.'],
  ])('the headteacher approving with the last day %p is told: %s', (endDate, message) => {
    expect(applyStep(ACCESS_WORKFLOW, requestIn('withHeadteacher'), { type: 'approve', endDate }, head, NOW)).toEqual({
      ok: false,
      error: { code: 'invalid-field', field: 'endDate', message },
    });
  });

  it('blocking the site again is signed and closes the unblock', () => {
    const result = applyStep(ACCESS_WORKFLOW, requestIn('unblocked'), ACTIONS.reblock, ict, NOW);
    expect(result).toMatchObject({
      ok: true,
      request: {
        state: 'reblocked',
        reblocked: { note: 'Removed from the allow list', signature: { personId: ict.id, at: NOW.toISOString() } },
      },
    });
  });

  it('the online safety lead sets the last day of a site opened before periods existed, from the day it was opened', () => {
    const legacy: AccessRequest = {
      ...requestIn('unblocked'),
      period: undefined,
      actioned: { note: '', signature: { personId: ict.id, name: ict.displayName, at: '2026-10-05T09:00:00Z' } },
    };
    const result = applyStep(ACCESS_WORKFLOW, legacy, { type: 'setEnd', endDate: '2026-12-18' }, lead, NOW);
    expect(result).toMatchObject({ ok: true, request: { state: 'unblocked', period: { from: '2026-10-05', to: '2026-12-18' } } });
  });

  it('the online safety lead can end an unblock sooner, never later (a longer one is a new request)', () => {
    expect(applyStep(ACCESS_WORKFLOW, requestIn('unblocked'), { type: 'setEnd', endDate: '2027-03-01' }, lead, NOW)).toEqual({
      ok: false,
      error: {
        code: 'invalid-field',
        field: 'endDate',
        message: 'The last day can only be sooner than 18 December 2026; a longer unblock is a new request.',
      },
    });
    expect(applyStep(ACCESS_WORKFLOW, requestIn('unblocked'), { type: 'setEnd', endDate: '2026-12-01' }, lead, NOW)).toMatchObject({
      ok: true,
      request: { period: { to: '2026-12-01' } },
    });
  });

  it('setting the last day needs a day', () => {
    expect(applyStep(ACCESS_WORKFLOW, requestIn('unblocked'), { type: 'setEnd', endDate: '' }, lead, NOW)).toMatchObject({
      ok: false,
      error: { code: 'invalid-field', field: 'endDate' },
    });
  });
});

describe('each step keeps the request and its history, and signs what it decides (Appendix A "Signature")', () => {
  const LATER = new Date('2026-11-26T14:15:00Z');
  const lead = holderOf('onlineSafetyLead');
  const head = holderOf('headteacher');
  const ict = holderOf('ictTechnician');
  const signedBy = (person: Person) => ({
    personId: person.id,
    name: person.displayName,
    aadObjectId: person.aadObjectId,
    at: LATER.toISOString(),
  });
  const entry = (person: Person, step: AccessActionType, note?: string) => ({
    at: LATER.toISOString(),
    personId: person.id,
    name: person.displayName,
    step,
    ...(note ? { note } : {}),
  });

  it.each<[string, AccessRequestState, Person, AccessAction, Partial<AccessRequest>, ReturnType<typeof entry>]>([
    [
      'forwarded with the risks the lead adds',
      'withOnlineSafetyLead',
      lead,
      { type: 'forward', note: 'Fine for Year 3', addedRisksAndControls: 'Supervise' },
      {
        state: 'withHeadteacher',
        leadReview: { outcome: 'forwarded', note: 'Fine for Year 3', addedRisksAndControls: 'Supervise', signature: signedBy(lead) },
      },
      entry(lead, 'forward', 'Fine for Year 3'),
    ],
    [
      'forwarded without a note',
      'withOnlineSafetyLead',
      lead,
      { type: 'forward' },
      { state: 'withHeadteacher', leadReview: { outcome: 'forwarded', note: '', addedRisksAndControls: '', signature: signedBy(lead) } },
      entry(lead, 'forward'),
    ],
    [
      'returned with the reason',
      'withOnlineSafetyLead',
      lead,
      { type: 'return', note: 'Which page?' },
      {
        state: 'returnedToRequester',
        leadReview: { outcome: 'returned', note: 'Which page?', addedRisksAndControls: '', signature: signedBy(lead) },
      },
      entry(lead, 'return', 'Which page?'),
    ],
    [
      'approved with reasons',
      'withHeadteacher',
      head,
      { type: 'approve', reasons: 'Curriculum' },
      { state: 'approved', decision: { approved: true, reasons: 'Curriculum', signature: signedBy(head) } },
      entry(head, 'approve', 'Curriculum'),
    ],
    [
      'refused: recorded as refused, never as approved',
      'withHeadteacher',
      head,
      { type: 'refuse', reasons: 'Not suitable' },
      { state: 'refused', decision: { approved: false, reasons: 'Not suitable', signature: signedBy(head) } },
      entry(head, 'refuse', 'Not suitable'),
    ],
    [
      'opened by ICT, with a note',
      'approved',
      ict,
      { type: 'markDone', note: 'Allowed on the filter' },
      { state: 'unblocked', actioned: { note: 'Allowed on the filter', signature: signedBy(ict) } },
      entry(ict, 'markDone', 'Allowed on the filter'),
    ],
    [
      'opened by ICT, without a note',
      'approved',
      ict,
      { type: 'markDone' },
      { state: 'unblocked', actioned: { note: '', signature: signedBy(ict) } },
      entry(ict, 'markDone'),
    ],
    [
      'withdrawn by the requester',
      'withHeadteacher',
      requester,
      { type: 'withdraw' },
      { state: 'withdrawn' },
      entry(requester, 'withdraw'),
    ],
    [
      'resubmitted with the new form',
      'returnedToRequester',
      requester,
      ACTIONS.resubmit,
      { url: 'https://example.org/page', state: 'withOnlineSafetyLead' },
      entry(requester, 'resubmit'),
    ],
  ])('%s', (_rule, from, actor, action, changes, newEntry) => {
    const before = requestIn(from);
    expect(applyStep(ACCESS_WORKFLOW, before, action, actor, LATER)).toStrictEqual({
      ok: true,
      request: { ...before, ...changes, history: [...before.history, newEntry], updatedAt: LATER.toISOString() },
    });
  });

  it('a signature without an Entra identity has none', () => {
    const result = applyStep(
      ACCESS_WORKFLOW,
      requestIn('withHeadteacher'),
      { type: 'approve' },
      { id: 'h', displayName: 'Head', roles: ['headteacher'] },
      LATER,
    );
    expect(result.ok && result.request.decision?.signature).toStrictEqual({ personId: 'h', name: 'Head', at: LATER.toISOString() });
  });

  it.each<[AccessActionType, AccessRequestState, string]>([
    ['forward', 'withOnlineSafetyLead', 'Only the online safety lead can send this request to the headteacher.'],
    ['return', 'withOnlineSafetyLead', 'Only the online safety lead can return this request.'],
    ['approve', 'withHeadteacher', 'Only the headteacher can approve this request.'],
    ['refuse', 'withHeadteacher', 'Only the headteacher can refuse this request.'],
    ['markDone', 'approved', 'Only the ICT technician can mark this site as opened.'],
    ['withdraw', 'withHeadteacher', 'Only the person who made the request can withdraw this request.'],
    ['resubmit', 'returnedToRequester', 'Only the person who made the request can resubmit this request.'],
  ])('%s by a governor is refused, saying who may', (step, from, message) => {
    expect(applyStep(ACCESS_WORKFLOW, requestIn(from), ACTIONS[step], holderOf('governor'), NOW)).toEqual({
      ok: false,
      error: { code: 'not-permitted', message },
    });
  });

  it('a review of a request already with the headteacher changes nothing and says where it is', () => {
    expect(applyStep(ACCESS_WORKFLOW, requestIn('withHeadteacher'), ACTIONS.forward, lead, NOW)).toEqual({
      ok: false,
      error: { code: 'not-now', message: 'This request is already "With the headteacher", so nothing was changed.' },
    });
  });

  it.each<[AccessRequestState, string]>([
    ['withOnlineSafetyLead', 'With the online safety lead'],
    ['returnedToRequester', 'Returned to the requester for changes'],
    ['approved', 'Approved — waiting for ICT'],
    ['refused', 'Refused'],
    ['unblocked', 'Site opened'],
    ['withdrawn', 'Withdrawn'],
  ])('a decision on a request that is %s changes nothing and says where it is', (state, label) => {
    expect(applyStep(ACCESS_WORKFLOW, requestIn(state), ACTIONS.approve, holderOf('headteacher'), NOW)).toEqual({
      ok: false,
      error: { code: 'not-now', message: `This request is already "${label}", so nothing was changed.` },
    });
  });

  it.each<[AccessAction, AccessRequestState, Person, string, string]>([
    [
      { type: 'refuse', reasons: ' ' },
      'withHeadteacher',
      head,
      'reasons',
      'A refusal needs reasons (Appendix A), so the requester knows why.',
    ],
    [{ type: 'return' }, 'withOnlineSafetyLead', lead, 'note', 'Say why the request is being returned, so the requester can fix it.'],
    [
      { type: 'return', note: '   ' },
      'withOnlineSafetyLead',
      lead,
      'note',
      'Say why the request is being returned, so the requester can fix it.',
    ],
  ])('%j without reasons says why they are needed, on the field to fill', (action, state, actor, field, message) => {
    expect(applyStep(ACCESS_WORKFLOW, requestIn(state), action, actor, NOW)).toEqual({
      ok: false,
      error: { code: 'invalid-field', field, message },
    });
  });
});

describe('who sees a request, and when it is finished (s.9)', () => {
  it.each<[Role | 'requester', boolean]>([
    ['requester', true],
    ['onlineSafetyLead', true],
    ['headteacher', true],
    ['ictTechnician', true],
    ['staff', false],
    ['dsl', false],
    ['governor', false],
  ])('%s sees it: %s', (who, sees) => {
    const person = who === 'requester' ? requester : holderOf(who);
    expect(maySeeRequest(ACCESS_WORKFLOW, requestIn('withHeadteacher'), person)).toBe(sees);
  });

  it.each<[AccessRequestState, boolean]>([
    ['withOnlineSafetyLead', false],
    ['returnedToRequester', false],
    ['withHeadteacher', false],
    ['approved', false],
    ['refused', true],
    // Every unblock ends: open, it waits for the site to be blocked again.
    ['unblocked', false],
    ['reblocked', true],
    ['withdrawn', true],
  ])('%s finished: %s', (state, finished) => {
    expect(isFinished(ACCESS_WORKFLOW, state)).toBe(finished);
  });
});

describe('where a request is, as each reader sees it', () => {
  it.each<[AccessRequestState, string, string]>([
    // state                  the requester reads                  everyone else reads
    ['withOnlineSafetyLead', 'With the online safety lead', 'With the online safety lead'],
    ['returnedToRequester', 'Returned to you for changes', 'Returned to the requester for changes'],
    ['withHeadteacher', 'With the headteacher', 'With the headteacher'],
    ['approved', 'Approved — waiting for ICT', 'Approved — waiting for ICT'],
    ['refused', 'Refused', 'Refused'],
    ['unblocked', 'Site opened', 'Site opened'],
    ['withdrawn', 'Withdrawn', 'Withdrawn'],
  ])('%s: "%s" to the requester, "%s" to others', (state, toRequester, toOthers) => {
    expect([stateLabel(ACCESS_WORKFLOW, state, true), stateLabel(ACCESS_WORKFLOW, state, false)]).toEqual([toRequester, toOthers]);
  });
});
