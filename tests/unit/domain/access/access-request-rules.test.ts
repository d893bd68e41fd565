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
import { applyStep, awaitedIn, stepsFor, toldAfter } from '../../../../bot/src/domain/workflow/workflow-rules';
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
        error: { code: 'reasons-required' },
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
    ['2027-01-08', PERIOD],
    ['2026-11-23', PERIOD],
  ])('the headteacher approving with the last day %p saves %j', (endDate, period) => {
    expect(applyStep(ACCESS_WORKFLOW, requestIn('withHeadteacher'), { type: 'approve', endDate }, head, NOW)).toMatchObject({
      ok: true,
      request: { state: 'approved', period },
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
    expect(applyStep(ACCESS_WORKFLOW, requestIn('unblocked'), { type: 'setEnd', endDate: '2027-03-01' }, lead, NOW)).toMatchObject({
      ok: true,
      request: { period: PERIOD },
    });
    expect(applyStep(ACCESS_WORKFLOW, requestIn('unblocked'), { type: 'setEnd', endDate: '2026-12-01' }, lead, NOW)).toMatchObject({
      ok: true,
      request: { period: { to: '2026-12-01' } },
    });
  });

  it('setting the last day needs a day', () => {
    expect(applyStep(ACCESS_WORKFLOW, requestIn('unblocked'), { type: 'setEnd', endDate: '' }, lead, NOW)).toMatchObject({
      ok: false,
      error: { code: 'reasons-required', field: 'endDate' },
    });
  });
});
