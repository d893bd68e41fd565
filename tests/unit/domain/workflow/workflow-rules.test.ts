/**
 * The approval engine, on every request type's definition: what each person is waited on for (the
 * inbox's rule), how a state reads for whom, the step's typed text, and that every definition hangs
 * together (every state that waits on someone has a step for them; every step's action is in the
 * permissions table). Expected answers are written here from the policy, not read from the definitions.
 */
import { newAccessRequest, type AccessRequestState } from '../../../../bot/src/domain/access/access-request';
import { ACCESS_WORKFLOW } from '../../../../bot/src/domain/access/access-workflow';
import { holdersOf, PERMISSIONS } from '../../../../bot/src/domain/authorization/permissions';
import type { Person } from '../../../../bot/src/domain/people/person';
import { ROLES, type Role } from '../../../../bot/src/domain/people/role';
import { newPostingRequest, type PostingState } from '../../../../bot/src/domain/posting/posting-request';
import { POSTING_WORKFLOW } from '../../../../bot/src/domain/posting/posting-workflow';
import { REQUEST_TYPES } from '../../../../bot/src/domain/records/record-type';
import type { RequestRecord } from '../../../../bot/src/domain/workflow/workflow';
import { readStepFields, stateLabel, stepNames, stepsAwaited, stepsFor } from '../../../../bot/src/domain/workflow/workflow-rules';
import { WORKFLOWS } from '../../../../bot/src/domain/workflow/workflows';

const NOW = new Date('2026-11-24T10:30:00Z');
const requester: Person = { id: 'p-requester', displayName: 'Priya Shah', roles: ['staff'] };
const holderOf = (role: Role): Person => ({ id: `p-${role}`, displayName: `The ${role}`, roles: [role] });
const PEOPLE: [Role | 'requester', Person][] = [['requester', requester], ...ROLES.map((role): [Role, Person] => [role, holderOf(role)])];

function accessIn(state: AccessRequestState) {
  const input = { url: 'https://example.org/', siteContent: 'Videos', reasons: 'Lessons', risksAndControls: 'Teacher screen only' };
  return { ...newAccessRequest(input, { personId: requester.id, name: requester.displayName }, 'k', NOW), id: '1', state };
}

function postingIn(state: PostingState) {
  const details = {
    kind: 'post' as const,
    accountId: '1',
    accountLabel: 'X @Riverside',
    text: 'Sports day',
    media: ['images' as const],
    pupils: [],
    groupLabel: 'sports day',
    facesBlurred: false,
    postingDate: '2026-11-26',
  };
  return { ...newPostingRequest(details, [], { personId: requester.id, name: requester.displayName }, 'k', NOW), id: '2', state };
}

/** Who a request waits on in each state, and for which steps: anyone not listed is waited on for nothing. */
const ACCESS_AWAITS: Record<AccessRequestState, [Role | 'requester', string[]][]> = {
  withOnlineSafetyLead: [['onlineSafetyLead', ['forward', 'return']]],
  returnedToRequester: [['requester', ['resubmit']]],
  withHeadteacher: [['headteacher', ['approve', 'refuse']]],
  approved: [['ictTechnician', ['markDone']]],
  refused: [],
  unblocked: [],
  withdrawn: [],
};

const POSTING_AWAITS: Record<PostingState, [Role | 'requester', string[]][]> = {
  checksFailed: [['requester', ['resubmit']]],
  withHeadteacher: [['headteacher', ['approve', 'refuse']]],
  approved: [['requester', ['confirmPosted']]],
  refused: [],
  posted: [],
  withdrawn: [],
};

