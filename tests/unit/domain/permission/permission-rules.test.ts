/**
 * The policy's smaller permissions, every one a definition run by the one engine:
 * - s.5: staff do not use personal accounts on school devices or the school WiFi "unless otherwise
 *   permitted by the headteacher, and once the online safety lead has ensured the necessary network
 *   security controls are applied";
 * - s.7: pupils use social media on the school WiFi only when "prior permission has been sought from
 *   the headteacher, and the online safety officer has ensured appropriate network security measures";
 * - s.5: school passwords are "not shared with any unauthorised persons, including pupils, unless
 *   otherwise permitted by the headteacher".
 */
import {
  PERMISSION_STATES,
  type PermissionAction,
  type PermissionRequest,
  type PermissionState,
  type PermissionStep,
  type PermissionType,
} from '../../../../bot/src/domain/permission/permission-request';
import { PERMISSION_WORKFLOWS } from '../../../../bot/src/domain/permission/permission-workflows';
import { applyStep, readStepFields, stepsFor, toldAfter } from '../../../../bot/src/domain/workflow/workflow-rules';
import type { Person } from '../../../../bot/src/domain/people/person';
import { ROLES, type Role } from '../../../../bot/src/domain/people/role';

const NOW = new Date('2026-11-24T10:30:00Z');
const requester: Person = { id: 'p-requester', displayName: 'Priya Shah', roles: ['staff'], aadObjectId: 'aad-requester' };
const holderOf = (role: Role): Person => ({ id: `p-${role}`, displayName: `The ${role}`, roles: [role], aadObjectId: `aad-${role}` });
const ACTORS: [Role | 'requester', Person][] = [['requester', requester], ...ROLES.map((role): [Role, Person] => [role, holderOf(role)])];

const ACTIONS: Record<PermissionStep, PermissionAction> = {
  approve: { type: 'approve', reasons: 'For the Year 6 unit on online reputation' },
  refuse: { type: 'refuse', reasons: 'Not needed for the lessons' },
  complete: { type: 'complete', note: 'Done' },
  withdraw: { type: 'withdraw' },
};

/** Who completes each once approved: the online safety lead applies the controls; the requester changes the password. */
const COMPLETES: Record<PermissionType, Role | 'requester'> = {
  staffPersonalAccount: 'onlineSafetyLead',
  pupilWifi: 'onlineSafetyLead',
  accountPassword: 'requester',
};

/** Every step allowed, for each type: [from, step, who, to]. Anything not listed is refused. */
const allowed = (type: PermissionType): [PermissionState, PermissionStep, Role | 'requester', PermissionState][] => [
  ['withHeadteacher', 'approve', 'headteacher', 'approved'],
  ['withHeadteacher', 'refuse', 'headteacher', 'refused'],
  ['withHeadteacher', 'withdraw', 'requester', 'withdrawn'],
  ['approved', 'complete', COMPLETES[type], 'completed'],
];
const owner = (type: PermissionType, step: PermissionStep): Role | 'requester' => {
  const owners: Record<PermissionStep, Role | 'requester'> = {
    approve: 'headteacher',
    refuse: 'headteacher',
    withdraw: 'requester',
    complete: COMPLETES[type],
  };
  return owners[step];
};

function requestIn(type: PermissionType, state: PermissionState): PermissionRequest {
  const opened = PERMISSION_WORKFLOWS[type].submission.open(
    { platform: 'Padlet', until: '2026-12-04' },
    { personId: requester.id, name: requester.displayName },
    'key-1',
    new Date('2026-11-20T09:00:00Z'),
  );
  return { ...opened, id: '7', state };
}

const TYPES = Object.keys(PERMISSION_WORKFLOWS) as PermissionType[];
const cases = TYPES.flatMap((type) =>
  PERMISSION_STATES.flatMap((state) =>
    (Object.keys(ACTIONS) as PermissionStep[]).flatMap((step) => ACTORS.map(([who, person]) => ({ type, state, step, who, person }))),
  ),
);

