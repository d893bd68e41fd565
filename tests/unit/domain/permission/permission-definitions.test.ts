/**
 * What people see of the smaller permissions besides the form (s.5, s.7): the reference a card and
 * a reminder give, the one line naming a request in "waiting for me" and in a reminder, the audit
 * line of a new request (what happened, never what it says), and what an approval or a completion
 * keeps in the request's history (Appendix A: the decision, its reasons and its signature).
 */
import type { Person } from '../../../../bot/src/domain/people/person';
import type { PermissionRequest, PermissionState, PermissionType } from '../../../../bot/src/domain/permission/permission-request';
import { PERMISSION_WORKFLOWS } from '../../../../bot/src/domain/permission/permission-workflows';
import { applyStep, readStepFields } from '../../../../bot/src/domain/workflow/workflow-rules';
import { outline } from '../../../fixtures/workflow-steps';

const SUBMITTED = new Date('2026-11-20T09:00:00Z');
const NOW = new Date('2026-11-24T10:30:00Z');
const head: Person = { id: 'p-head', displayName: 'Adele Vance', roles: ['staff', 'headteacher'], aadObjectId: 'aad-head' };
const lead: Person = { id: 'p-lead', displayName: 'Lee Gu', roles: ['staff', 'onlineSafetyLead'] };
const requester: Person = { id: 'p-requester', displayName: 'Priya Shah', roles: ['staff'] };
/** Who completes each once approved (s.5, s.7): the online safety lead applies the controls; the requester changes the password. */
const COMPLETER: Record<PermissionType, Person> = { staffPersonalAccount: lead, pupilWifi: lead, accountPassword: requester };
const TYPES = Object.keys(PERMISSION_WORKFLOWS) as PermissionType[];

function request(type: PermissionType, state: PermissionState, details: Record<string, string> = {}): PermissionRequest {
  const opened = PERMISSION_WORKFLOWS[type].submission.open(
    details,
    { personId: requester.id, name: requester.displayName },
    'k',
    SUBMITTED,
  );
  return { ...opened, id: '12', state };
}

describe('the reference a card and a reminder give: its own letters, never a bare number', () => {
  it.each([
    ['staffPersonalAccount', 'PA-12', 's.5 personal account at school'],
    ['pupilWifi', 'PW-12', 's.7 pupils on the school WiFi'],
    ['accountPassword', 'PS-12', 's.5 sharing a password'],
  ] as const)('%s → %s (%s)', (type, reference, _policy) => {
    expect(PERMISSION_WORKFLOWS[type].reference('12')).toBe(reference);
  });
});

describe('the one line naming a request in "waiting for me" and in a reminder', () => {
  it.each([
    ['staffPersonalAccount', 'the platform (s.5)', { platform: 'YouTube', device: 'iPad 14' }, 'YouTube'],
    [
      'pupilWifi',
      'the class on roll, by its name, and the platform (s.7)',
      { className: '3', classNameName: '6A', platform: 'Padlet' },
      '6A: Padlet',
    ],
    [
      'pupilWifi',
      'the group and the platform (s.7)',
      { group: 'Year 6 digital leaders', platform: 'Padlet' },
      'Year 6 digital leaders: Padlet',
    ],
    [
      'accountPassword',
      'the school account and who it is shared with, by name (s.5)',
      { accountId: '3', accountIdName: 'X @RiversidePrimary', sharedWithId: '9', sharedWithIdName: 'Megan Bowen' },
      'X @RiversidePrimary with Megan Bowen',
    ],
    // A record kept without a looked-up name (or a field) shows a blank there, never "undefined".
    ['staffPersonalAccount', 'no platform kept: blank (s.5)', {}, ''],
    ['pupilWifi', 'no class or group kept: blank before the platform (s.7)', { platform: 'Padlet' }, ': Padlet'],
    ['pupilWifi', 'no platform kept: blank after the group (s.7)', { group: 'Year 6 digital leaders' }, 'Year 6 digital leaders: '],
    ['accountPassword', "no account's name kept (s.5)", { sharedWithIdName: 'Megan Bowen' }, ' with Megan Bowen'],
    ['accountPassword', "no person's name kept (s.5)", { accountIdName: 'X @RiversidePrimary' }, 'X @RiversidePrimary with '],
  ] as const)('%s: %s', (type, _what, details, line) => {
    expect(PERMISSION_WORKFLOWS[type].summary(request(type, 'withHeadteacher', details))).toBe(line);
  });
});

describe("a new request's audit line names the kind of request, never what the form says (s.4)", () => {
  it.each([
    ['staffPersonalAccount', 'Personal account at school request submitted'],
    ['pupilWifi', 'Pupils on the school WiFi request submitted'],
    ['accountPassword', 'Sharing an account password request submitted'],
  ] as const)('%s: %j', (type, line) => {
    const draft = PERMISSION_WORKFLOWS[type].submission.open(
      { reason: 'Covering Ms Jones while she is on leave', platform: 'Padlet' },
      { personId: requester.id, name: requester.displayName },
      'k',
      SUBMITTED,
    );
    expect(PERMISSION_WORKFLOWS[type].submission.audit(draft)).toBe(line);
  });
});