describe('what each request waits on each person for (what an inbox lists)', () => {
  const cases = [
    ...(Object.keys(ACCESS_AWAITS) as AccessRequestState[]).flatMap((state) =>
      PEOPLE.map(([who, person]) => ({
        type: 'access',
        state,
        who,
        person,
        expected: ACCESS_AWAITS[state].find(([w]) => w === who)?.[1] ?? [],
        got: () => stepsAwaited(ACCESS_WORKFLOW, accessIn(state), person),
      })),
    ),
    ...(Object.keys(POSTING_AWAITS) as PostingState[]).flatMap((state) =>
      PEOPLE.map(([who, person]) => ({
        type: 'posting',
        state,
        who,
        person,
        expected: POSTING_AWAITS[state].find(([w]) => w === who)?.[1] ?? [],
        got: () => stepsAwaited(POSTING_WORKFLOW, postingIn(state), person),
      })),
    ),
  ];
  it.each(cases)('$type request $state, $who', ({ expected, got }) => {
    expect(got()).toEqual(expected);
  });

  it('never waits on the requester for withdrawing, though their card offers it', () => {
    expect(stepsFor(ACCESS_WORKFLOW, accessIn('withHeadteacher'), requester)).toEqual(['withdraw']);
    expect(stepsAwaited(ACCESS_WORKFLOW, accessIn('withHeadteacher'), requester)).toEqual([]);
  });

  it("waits on the chair of governors for the headteacher's own request, never on the headteacher", () => {
    const head = holderOf('headteacher');
    const chair = holderOf('chairOfGovernors');
    const own = { ...accessIn('withHeadteacher'), requesterId: head.id };
    const holders = (role: Role) => (role === 'headteacher' ? [head] : role === 'chairOfGovernors' ? [chair] : []);
    expect([stepsAwaited(ACCESS_WORKFLOW, own, head, holders), stepsAwaited(ACCESS_WORKFLOW, own, chair, holders)]).toEqual([
      [],
      ['approve', 'refuse'],
    ]);
  });
});

describe('how a state reads, for the requester and for everyone else', () => {
  it.each([
    ['accessRequest', 'returnedToRequester', 'Returned to you for changes', 'Returned to the requester for changes'],
    ['accessRequest', 'withHeadteacher', 'With the headteacher', 'With the headteacher'],
    ['postingRequest', 'approved', 'Approved — post it, then confirm with the link', 'Approved — waiting for the requester to post it'],
    [
      'postingRequest',
      'checksFailed',
      'Needs your changes before the headteacher can decide',
      'Needs changes before the headteacher can decide',
    ],
  ] as const)('%s %s', (type, state, toRequester, toOthers) => {
    expect([stateLabel(WORKFLOWS[type], state, true), stateLabel(WORKFLOWS[type], state, false)]).toEqual([toRequester, toOthers]);
  });
});

describe("a step's typed text, checked by the step's own rules", () => {
  const typed = (values: Record<string, string>) => (field: string) => values[field] ?? '';
  it.each([
    [
      'a forward with a note',
      'accessRequest',
      'forward',
      { note: 'Low risk', addedRisksAndControls: '' },
      { ok: true, value: { note: 'Low risk', addedRisksAndControls: '' } },
    ],
    [
      'hidden characters in a note',
      'accessRequest',
      'forward',
      { note: 'Fine\u202E' },
      { ok: false, errors: { note: expect.stringMatching(/hidden control characters/) } },
    ],
    [
      'a link that is not one',
      'postingRequest',
      'confirmPosted',
      { link: 'not a link' },
      { ok: false, errors: { link: expect.stringMatching(/starting with https/) } },
    ],
    ['a step that takes no text', 'postingRequest', 'withdraw', { link: 'ignored' }, { ok: true, value: {} }],
  ] as const)('%s', (_case, type, step, values, expected) => {
    expect(readStepFields(WORKFLOWS[type], step, typed(values))).toEqual(expected);
  });
});

describe.each(REQUEST_TYPES)('the %s definition hangs together', (type) => {
  const workflow = WORKFLOWS[type];
  const person = (party: Role | 'requester') => (party === 'requester' ? requester : holderOf(party));
  const record = (state: string): RequestRecord => ({
    ...(type === 'accessRequest' ? accessIn('withHeadteacher') : postingIn('withHeadteacher')),
    state,
  });

  it.each(Object.entries(workflow.states))(
    '%s: whoever it waits on has a step to take; a finished state waits on nobody',
    (state, definition) => {
      if (definition.finished) {
        expect([definition.waitsOn, stepNames(workflow).filter((step) => workflow.steps[step]!.from.includes(state))]).toEqual([
          undefined,
          [],
        ]);
        return;
      }
      expect(definition.waitsOn).toBeDefined();
      expect(stepsAwaited(workflow, record(state), person(definition.waitsOn!)).length).toBeGreaterThan(0);
    },
  );

  it('takes every step by a row of the permissions table', () => {
    for (const step of stepNames(workflow)) expect(Object.keys(PERMISSIONS)).toContain(workflow.steps[step]!.action);
    expect(holdersOf(workflow.submission.action)).toContain('staff');
  });
});