describe('every type × state × step × role', () => {
  it.each(cases)('$type: $state, $step by $who', ({ type, state, step, who, person }) => {
    const rule = allowed(type).find(([from, s, w]) => from === state && s === step && w === who);
    const result = applyStep(PERMISSION_WORKFLOWS[type], requestIn(type, state), ACTIONS[step], person, NOW);
    if (rule) expect(result).toMatchObject({ ok: true, request: { state: rule[3] } });
    else if (owner(type, step) !== who) expect(result).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
    else expect(result).toMatchObject({ ok: false, error: { code: 'not-now' } });
  });

  it.each(TYPES)('%s: offers each person exactly the steps they could take', (type) => {
    for (const state of PERMISSION_STATES) {
      for (const [who, person] of ACTORS) {
        const expected = allowed(type)
          .filter(([from, , w]) => from === state && w === who)
          .map(([, step]) => step)
          .sort();
        expect(stepsFor(PERMISSION_WORKFLOWS[type], requestIn(type, state), person).sort()).toEqual(expected);
      }
    }
  });
});

describe('decisions', () => {
  it.each(TYPES)("%s: an approval is signed with the headteacher's name, Entra id, the time and the reasons", (type) => {
    const result = applyStep(PERMISSION_WORKFLOWS[type], requestIn(type, 'withHeadteacher'), ACTIONS.approve, holderOf('headteacher'), NOW);
    expect(result).toMatchObject({
      ok: true,
      request: {
        decision: {
          approved: true,
          reasons: 'For the Year 6 unit on online reputation',
          signature: { name: 'The headteacher', aadObjectId: 'aad-headteacher', at: NOW.toISOString() },
        },
      },
    });
  });

  it.each(TYPES)('%s: a refusal without reasons is refused', (type) => {
    expect(
      applyStep(
        PERMISSION_WORKFLOWS[type],
        requestIn(type, 'withHeadteacher'),
        { type: 'refuse', reasons: ' ' },
        holderOf('headteacher'),
        NOW,
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid-field', field: 'reasons' } });
  });

  it.each(TYPES)('%s: a headteacher does not approve their own request (the chair of governors does)', (type) => {
    const head = { ...holderOf('headteacher'), roles: ['staff', 'headteacher'] as Role[] };
    const own = { ...requestIn(type, 'withHeadteacher'), requesterId: head.id };
    const holders = (role: Role) => (role === 'headteacher' ? [head] : role === 'chairOfGovernors' ? [holderOf('chairOfGovernors')] : []);
    expect(applyStep(PERMISSION_WORKFLOWS[type], own, ACTIONS.approve, head, NOW, holders)).toMatchObject({
      ok: false,
      error: { code: 'not-permitted' },
    });
    expect(applyStep(PERMISSION_WORKFLOWS[type], own, ACTIONS.approve, holderOf('chairOfGovernors'), NOW, holders)).toMatchObject({
      ok: true,
      request: { state: 'approved' },
    });
  });

  it('a note that gives a password is refused on every step that takes text', () => {
    for (const type of TYPES) {
      for (const step of ['approve', 'refuse', 'complete'] as const) {
        const field = step === 'complete' ? 'note' : 'reasons';
        expect(
          readStepFields(PERMISSION_WORKFLOWS[type], step, (name) => (name === field ? 'The new password is Riverside2026!' : '')),
        ).toMatchObject({ ok: false, errors: { [field]: expect.stringContaining('Never type a password here') } });
      }
    }
  });
});

describe('who is told (never the person who took the step)', () => {
  const after = (type: PermissionType, step: PermissionStep | 'submit') =>
    toldAfter(PERMISSION_WORKFLOWS[type], requestIn(type, 'approved'), step);

  it.each([
    ['staffPersonalAccount', 'submit', { act: ['headteacher'], informed: [] }],
    ['staffPersonalAccount', 'approve', { act: ['onlineSafetyLead'], informed: ['requester'] }],
    ['staffPersonalAccount', 'complete', { act: [], informed: ['requester'] }],
    ['pupilWifi', 'approve', { act: ['onlineSafetyLead'], informed: ['requester'] }],
    ['pupilWifi', 'refuse', { act: [], informed: ['requester'] }],
    // The requester is told of the approval; the reminder to change the password comes when the period ends.
    ['accountPassword', 'approve', { act: [], informed: ['requester'] }],
    ['accountPassword', 'complete', { act: [], informed: ['headteacher'] }],
    ['accountPassword', 'withdraw', { act: [], informed: [] }],
  ] as const)('%s, after %s', (type, step, telling) => {
    expect(after(type, step)).toEqual(telling);
  });
});