describe("the history keeps the headteacher's reasons and the note of whoever completes it (Appendix A)", () => {
  const lastLine = (result: ReturnType<typeof applyStep<PermissionRequest, never>>) => (result.ok ? result.request.history.at(-1) : result);

  it.each(TYPES)('%s: an approval with reasons keeps them on the decision and in the history', (type) => {
    const result = applyStep(
      PERMISSION_WORKFLOWS[type],
      request(type, 'withHeadteacher'),
      { type: 'approve', reasons: 'For the Year 6 unit' },
      head,
      NOW,
    );
    expect(result.ok && result.request.decision?.reasons).toBe('For the Year 6 unit');
    expect(lastLine(result)).toEqual({
      at: NOW.toISOString(),
      personId: head.id,
      name: head.displayName,
      step: 'approve',
      note: 'For the Year 6 unit',
    });
  });

  it.each(TYPES)('%s: an approval without reasons is signed with empty reasons and a history line without a note', (type) => {
    const result = applyStep(PERMISSION_WORKFLOWS[type], request(type, 'withHeadteacher'), { type: 'approve' }, head, NOW);
    expect(result.ok && result.request.decision).toEqual({
      approved: true,
      reasons: '',
      signature: { personId: head.id, name: head.displayName, aadObjectId: 'aad-head', at: NOW.toISOString() },
    });
    expect(lastLine(result)).toEqual({ at: NOW.toISOString(), personId: head.id, name: head.displayName, step: 'approve' });
  });

  it.each(TYPES)('%s: completing it with a note keeps the note, signed, and in the history', (type) => {
    const who = COMPLETER[type];
    const result = applyStep(
      PERMISSION_WORKFLOWS[type],
      request(type, 'approved'),
      { type: 'complete', note: 'Filter rule 14 added' },
      who,
      NOW,
    );
    expect(result.ok && result.request.completed).toEqual({
      note: 'Filter rule 14 added',
      signature: { personId: who.id, name: who.displayName, at: NOW.toISOString() },
    });
    expect(lastLine(result)).toEqual({
      at: NOW.toISOString(),
      personId: who.id,
      name: who.displayName,
      step: 'complete',
      note: 'Filter rule 14 added',
    });
  });

  it.each(TYPES)('%s: completing it without a note keeps an empty note and a history line without one', (type) => {
    const who = COMPLETER[type];
    const result = applyStep(PERMISSION_WORKFLOWS[type], request(type, 'approved'), { type: 'complete' }, who, NOW);
    expect(result.ok && result.request.completed).toEqual({
      note: '',
      signature: { personId: who.id, name: who.displayName, at: NOW.toISOString() },
    });
    expect(lastLine(result)).toEqual({ at: NOW.toISOString(), personId: who.id, name: who.displayName, step: 'complete' });
  });
});

describe('a form that is not a set of fields gets a message on every required field, not an error page', () => {
  it.each([
    ['nothing sent (null)', null],
    ['nothing sent (undefined)', undefined],
    ['a list', ['3', '9']],
    ['a line of text', 'X @RiversidePrimary'],
  ])('sharing a password (s.5): %s', (_what, form) => {
    const result = PERMISSION_WORKFLOWS.accountPassword.submission.read(form, '2026-11-24');
    expect(result).toEqual({
      ok: false,
      errors: {
        accountId: 'School account is required.',
        sharedWithId: 'Shared with is required.',
        reason: 'Why is required.',
        until: 'Until is required.',
      },
    });
  });
});

/**
 * Each definition written out as the requester, the headteacher and whoever completes it read it:
 * what it is called, each state's words and who it waits on, each step's words and fields, what the
 * form looks up. States are compared strictly, so a key present but undefined counts as a difference.
 */
describe.each([
  [
    'staffPersonalAccount',
    's.5 personal account at school',
    {
      type: 'staffPersonalAccount',
      name: 'Personal account at school',
      auditName: 'staff-personal-account',
      viewAll: 'staffPersonalAccount.viewAll',
      submit: 'staffPersonalAccount.submit',
      approved: {
        label: 'Approved — waiting for the online safety lead to apply the network controls',
        waitsOn: 'onlineSafetyLead',
        escalateTo: 'headteacher',
      },
      completeLabel: 'record the network controls as applied',
      done: 'Controls applied',
    },
  ],
  [
    'pupilWifi',
    's.7 pupils on the school WiFi',
    {
      type: 'pupilWifi',
      name: 'Pupils on the school WiFi',
      auditName: 'pupil-wifi',
      viewAll: 'pupilWifi.viewAll',
      submit: 'pupilWifi.submit',
      approved: {
        label: 'Approved — waiting for the online safety lead to apply the network security measures',
        waitsOn: 'onlineSafetyLead',
        escalateTo: 'headteacher',
      },
      completeLabel: 'record the network security measures as applied',
      done: 'Measures applied',
    },
  ],
  [
    'accountPassword',
    's.5 sharing an account password',
    {
      type: 'accountPassword',
      name: 'Sharing an account password',
      auditName: 'account-password',
      viewAll: 'accountPassword.viewAll',
      submit: 'accountPassword.submit',
      approved: {
        label: 'Approved — the password is to be changed when the period ends',
        waitsOn: 'requester',
        escalateTo: 'headteacher',
        waitsFrom: expect.any(Function),
        remindAfter: 0,
        reminder: "The period has ended: change the account's password, then confirm it on the request (never type the password).",
      },
      completeLabel: 'confirm the password has been changed',
      done: 'Password changed',
    },
  ],
] as const)('%s (%s): the definition written out', (type, _policy, expected) => {
  const definition = PERMISSION_WORKFLOWS[type];

  it(`is "${expected.name}", audited as ${expected.auditName}, seen whole by ${expected.viewAll}`, () => {
    expect([definition.type, definition.name, definition.auditName, definition.viewAll, definition.submission.action]).toEqual([
      expected.type,
      expected.name,
      expected.auditName,
      expected.viewAll,
      expected.submit,
    ]);
  });

  it('reminds after 2 working days and escalates after 3', () => {
    expect(definition.nudges).toEqual({ remindAfter: 2, escalateAfter: 3 });
  });

  it('each state as the requester and the headteacher read it, and who it waits on', () => {
    expect(definition.states).toStrictEqual({
      withHeadteacher: { label: 'With the headteacher', waitsOn: 'headteacher', escalateTo: 'chairOfGovernors' },
      approved: expected.approved,
      completed: { label: expected.done, finished: true },
      refused: { label: 'Refused', finished: true },
      withdrawn: { label: 'Withdrawn', finished: true },
    });
  });

  it('each step, as "Only … can <label>" names it (Appendix A: a refusal gives reasons)', () => {
    expect(Object.fromEntries(Object.entries(definition.steps).map(([name, step]) => [name, outline(step)]))).toStrictEqual({
      approve: { action: `${type}.approve`, from: ['withHeadteacher'], label: 'approve this request', fields: ['reasons'] },
      refuse: {
        action: `${type}.refuse`,
        from: ['withHeadteacher'],
        label: 'refuse this request',
        fields: ['reasons'],
        requires: { field: 'reasons', message: 'A refusal needs reasons, so the requester knows why.' },
      },
      complete: { action: `${type}.complete`, from: ['approved'], label: expected.completeLabel, fields: ['note'] },
      withdraw: { action: `${type}.withdraw`, from: ['withHeadteacher'], label: 'withdraw this request', fields: [], awaited: false },
    });
  });
});

describe('what a form names that the app looks up before the request is opened', () => {
  it('s.5 sharing a password: the school account and the person it is shared with', () => {
    expect(PERMISSION_WORKFLOWS.accountPassword.submission.refersTo).toEqual({ accountId: 'schoolAccount', sharedWithId: 'person' });
  });

  it('s.7 pupils on the school WiFi: the class on roll and the supervising member of staff', () => {
    expect(PERMISSION_WORKFLOWS.pupilWifi.submission.refersTo).toEqual({ className: 'class', supervisorId: 'staff' });
  });

  it('s.5 personal account at school: nothing to look up', () => {
    expect(Object.keys(PERMISSION_WORKFLOWS.staffPersonalAccount.submission)).not.toContain('refersTo');
  });
});

describe('the words of a too-long reason or note name the field (Appendix A)', () => {
  const tooLong = 'x'.repeat(1001);
  it.each([
    ['staffPersonalAccount', 'approve', 'reasons', 'Reasons must be 1000 characters or fewer.'],
    ['staffPersonalAccount', 'refuse', 'reasons', 'Reasons must be 1000 characters or fewer.'],
    ['staffPersonalAccount', 'complete', 'note', 'What was set up must be 1000 characters or fewer.'],
    ['pupilWifi', 'approve', 'reasons', 'Reasons must be 1000 characters or fewer.'],
    ['pupilWifi', 'refuse', 'reasons', 'Reasons must be 1000 characters or fewer.'],
    ['pupilWifi', 'complete', 'note', 'What was set up must be 1000 characters or fewer.'],
    ['accountPassword', 'approve', 'reasons', 'Reasons must be 1000 characters or fewer.'],
    ['accountPassword', 'refuse', 'reasons', 'Reasons must be 1000 characters or fewer.'],
    ['accountPassword', 'complete', 'note', 'Note (never the password) must be 1000 characters or fewer.'],
  ] as const)('%s, %s: %s → %j', (type, step, field, message) => {
    expect(readStepFields(PERMISSION_WORKFLOWS[type], step, () => tooLong)).toEqual({ ok: false, errors: { [field]: message } });
  });
});
